import type { SyntaxNode } from './syntax.js';

// node-tree-sitter answers every `children`, `namedChildren`, `text` or field lookup with a call into the
// addon and fresh node objects, and the extractor asks for the same node's children several times: for a
// line of fifty commands that was most of its cost (issue 17). One cursor walk copies the tree into plain
// objects instead; every later question is answered from memory.

/** The parts of node-tree-sitter's TreeCursor the copy reads. */
export interface NativeCursor {
  readonly nodeType: string;
  readonly nodeIsNamed: boolean;
  readonly nodeIsMissing: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: { row: number; column: number };
  readonly currentFieldName: string | undefined | null;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

class PlainNode implements SyntaxNode {
  readonly children: PlainNode[] = [];
  readonly namedChildren: PlainNode[] = [];
  /** Field name of each child, by its position in `children`. */
  readonly fields: (string | undefined)[] = [];
  hasError = false;
  /** How many of the parent's named children come before this node. */
  namedBefore = 0;
  private textCache: string | undefined;

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly startPosition: { readonly row: number; readonly column: number },
    readonly parent: PlainNode | null,
  ) {}

  get text(): string {
    return (this.textCache ??= this.source.slice(this.startIndex, this.endIndex));
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

/** tree-sitter's own rule: a missing node, or an ERROR holding what it skipped (a lone error token is not). */
const ownError = (node: PlainNode) => node.isMissing || (node.type === 'ERROR' && node.children.length > 0);

/**
 * A copy of the tree under the cursor's node, in plain objects. `source` is the text that was parsed
 * (node-tree-sitter's indices are its UTF-16 offsets, as `text` reads them).
 */
export function plainTree(cursor: NativeCursor, source: string): SyntaxNode {
  const copy = (parent: PlainNode | null): PlainNode =>
    new PlainNode(
      source,
      cursor.nodeType,
      cursor.nodeIsNamed,
      cursor.nodeIsMissing,
      cursor.startIndex,
      cursor.endIndex,
      cursor.startPosition,
      parent,
    );
  const root = copy(null);
  // Depth first, without recursion: a generated line may nest thousands deep.
  let node = root;
  let descended = cursor.gotoFirstChild();
  while (descended || node !== root) {
    if (descended) {
      const child = copy(node);
      node.fields.push(cursor.currentFieldName ?? undefined);
      node.children.push(child);
      child.namedBefore = node.namedChildren.length;
      if (child.isNamed) node.namedChildren.push(child);
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
