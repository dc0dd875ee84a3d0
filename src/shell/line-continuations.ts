// Bash removes a backslash-newline before it splits words, wherever it is outside single quotes and
// comments: `r\<newline>m -rf ~` runs `rm -rf ~`. tree-sitter-bash reads the pair as a break between
// words there (`r`, then `m`), so the command was judged as a program named `r`. When a pair splits a
// word, the text with the pairs removed is assessed as well (assess/shell.ts): whichever reading is bash's,
// what it runs is judged.

/**
 * `text` with its backslash-newlines removed as bash removes them, when one of them joins two parts of a
 * word; undefined when none does (the usual line continuation, between words, reads the same either way).
 */
export function joinedContinuations(text: string): string | undefined {
  if (!text.includes('\\\n')) return undefined;
  let out = '';
  let joinsWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      out += c;
    } else if (c === '\\' && text[i + 1] === '\n') {
      const before = out.at(-1);
      const after = text[i + 2];
      if (before !== undefined && after !== undefined && /\S/.test(before) && /\S/.test(after))
        joinsWord = true;
      i++;
    } else if (c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
    } else if (c === '#' && !quote && (out === '' || /\s/.test(out.at(-1)!))) {
      // A comment runs to the end of its line, a backslash in it included.
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop - 1;
    } else {
      if (c === '"') quote = quote === '"' ? undefined : '"';
      else if (c === "'" && !quote) quote = "'";
      out += c;
    }
  }
  return joinsWord ? out : undefined;
}
