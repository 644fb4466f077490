import { compareText } from '../../util/compare-text';
import { ENVIRONMENTS, GENERIC_WORDS, NEGATIVE_PHRASES, SYNONYMS } from './suggest/lexicon';
import { stems } from './suggest/words';

/** A capability suggested for a duty: the catalog keywords the duty contains, and how strongly. */
export interface Suggestion {
  readonly capabilityId: string;
  /** The keywords found, as the catalog writes them (one per name: "k8s" or "kubernetes"), sorted. */
  readonly matched: readonly string[];
  readonly score: number;
}

/** Options of {@link suggestCapabilities}. */
export interface SuggestOptions {
  /** Lowest score kept. @default SUGGESTION_THRESHOLD: one keyword that names a system */
  readonly threshold?: number;
}

/** What one keyword that names a system scores: enough on its own. */
export const SUGGESTION_THRESHOLD = 2;
/** The score of any one keyword, generic or not: whether a text mentions a capability at all. */
export const MENTION_THRESHOLD = 1;
/** A keyword of several words names a system more surely than one word. */
const PHRASE_WEIGHT = 2.5;
const WORD_WEIGHT = 2;
/** A generic keyword ("production", "cluster") adds to a suggestion; two of them make one, never one alone. */
const GENERIC_WEIGHT = 1;
/** Marks where a negative phrase was cut out, so that no keyword phrase runs across it. */
const GAP = '\u0000';

type CatalogEntry = { readonly id: string; readonly keywords: readonly string[] };

interface Keyword {
  readonly written: string;
  readonly tokens: readonly string[];
  readonly weight: number;
}

interface PreparedCapability {
  readonly id: string;
  readonly keywords: readonly Keyword[];
  readonly environments: ReadonlySet<string>;
}

const key = (tokens: readonly string[]): string => tokens.join(' ');

/** Synonym phrases (stemmed) and the single token each becomes, longest first. */
const CANONICAL: readonly (readonly [readonly string[], string])[] = SYNONYMS.flatMap((group) => {
  const canonical = key(stems(group[0] ?? ''));
  return group.map((phrase): [string[], string] => [stems(phrase), canonical]);
}).sort((a, b) => b[0].length - a[0].length);

const NEGATIVES: readonly (readonly string[])[] = NEGATIVE_PHRASES.map((phrase) => stems(phrase)).sort((a, b) => b.length - a.length);

function startsAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.length > 0 && phrase.every((word, offset) => tokens[at + offset] === word);
}

/** Writes every synonym as its group's first name, one token per name ("on call" → "oncall"). */
function canonicalize(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < tokens.length;) {
    const found = CANONICAL.find(([phrase]) => startsAt(tokens, at, phrase));
    out.push(found ? found[1] : (tokens[at] ?? ''));
    at += found ? found[0].length : 1;
  }
  return out;
}

/** A text as matchable tokens: stemmed, negative phrases cut out, synonyms named one way. */
function tokensOf(text: string): string[] {
  const words = stems(text);
  const kept: string[] = [];
  for (let at = 0; at < words.length;) {
    const negative = NEGATIVES.find((phrase) => startsAt(words, at, phrase));
    if (negative) {
      kept.push(GAP);
      at += negative.length;
    } else {
      kept.push(words[at] ?? '');
      at += 1;
    }
  }
  return canonicalize(kept);
}

const GENERIC: ReadonlySet<string> = new Set(GENERIC_WORDS.map((word) => key(canonicalize(stems(word)))));
const ENVIRONMENT_TOKENS: readonly (readonly [string, readonly (readonly string[])[]])[] = Object.entries(ENVIRONMENTS).map(
  ([name, words]) => [name, words.map((word) => canonicalize(stems(word)))],
);

function environmentsOf(tokens: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const [name, phrases] of ENVIRONMENT_TOKENS) {
    if (tokens.some((_, at) => phrases.some((phrase) => startsAt(tokens, at, phrase)))) found.add(name);
  }
  return found;
}

const prepared = new WeakMap<readonly CatalogEntry[], readonly PreparedCapability[]>();

function prepare(capabilities: readonly CatalogEntry[]): readonly PreparedCapability[] {
  let ready = prepared.get(capabilities);
  if (ready === undefined) {
    ready = capabilities.map((capability) => {
      const keywords = capability.keywords.map((written): Keyword => {
        const tokens = canonicalize(stems(written));
        const weight = GENERIC.has(key(tokens))
          ? GENERIC_WEIGHT
          : tokens.length > 1 || written.trim().includes(' ')
            ? PHRASE_WEIGHT
            : WORD_WEIGHT;
        return { written, tokens, weight };
      });
      return { id: capability.id, keywords, environments: environmentsOf(keywords.flatMap((keyword) => [...keyword.tokens, GAP])) };
    });
    prepared.set(capabilities, ready);
  }
  return ready;
}

/**
 * Suggests capabilities for a duty's text from the catalog's keywords, as a reviewer would read it: whole
 * words after stemming ("monitoring" meets "monitor", "important" never meets "import"), synonyms as one
 * name (k8s, kubernetes and EKS; mongo and MongoDB; pager and on-call), negative phrases cut out first
 * ("problem statement", "primary goal", "the production environment"). Each keyword found adds its
 * weight once (a phrase more than a word, a generic word far less), and a suggestion is kept when its
 * score reaches the threshold, it is not confined to an environment the duty does not name, and no other
 * suggestion matched everything it matched and more. Sorted by score, then id.
 */
export function suggestCapabilities(text: string, capabilities: readonly CatalogEntry[], options: SuggestOptions = {}): Suggestion[] {
  const threshold = options.threshold ?? SUGGESTION_THRESHOLD;
  const tokens = tokensOf(text);
  const environments = environmentsOf(tokens);
  const scored: { capabilityId: string; matched: string[]; tokens: Set<string>; score: number }[] = [];
  for (const capability of prepare(capabilities)) {
    const found = new Map<string, Keyword>();
    for (const keyword of capability.keywords) {
      const id = key(keyword.tokens);
      if (found.has(id) || !tokens.some((_, at) => startsAt(tokens, at, keyword.tokens))) continue;
      found.set(id, keyword);
    }
    const score = [...found.values()].reduce((sum, keyword) => sum + keyword.weight, 0);
    const [only] = capability.environments;
    const elsewhere = capability.environments.size === 1 && only !== undefined && environments.size > 0 && !environments.has(only);
    if (score < threshold || elsewhere) continue;
    const matched = [...found.values()].map((keyword) => keyword.written);
    scored.push({
      capabilityId: capability.id,
      matched: matched.sort(compareText),
      tokens: new Set(found.keys()),
      score: Math.round(score * 100) / 100,
    });
  }
  const dominated = (candidate: (typeof scored)[number]): boolean =>
    scored.some((other) => other.score > candidate.score && [...candidate.tokens].every((token) => other.tokens.has(token)));
  return scored
    .filter((candidate) => !dominated(candidate))
    .map(({ capabilityId, matched, score }) => ({ capabilityId, matched, score }))
    .sort((a, b) => b.score - a.score || compareText(a.capabilityId, b.capabilityId));
}
