import { headingTokens } from './heading-tokens';
import { SECTION_KINDS, type SectionVocabulary, type VocabularyKind } from './types';

/** Why a heading got its kind. */
export interface HeadingClassification {
  /** The kind of the heading's first coordinated part with a known kind, or `duties` when any part is duties. */
  readonly kind: VocabularyKind;
  /** The vocabulary phrase that decided `kind`. */
  readonly phrase: string;
  /**
   * Every kind the heading names, in order, when it coordinates parts of different kinds
   * ("Responsibilities and benefits": duties, benefits). Items of such a section are sorted one by one.
   */
  readonly kinds: readonly VocabularyKind[];
}

interface Match {
  readonly kind: VocabularyKind;
  readonly phrase: string;
  readonly at: number;
  readonly length: number;
}

/**
 * Words that start what a heading says about its head: "Benefits | of the role", "Main duties | for the
 * first 3 months". A word at the very start ("In this role", "About us") starts no complement.
 */
const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'in',
  'at',
  'on',
  'within',
  'with',
  'from',
  'to',
  'during',
  'after',
  'across',
  'by',
  'into',
  'over',
  'under',
  'beyond',
  'throughout',
  'inside',
  'outside',
  'about',
  'like',
  'as',
]);

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

function runsAt(haystack: readonly string[], needle: readonly string[], start: number): boolean {
  if (needle.length === 0 || start + needle.length > haystack.length) return false;
  return needle.every((word, offset) => haystack[start + offset] === word);
}

/** A vocabulary's phrases by their first word, so a heading is compared only with phrases that can start at each word. */
type PhraseIndex = ReadonlyMap<
  string,
  readonly { readonly kind: VocabularyKind; readonly phrase: string; readonly tokens: readonly string[] }[]
>;

const indexes = new WeakMap<SectionVocabulary, PhraseIndex>();

function phraseIndex(vocabulary: SectionVocabulary): PhraseIndex {
  let index = indexes.get(vocabulary);
  if (index === undefined) {
    const built = new Map<string, { kind: VocabularyKind; phrase: string; tokens: readonly string[] }[]>();
    for (const kind of SECTION_KINDS) {
      for (const phrase of vocabulary[kind]) {
        const tokens = phraseTokens(phrase);
        const first = tokens[0];
        if (first === undefined) continue;
        const list = built.get(first) ?? [];
        list.push({ kind, phrase, tokens });
        built.set(first, list);
      }
    }
    indexes.set(vocabulary, (index = built));
  }
  return index;
}

/** Every place a vocabulary phrase starts within the first `end` words. */
function matchesIn(words: readonly string[], end: number, vocabulary: SectionVocabulary): Match[] {
  const index = phraseIndex(vocabulary);
  const matches: Match[] = [];
  for (let at = 0; at < end; at += 1) {
    for (const { kind, phrase, tokens } of index.get(words[at] ?? '') ?? []) {
      if (runsAt(words, tokens, at)) matches.push({ kind, phrase, at, length: tokens.length });
    }
  }
  return matches;
}

/** The match a part keeps: the longest phrase, then the last (the head noun ends a noun phrase: "Team benefits"). */
function better(a: Match, b: Match): Match {
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a.at >= b.at ? a : b;
}

/**
 * Classifies a heading by its structure and its head nouns.
 *
 * The head part is what comes before the first preposition that is not the heading's first word:
 * "Benefits of the role" has the head "Benefits", so "the role" in it says nothing. A vocabulary phrase
 * counts when it starts in the head part (it may run on: "purpose of the area"). The head part is split
 * at "and", "&", "/" and ","; each coordinated part takes the kind of its longest phrase, the last one
 * when two are as long. A heading whose parts name one kind has that kind; one whose parts name several
 * lists them in `kinds`, and is `duties` if any part is. Returns `undefined` when no phrase counts
 * (the caller decides what that means).
 */
export function classifyHeading(heading: string, vocabulary: SectionVocabulary): HeadingClassification | undefined {
  const words = headingTokens(heading, { conjunctions: true });
  let end = words.findIndex((word, index) => index > 0 && PREPOSITIONS.has(word));
  if (end < 0) end = words.length;
  const parts: { start: number; best?: Match }[] = [{ start: 0 }];
  words.slice(0, end).forEach((word, index) => {
    if (word === 'and' || word === 'or') parts.push({ start: index + 1 });
  });
  for (const match of matchesIn(words, end, vocabulary)) {
    const part = [...parts].reverse().find((candidate) => candidate.start <= match.at);
    if (part !== undefined) part.best = part.best === undefined ? match : better(part.best, match);
  }
  const found = parts.flatMap((part) => (part.best === undefined ? [] : [part.best]));
  const first = found[0];
  if (first === undefined) return undefined;
  const kinds = [...new Set(found.map((match) => match.kind))];
  const decisive = found.find((match) => match.kind === 'duties') ?? first;
  return { kind: decisive.kind, phrase: decisive.phrase, kinds };
}

/**
 * The kind a line of a mixed section names anywhere in its words, among `kinds` other than the first:
 * "25 days of paid holiday" under "Responsibilities and benefits" is benefits. Undefined when it names none.
 */
export function classifyItem(text: string, kinds: readonly VocabularyKind[], vocabulary: SectionVocabulary): VocabularyKind | undefined {
  const words = headingTokens(text);
  const others = new Set<VocabularyKind>(kinds.filter((kind) => kind !== 'duties'));
  let best: Match | undefined;
  for (const match of matchesIn(words, words.length, vocabulary)) {
    if (!others.has(match.kind)) continue;
    best = best === undefined || match.length > best.length ? match : best;
  }
  return best?.kind;
}
