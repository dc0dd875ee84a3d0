import { StringDecoder } from 'node:string_decoder';

// `check --batch` answers each line as soon as it has read it, so a program can keep one batch open as a
// co-process (write a line, read its answer, write the next). Lines that have already arrived together
// are handed over together, so their decisions share one audit-log commit: a file piped in comes in
// groups of up to `max` lines, a person or a co-process typing one line at a time in groups of one.

/** Line ends as readline sees them with `crlfDelay: Infinity`: \n, \r\n, and a lone \r. */
const LINE_END = /\r?\n|\r(?!\n)/;

/**
 * The lines of `input`, in groups: each group holds complete lines that had arrived when it was taken
 * (a stream's async iterator hands over everything buffered at once), at most `max` of them.
 */
export async function* lineGroups(input: NodeJS.ReadableStream, max: number): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    const text = partial + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    // A trailing \r may be the first half of \r\n: keep it until the next chunk says.
    const cut = text.endsWith('\r') ? text.length - 1 : text.length;
    const lines = text.slice(0, cut).split(LINE_END);
    partial = lines.pop()! + text.slice(cut);
    for (let i = 0; i < lines.length; i += max) yield lines.slice(i, i + max);
  }
  const rest = (partial + decoder.end()).split(LINE_END);
  if (rest.at(-1) === '') rest.pop();
  if (rest.length) yield rest;
}
