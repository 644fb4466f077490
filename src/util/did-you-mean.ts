import { compareText } from './compare-text';

/**
 * Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps of two
 * neighbouring characters (optimal string alignment). Case-sensitive: lower-case both to ignore case.
 */
export function editDistance(a: string, b: string): number {
  // Three rows suffice: the swap looks two rows back.
  let before: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Words of a camel-case or kebab-case name, lower-case, with a plural `s` dropped: `ListBuckets` → list, bucket. */
function wordsOf(name: string): readonly string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [name]).map((word) => {
    const lower = word.toLowerCase();
    return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
  });
}

/**
 * Up to `limit` candidates that `input` was probably meant to be, best first, ignoring case. A candidate
 * qualifies when it is
 * 1. a small edit away (`GetObjects` → `GetObject`, `lamda` → `lambda`): at most 1 edit for 1–4
 *    characters, 2 for 5–8, 3 beyond;
 * 2. an extension or a shortening of the input (`dynamo` → `dynamodb`), the closest length first; or
 * 3. made of all the input's words (`ListBuckets` → `ListAllMyBuckets`), the shortest first.
 * Ties are broken alphabetically, so the answer never depends on the order of `candidates`.
 */
export function didYouMean(input: string, candidates: readonly string[], limit = 3): readonly string[] {
  const lower = input.toLowerCase();
  const threshold = Math.min(3, Math.floor(lower.length / 4) + 1);
  const words = wordsOf(input);
  const scored: { readonly candidate: string; readonly tier: number; readonly score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const other = candidate.toLowerCase();
    if (other === lower) continue;
    const distance = editDistance(lower, other);
    if (distance <= threshold) {
      scored.push({ candidate, tier: 0, score: distance });
    } else if (other.startsWith(lower) || lower.startsWith(other)) {
      scored.push({ candidate, tier: 1, score: Math.abs(other.length - lower.length) });
    } else {
      const theirs = new Set(wordsOf(candidate));
      if (words.length > 1 && words.every((word) => theirs.has(word))) {
        scored.push({ candidate, tier: 2, score: other.length - lower.length });
      }
    }
  }
  return scored
    .sort((a, b) => a.tier - b.tier || a.score - b.score || compareText(a.candidate, b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
