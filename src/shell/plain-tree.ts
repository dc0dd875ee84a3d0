import type { SyntaxNode } from './syntax.js';

// node-tree-sitter answers every `children`, `namedChildren`, `text` or field lookup with a call into the
// addon and fresh node objects, and the extractor asks for the same node's children several times: for a
// line of fifty commands that was most of its cost (issue 17). One cursor walk copies the tree into plain
// objects instead; every later question is answered from memory.

/** The parts of node-tree-sitter's TreeCursor the copy reads. */
export interface NativeCursor {
  readonly nodeType: string;
  readonly nodeTypeId: number;
  readonly nodeIsNamed: boolean;
  readonly nodeIsMissing: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentFieldId: number | undefined | null;
  readonly currentFieldName: string | undefined | null;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

/**
 * What a node's type id says, remembered per grammar: its name and whether it is named are properties of
 * the symbol (tree-sitter reads both from the symbol's metadata), so each is asked of the addon once
 * instead of once per node; a field's name likewise. Owned by whoever owns the parser (tree-sitter.ts).
 */
export interface SymbolNames {
  types: Map<number, SymbolKind>;
  fields: Map<number, string | undefined>;
  /** Named types whose children never carry a field name (see `newSymbolNames`). */
  unfielded: ReadonlySet<string>;
}

interface SymbolKind {
  type: string;
  isNamed: boolean;
  /** Whether a child of a node of this type may carry a field name: if not, none is asked for. */
  fielded: boolean;
}

/** One entry of a grammar's node-types.json (node-tree-sitter's `language.nodeTypeInfo`). */
export interface NodeTypeInfo {
  type: string;
  named: boolean;
  fields?: Record<string, unknown>;
}

/**
 * `nodeTypes`, the grammar's own list of node types, says which types have fields (those a hidden child
 * gives its visible parent included): the children of the others are not asked for one, a native call
 * less per such node. A type it does not list (ERROR) is always asked.
 */
export const newSymbolNames = (nodeTypes: readonly NodeTypeInfo[] = []): SymbolNames => ({
  types: new Map(),
  fields: new Map(),
  unfielded: new Set(
    nodeTypes.filter((t) => t.named && Object.keys(t.fields ?? {}).length === 0).map((t) => t.type),
  ),
});

/** The parsed text and, once a position is asked for, where each of its lines starts. */
class Source {
  private lineStarts: number[] | undefined;
  constructor(readonly text: string) {}

  /** Row and column (UTF-16 units, as node-tree-sitter reports them for a string) of an offset. */
  position(index: number): { row: number; column: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return { row: low, column: index - starts[low]! };
  }
}

/** tree-sitter starts a row after each \n (a \r alone does not). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Most nodes are leaves: they share one empty list each instead of three new ones apiece. */
const NO_CHILDREN: readonly never[] = Object.freeze([]);

class PlainNode implements SyntaxNode {
  children: readonly PlainNode[] = NO_CHILDREN;
  namedChildren: readonly PlainNode[] = NO_CHILDREN;
  /** Field name of each child, by its position in `children`. */
  fields: readonly (string | undefined)[] = NO_CHILDREN;
  hasError = false;
  /** Whether its children may carry a field name (SymbolKind.fielded). */
  fielded = true;
  /** How many of the parent's named children come before this node. */
  namedBefore = 0;
  private textCache: string | undefined;

  constructor(
    private readonly source: Source,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly parent: PlainNode | null,
  ) {}

  get text(): string {
    return (this.textCache ??= this.source.text.slice(this.startIndex, this.endIndex));
  }

  /** Worked out from the text when asked (only a script's commands ask): one addon call less per node. */
  get startPosition(): { readonly row: number; readonly column: number } {
    return this.source.position(this.startIndex);
  }

  get lastNamedChild(): PlainNode | null {
    return this.namedChildren[this.namedChildren.length - 1] ?? null;
  }

  get previousNamedSibling(): PlainNode | null {
    return this.parent && this.namedBefore > 0 ? this.parent.namedChildren[this.namedBefore - 1]! : null;
  }

  childForFieldName(name: string): PlainNode | null {
    const at = this.fields.indexOf(name);
    return at < 0 ? null : this.children[at]!;
  }

  childrenForFieldName(name: string): PlainNode[] {
    return this.children.filter((_, i) => this.fields[i] === name);
  }
}

/** Appends `child` (under `field`) to `node`'s lists, giving the node lists of its own at its first child. */
function addChild(node: PlainNode, child: PlainNode, field: string | undefined): void {
  if (node.children === NO_CHILDREN) {
    node.children = [child];
    node.fields = [field];
    node.namedChildren = child.isNamed ? [child] : NO_CHILDREN;
    return;
  }
  (node.children as PlainNode[]).push(child);
  (node.fields as (string | undefined)[]).push(field);
  child.namedBefore = node.namedChildren.length;
  if (!child.isNamed) return;
  if (node.namedChildren === NO_CHILDREN) node.namedChildren = [child];
  else (node.namedChildren as PlainNode[]).push(child);
}

/** tree-sitter's own rule: a missing node, or an ERROR holding what it skipped (a lone error token is not). */
const ownError = (node: PlainNode) => node.isMissing || (node.type === 'ERROR' && node.children.length > 0);

/**
 * A copy of the tree under the cursor's node, in plain objects. `text` is the text that was parsed
 * (node-tree-sitter's indices are its UTF-16 offsets, as `text` reads them); `names` remembers what each
 * type and field id is called, for the grammar the cursor's tree comes from.
 */
export function plainTree(
  cursor: NativeCursor,
  text: string,
  names: SymbolNames = newSymbolNames(),
): SyntaxNode {
  const source = new Source(text);
  const symbol = (id: number): SymbolKind => {
    let known = names.types.get(id);
    if (!known) {
      const type = cursor.nodeType;
      const isNamed = cursor.nodeIsNamed;
      known = { type, isNamed, fielded: !(isNamed && names.unfielded.has(type)) };
      names.types.set(id, known);
    }
    return known;
  };
  /** The field name of the cursor's node, a child of `parent`. */
  const field = (parent: PlainNode): string | undefined => {
    if (!parent.fielded) return undefined;
    const id = cursor.currentFieldId;
    if (!id) return undefined; // 0 or absent: no field
    if (!names.fields.has(id)) names.fields.set(id, cursor.currentFieldName ?? undefined);
    return names.fields.get(id);
  };
  const copy = (parent: PlainNode | null): PlainNode => {
    const { type, isNamed, fielded } = symbol(cursor.nodeTypeId);
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    // A missing node is one tree-sitter inserted: it spans no text, so only an empty node is asked.
    const missing = start === end && cursor.nodeIsMissing;
    const node = new PlainNode(source, type, isNamed, missing, start, end, parent);
    if (!fielded) node.fielded = false;
    return node;
  };
  const root = copy(null);
  // Depth first, without recursion: a generated line may nest thousands deep.
  let node = root;
  let descended = cursor.gotoFirstChild();
  while (descended || node !== root) {
    if (descended) {
      const child = copy(node);
      addChild(node, child, field(node));
      node = child;
      descended = cursor.gotoFirstChild();
      continue;
    }
    // No (more) children: close this node and move to its next sibling, or up.
    node.hasError ||= ownError(node);
    const parent = node.parent!;
    parent.hasError ||= node.hasError;
    if (cursor.gotoNextSibling()) {
      node = parent;
      descended = true;
    } else {
      cursor.gotoParent();
      node = parent;
      descended = false;
    }
  }
  root.hasError ||= ownError(root);
  return root;
}
