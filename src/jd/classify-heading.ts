import { headingTokens } from './heading-tokens';
import type { SectionKind, SectionVocabulary } from './types';

/** Why a heading got its kind. */
export interface HeadingClassification {
  readonly kind: SectionKind;
  /** The vocabulary phrase found in the heading. */
  readonly phrase: string;
}

interface Candidate extends HeadingClassification {
  readonly words: number;
  readonly at: number;
}

const KIND_ORDER: readonly SectionKind[] = ['duties', 'requirements', 'other'];

function indexOfRun(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return start;
  }
  return -1;
}

const phraseCache = new Map<string, readonly string[]>();

/** A vocabulary phrase's words: the same few phrases are compared with every heading of every JD. */
function phraseTokens(phrase: string): readonly string[] {
  let words = phraseCache.get(phrase);
  if (words === undefined) {
    words = headingTokens(phrase);
    if (phraseCache.size > 10_000) phraseCache.clear();
    phraseCache.set(phrase, words);
  }
  return words;
}

/**
 * Classifies a heading by the vocabulary phrases it contains, matched as whole words ("about you" does not
 * match "About Your Team"). The longest phrase wins, so "purpose of the area" beats a shorter phrase;
 * then the earliest in the heading; then duties before requirements before other.
 * Returns `undefined` when no phrase matches (the caller decides what that means).
 */
export function classifyHeading(heading: string, vocabulary: SectionVocabulary): HeadingClassification | undefined {
  const words = headingTokens(heading);
  let best: Candidate | undefined;
  for (const kind of KIND_ORDER) {
    for (const phrase of vocabulary[kind]) {
      const phraseWords = phraseTokens(phrase);
      const at = indexOfRun(words, phraseWords);
      if (at < 0) continue;
      const candidate: Candidate = { kind, phrase, words: phraseWords.length, at };
      if (best === undefined || candidate.words > best.words || (candidate.words === best.words && at < best.at)) {
        best = candidate;
      }
    }
  }
  return best === undefined ? undefined : { kind: best.kind, phrase: best.phrase };
}
