/** One line of a paragraph, already repaired. */
export interface SourceLine {
  readonly text: string;
  /** 1-based line in the source file. */
  readonly line: number;
  /** Whether all of the line is bold, italic or underlined: such a line may be a heading. */
  readonly emphasised: boolean;
}

/** A heading written as a heading (`##`, `<h2>`). */
export interface HeadingBlock {
  readonly type: 'heading';
  readonly text: string;
  /** 1 for `#` or `<h1>` down to 6; paragraphs that turn out to be headings rank below all of these. */
  readonly rank: number;
  readonly line: number;
}

/** A paragraph: lines that may turn out to be a heading, one item or several items. */
export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly lines: readonly SourceLine[];
  /** Whether a list follows right after, which makes a short last line read as the list's heading. */
  readonly beforeList: boolean;
}

/** One list item. */
export interface ListItemBlock {
  readonly type: 'item';
  readonly text: string;
  readonly line: number;
}

/**
 * The shape every reader (Markdown, HTML) reduces a document to before sections are built, so that
 * headings and items are found the same way whatever the format.
 */
export type TextBlock = HeadingBlock | ParagraphBlock | ListItemBlock;
