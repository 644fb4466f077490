import { quoteKey, quoteWords, trimQuote } from './quote-text';
import type { JdItem, JdSection, JobDescription, SectionKind } from './types';

/** The passage of a job description that comes closest to a quote that was not found. */
export interface ClosestPassage {
  readonly text: string;
  readonly line: number;
  /** Heading of the section the passage is in. */
  readonly section: string;
  readonly kind: SectionKind;
  /** How close, from 0 (no word in common) to 1 (the same words). */
  readonly score: number;
}

/** Where a quote was found, or the closest passage for a did-you-mean hint. */
export type QuoteMatch =
  | { readonly found: true; readonly item: JdItem; readonly section: JdSection }
  | { readonly found: false; readonly closest?: ClosestPassage };

const KIND_ORDER: readonly SectionKind[] = ['duties', 'requirements', 'context', 'benefits', 'process', 'about', 'other'];

interface Hit {
  readonly item: JdItem;
  readonly section: JdSection;
}

/** The item holding a match of `key`: one that contains it, else one where it starts and runs on. */
function findInSection(section: JdSection, key: string, spanning: boolean): JdItem | undefined {
  const keys = section.items.map((item) => quoteKey(item.text));
  if (!spanning) return section.items.find((_, index) => keys[index]?.includes(key));
  const at = keys.join('').indexOf(key);
  if (at < 0) return undefined;
  let end = 0;
  return section.items.find((_, index) => {
    end += keys[index]?.length ?? 0;
    return at < end;
  });
}

function findHit(jd: JobDescription, key: string): Hit | undefined {
  for (const kind of KIND_ORDER) {
    for (const spanning of [false, true]) {
      for (const section of jd.sections.filter((candidate) => candidate.kind === kind)) {
        const item = findInSection(section, key, spanning);
        if (item !== undefined) return { item, section };
      }
    }
  }
  return undefined;
}

/** F2 of the quote's words against the passage's: finding the quote's words counts more than brevity. */
function closeness(quote: ReadonlySet<string>, passage: ReadonlySet<string>): number {
  const shared = [...quote].filter((word) => passage.has(word)).length;
  if (shared === 0) return 0;
  const recall = shared / quote.size;
  const precision = shared / passage.size;
  return (5 * precision * recall) / (4 * precision + recall);
}

function closestPassage(jd: JobDescription, quote: string): ClosestPassage | undefined {
  const words = quoteWords(quote);
  let best: ClosestPassage | undefined;
  for (const kind of KIND_ORDER) {
    for (const section of jd.sections.filter((candidate) => candidate.kind === kind)) {
      for (const item of section.items) {
        const score = Math.round(closeness(words, quoteWords(item.text)) * 1000) / 1000;
        if (score > 0 && (best === undefined || score > best.score)) {
          best = { text: item.text, line: item.line, section: section.heading, kind, score };
        }
      }
    }
  }
  return best;
}

/**
 * Finds a quote in a job description, ignoring case, whitespace and typographic quotes and dashes.
 * A match in a duties section is preferred, then requirements, then the rest; a quote may run on from
 * one item into the next of the same section. When nothing matches, the closest passage by shared words
 * is returned for a did-you-mean hint.
 */
export function findQuote(jd: JobDescription, quote: string): QuoteMatch {
  const key = quoteKey(trimQuote(quote));
  const hit = key === '' ? undefined : findHit(jd, key);
  if (hit !== undefined) return { found: true, item: hit.item, section: hit.section };
  const closest = closestPassage(jd, quote);
  return closest === undefined ? { found: false } : { found: false, closest };
}
