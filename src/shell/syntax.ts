// The minimal shape of a syntax tree node that the extractor needs. web-tree-sitter's Node satisfies it;
// keeping our own interface lets the core stay independent of how the grammar was loaded.
export interface SyntaxNode {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  /** Row (0-based) and column where the node starts: the line a command of a script file is on. */
  readonly startPosition: { readonly row: number; readonly column: number };
  readonly text: string;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly parent: SyntaxNode | null;
  readonly children: readonly (SyntaxNode | null)[];
  readonly namedChildren: readonly (SyntaxNode | null)[];
  /** The last named child, without building the list of all of them (a pipeline may have thousands). */
  readonly lastNamedChild: SyntaxNode | null;
  readonly previousNamedSibling: SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): (SyntaxNode | null)[];
}

export interface ParsedTree {
  readonly rootNode: SyntaxNode;
  delete(): void;
}

/** A bash parser: text in, syntax tree out. */
export interface ShellParser {
  parse(text: string): ParsedTree;
}
