/** The format a job description was written in, detected from its content. */
export type JdFormat = 'markdown' | 'front-matter' | 'json-ld';

/** The kinds a section vocabulary can name, in the order org.yaml `jdSections` lists them. */
export const SECTION_KINDS = ['duties', 'requirements', 'context', 'benefits', 'process', 'about'] as const;

/** A kind the vocabulary can give a heading. */
export type VocabularyKind = (typeof SECTION_KINDS)[number];

/**
 * What a section of a job description is about: a vocabulary kind, or `other` for a section no word of
 * which is known and that has no section around it to take a kind from. Only `duties` justify access.
 */
export type SectionKind = VocabularyKind | 'other';

/** One bullet, list item or prose sentence group of a job description. */
export interface JdItem {
  /** Repaired text: entities decoded, markup removed, mojibake fixed, whitespace collapsed. */
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

/** One role of a page that describes several, with the anchor a role file picks it by (`jd: page.md#anchor`). */
export interface JdRole {
  readonly anchor: string;
  readonly title: string;
  /** 1-based line of the heading (or JSON-LD posting) the role starts at. */
  readonly line: number;
  readonly sections: readonly JdSection[];
}

/** A parsed job description. */
export interface JobDescription {
  readonly title: string;
  readonly format: JdFormat;
  /** Every section of the document, roles included. */
  readonly sections: readonly JdSection[];
  /**
   * The roles of a page that describes several (two or more); empty for a page about one role. Each role
   * holds the sections under its heading, so one role's duties never justify another's access.
   */
  readonly roles: readonly JdRole[];
}

/**
 * Heading vocabulary: words or phrases that, found in a section heading, give the section its kind.
 * Data, not code: org.yaml `jdSections` can extend it and move phrases between kinds.
 */
export type SectionVocabulary = { readonly [kind in VocabularyKind]: readonly string[] };
