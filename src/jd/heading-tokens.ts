/** Folds a word to a crude singular so that "activity" and "activities", "skill" and "skills" meet. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Contractions written out, so that "You'll" and "You will" are the same words. */
const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\b(you|we|they|i)['‘’`´]ll\b/g, '$1 will'],
  [/\b(you|we|they)['‘’`´]re\b/g, '$1 are'],
  [/\b(you|we|they|i)['‘’`´]ve\b/g, '$1 have'],
  [/\b(what|who|it|that|there)['‘’`´]s\b/g, '$1 is'],
  [/\bi['‘’`´]m\b/g, 'i am'],
];

/**
 * Splits a heading or a vocabulary phrase into comparable words: lower case, accents dropped, contractions
 * written out ("you'll" is "you will"), other apostrophes dropped, plurals folded, and every number
 * written `#` so that the phrase "first # months" matches the heading "Main duties for first 3 month".
 * With `conjunctions`, "&", "/", "+" and "," become the word "and", so a caller can split coordinated
 * headings ("Responsibilities & benefits").
 */
export function headingTokens(text: string, options: { readonly conjunctions?: boolean } = {}): readonly string[] {
  let folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) folded = folded.replace(pattern, replacement);
  folded = folded.replace(/['‘’`´]/g, '').replace(/\d+/g, ' # ');
  if (options.conjunctions === true) folded = folded.replace(/[&/+,;]/g, ' and ');
  return folded
    .split(/[^a-z#]+/)
    .filter((word) => word.length > 0)
    .map(singular);
}
