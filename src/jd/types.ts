/** The format a job description was written in, detected from its content. */
export type JdFormat = 'markdown' | 'front-matter' | 'json-ld';

/** What a section of a job description is about, decided from its heading. */
export type SectionKind = 'duties' | 'requirements' | 'other';

/** One bullet, list item or prose sentence group of a job description. */
export interface JdItem {
  /** Repaired text: entities decoded, Markdown escapes removed, mojibake fixed, whitespace collapsed. */
  readonly text: string;
  /** 1-based line of the item in the source file (JSON-LD documents are often a single line). */
  readonly line: number;
}

/** A headed part of a job description. */
export interface JdSection {
  /** Repaired heading text, e.g. "Key activities" or "The Team Today". */
  readonly heading: string;
  readonly kind: SectionKind;
  /** 1-based line of the heading in the source file. */
  readonly line: number;
  readonly items: readonly JdItem[];
}

/** A parsed job description. */
export interface JobDescription {
  readonly title: string;
  readonly format: JdFormat;
  readonly sections: readonly JdSection[];
}

/**
 * Heading vocabulary: lower-case words or phrases that, found in a section heading, give the section its
 * kind. Data, not code: org.yaml can extend it.
 */
export interface SectionVocabulary {
  readonly duties: readonly string[];
  readonly requirements: readonly string[];
  readonly other: readonly string[];
}
