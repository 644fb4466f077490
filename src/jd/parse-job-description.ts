import { parseJsonLd, looksLikeJson } from './parse-json-ld';
import { parseMarkdown } from './parse-markdown';
import { readerVocabulary, type ReaderSections } from './section-vocabulary';
import type { JobDescription } from './types';

/** Options of {@link parseJobDescription}. */
export interface ParseJobDescriptionOptions {
  /**
   * Extra heading phrases (from org.yaml), added to the defaults; a phrase listed here takes its kind from
   * here even when the defaults file it elsewhere.
   * @default DEFAULT_SECTION_VOCABULARY alone
   */
  readonly vocabulary?: ReaderSections;
}

/**
 * Parses a job description, telling its format from the content rather than a file name: JSON-LD
 * (a schema.org JobPosting), Markdown with YAML front matter, or plain Markdown.
 * @throws JdParseError when JSON content holds no JobPosting or the front matter is broken
 */
export function parseJobDescription(text: string, options: ParseJobDescriptionOptions = {}): JobDescription {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const vocabulary = readerVocabulary(options.vocabulary);
  return looksLikeJson(source) ? parseJsonLd(source, vocabulary) : parseMarkdown(source, vocabulary);
}
