import { classifyHeading } from './classify-heading';
import type { SourceLine, TextBlock } from './text-block';
import type { SectionVocabulary } from './types';

/** Rank of a paragraph line that is all bold or underlined: below every written heading. */
const EMPHASISED_RANK = 7;
/** Rank of a paragraph line that introduces what follows ("Requirements:"): below bold lines. */
const INTRODUCING_RANK = 8;
/** Longest line, in words, that can be read as a heading. */
const MAX_HEADING_WORDS = 12;
/** Longest line, in words, read as a heading only because of its vocabulary or a list after it. */
const MAX_BARE_HEADING_WORDS = 8;
/** A line that can be a heading starts with a capital, a digit, a bracket or a quote. */
const STARTS_HEADING = /^[\p{Lu}\p{N}(["“‘']/u;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** Where a paragraph line stands. */
export interface LinePlace {
  /** The line is the last before a list (or before lines typed with bullet characters). */
  readonly introducesList: boolean;
  /** The line is a paragraph of its own. */
  readonly alone: boolean;
}

/**
 * The rank of a paragraph line that reads as a heading, or undefined: a short line that starts like a
 * heading and either ends with ':', is all bold or underlined, or (shorter still) introduces a list or
 * stands alone and names a section from the vocabulary ("Benefits").
 */
export function headingRank(line: SourceLine, place: LinePlace, vocabulary: SectionVocabulary): number | undefined {
  const words = wordCount(line.text);
  if (words > MAX_HEADING_WORDS || !STARTS_HEADING.test(line.text)) return undefined;
  if (line.text.endsWith(':')) return INTRODUCING_RANK;
  if (/[.!?,;]$/.test(line.text)) return undefined;
  if (line.emphasised) return EMPHASISED_RANK;
  if (words > MAX_BARE_HEADING_WORDS) return undefined;
  if (place.introducesList || (place.alone && classifyHeading(line.text, vocabulary) !== undefined)) return INTRODUCING_RANK;
  return undefined;
}

/**
 * The index of the page's own heading: the first written heading, when no other written heading ranks
 * as high or higher. It names the page ("# Platform Engineer", "# Tasks and Responsibilities of our
 * Platform Team"), so the sections under it do not take a kind from its words.
 */
export function pageHeadingIndex(blocks: readonly TextBlock[]): number | undefined {
  const first = blocks.findIndex((block) => block.type === 'heading');
  const heading = blocks[first];
  if (heading?.type !== 'heading') return undefined;
  const rivals = blocks.some((block, index) => index !== first && block.type === 'heading' && block.rank <= heading.rank);
  return rivals ? undefined : first;
}
