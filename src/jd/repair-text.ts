import { decodeEntitiesUntilStable } from './decode-entities';
import { repairMojibake } from './repair-mojibake';
import { unescapeMarkdown } from './unescape-markdown';

/** Options of {@link repairText}. */
export interface RepairTextOptions {
  /**
   * Remove Markdown backslash escapes. Text that already went through a Markdown parser has none left, and
   * removing them again would eat a backslash its author escaped on purpose.
   * @default true
   */
  readonly markdownEscapes?: boolean;
}

/**
 * Formatting tags that only show up in text when a document escaped its HTML once more than it decoded it.
 * Anything else in angle brackets (`ssh <host>`) is the author's text and stays.
 */
const STRAY_TAG = /<\/?(?:a|b|br|div|em|h[1-6]|hr|i|li|ol|p|span|strong|u|ul)(?:\s[^<>]*)?\/?>/gi;

/**
 * Markdown links that reached the text as written: an inline link whose target a parser never saw (in
 * HTML or JSON) or a reference link with no definition. Read as their text.
 */
const INLINE_LINK = /\[([^[\]\n]{1,300})\]\((?:[^()\s]|\([^()\s]*\)){0,2000}(?:\s+"[^"\n]{0,300}")?\)/g;
const REFERENCE_LINK = /\[([^[\]\n]{1,300})\]\[[^[\]\n]{0,300}\]/g;

/** Characters that take no space when printed. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Repairs one heading or item of a job description: decodes HTML entities until stable, fixes mojibake,
 * removes Markdown escapes, stray formatting tags and link syntax, collapses whitespace and trims.
 */
export function repairText(text: string, options: RepairTextOptions = {}): string {
  let repaired = repairMojibake(decodeEntitiesUntilStable(text));
  if (options.markdownEscapes ?? true) repaired = unescapeMarkdown(repaired);
  return repaired
    .replace(INLINE_LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(STRAY_TAG, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}
