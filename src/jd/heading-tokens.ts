/** Folds a word to a crude singular so that "activity" and "activities", "skill" and "skills" meet. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Splits a heading or a vocabulary phrase into comparable words: lower case, accents and apostrophes
 * dropped ("you'll" is "youll"), plurals folded, and every number written `#` so that the phrase
 * "first # months" matches the heading "Main duties for first 3 month".
 */
export function headingTokens(text: string): readonly string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['‘’`´]/g, '')
    .replace(/\d+/g, ' # ')
    .split(/[^a-z#]+/)
    .filter((word) => word.length > 0)
    .map(singular);
}
