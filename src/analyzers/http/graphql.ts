// A small reader of GraphQL documents: which operations they hold (query, mutation, subscription) and the
// fields at the top of each, with their arguments. Enough to tell a mutation from a query, and what it calls.

interface Token {
  kind: 'name' | 'punctuator' | 'string' | 'number';
  value: string;
}

/** One top-level field of an operation: `alertsPolicyDelete(accountId: 1, id: 2)`. */
export interface Field {
  name: string;
  arguments: Token[];
}

export interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  fields: Field[];
}

const PUNCTUATORS = '!$&():=@[]{|}';

/** The document's tokens (commas, white space and comments are ignored), or undefined if it is not GraphQL. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/[\s,\uFEFF]/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (text.startsWith('"""', i)) {
      let end = text.indexOf('"""', i + 3);
      while (end > 0 && text[end - 1] === '\\') end = text.indexOf('"""', end + 3);
      if (end < 0) return undefined;
      tokens.push({ kind: 'string', value: text.slice(i + 3, end) });
      i = end + 3;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== '"') return undefined;
      tokens.push({ kind: 'string', value: text.slice(i + 1, j) });
      i = j + 1;
    } else if (text.startsWith('...', i)) {
      tokens.push({ kind: 'punctuator', value: '...' });
      i += 3;
    } else if (PUNCTUATORS.includes(c)) {
      tokens.push({ kind: 'punctuator', value: c });
      i++;
    } else {
      const m = /^(?:[_A-Za-z][_0-9A-Za-z]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 256));
      if (!m) return undefined;
      tokens.push({ kind: /^[-\d]/.test(m[0]) ? 'number' : 'name', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Reads GraphQL's definitions, one token at a time. */
class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  get done(): boolean {
    return this.at >= this.tokens.length;
  }

  peek(value: string): boolean {
    return this.tokens[this.at]?.value === value && this.tokens[this.at]?.kind !== 'string';
  }

  next(): Token | undefined {
    return this.tokens[this.at++];
  }

  /** The tokens between an opening bracket here and its match (both left out); undefined if unbalanced. */
  group(open: string, close: string): Token[] | undefined {
    if (!this.peek(open)) return [];
    const start = ++this.at;
    let depth = 1;
    for (; this.at < this.tokens.length; this.at++) {
      const t = this.tokens[this.at]!;
      if (t.kind !== 'punctuator') continue;
      if (t.value === open) depth++;
      else if (t.value === close && --depth === 0) return this.tokens.slice(start, this.at++);
    }
    return undefined;
  }

  /** `@name(args)` directives, skipped. */
  directives(): boolean {
    while (this.peek('@')) {
      this.at += 2;
      if (!this.group('(', ')')) return false;
    }
    return true;
  }

  /** A selection set's fields, not looking inside theirs; undefined if it does not read. */
  selections(): Field[] | undefined {
    const inner = this.group('{', '}');
    if (!inner?.length) return undefined;
    const reader = new Reader(inner);
    const fields: Field[] = [];
    while (!reader.done) {
      if (reader.peek('...')) {
        reader.next();
        // `... on Type { … }` or `...Fragment`: the fields it adds are not read here.
        if (reader.peek('on')) reader.at += 2;
        else if (!reader.peek('{') && !reader.peek('@')) reader.next();
        if (!reader.directives() || !reader.group('{', '}')) return undefined;
        continue;
      }
      let name = reader.next();
      if (name?.kind !== 'name') return undefined;
      if (reader.peek(':')) {
        reader.next();
        name = reader.next();
        if (name?.kind !== 'name') return undefined;
      }
      const args = reader.group('(', ')');
      if (!args || !reader.directives() || !reader.group('{', '}')) return undefined;
      fields.push({ name: name.value, arguments: args });
    }
    return fields;
  }
}

/** The operations of a GraphQL document, or undefined when the text does not read as one. */
export function readGraphql(text: string): Operation[] | undefined {
  const tokens = tokenize(text);
  if (!tokens?.length) return undefined;
  const reader = new Reader(tokens);
  const operations: Operation[] = [];
  while (!reader.done) {
    let type: Operation['type'] = 'query';
    if (!reader.peek('{')) {
      const keyword = reader.next()?.value;
      if (keyword === 'fragment') {
        reader.next();
        reader.next(); // on
        reader.next(); // Type
        if (!reader.directives() || !reader.group('{', '}')) return undefined;
        continue;
      }
      if (keyword !== 'query' && keyword !== 'mutation' && keyword !== 'subscription') return undefined;
      type = keyword;
      if (!reader.peek('(') && !reader.peek('{') && !reader.peek('@')) reader.next();
      if (!reader.group('(', ')') || !reader.directives()) return undefined;
    }
    const fields = reader.selections();
    if (!fields) return undefined;
    operations.push({ type, fields });
  }
  return operations;
}
