import { didYouMean } from './did-you-mean';

/** The one candidate `word` was most probably meant to be (case-insensitive), or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return didYouMean(word, candidates, 1)[0];
}
