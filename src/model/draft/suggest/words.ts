/** Letters and digits of a text, lower case, accents dropped, split into words. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['‘’`´]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  const last = word.charAt(word.length - 1);
  return word.length > 3 && last === word.charAt(word.length - 2) && !/[lsz]/.test(last) ? word.slice(0, -1) : word;
}

/**
 * A light suffix stemmer (the first step of Porter's, plus a final "e"): plurals, "-ing" and "-ed" go, so
 * "monitor", "monitors", "monitoring" and "monitored" meet, while word-forming suffixes stay, so
 * "important" is never "import", "statement" never "state" and "deployment" never "deploy".
 * Short words and numbers are left alone ("k8s", "aws", "ci").
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stemmed = word;
  if (stemmed.endsWith('sses')) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('ies') && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith('s') && !/(?:ss|us|is)$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  if (stemmed.endsWith('ing') && VOWEL.test(stemmed.slice(0, -3)) && stemmed.length > 5) stemmed = undouble(stemmed.slice(0, -3));
  else if (stemmed.endsWith('ed') && VOWEL.test(stemmed.slice(0, -2)) && stemmed.length > 4) stemmed = undouble(stemmed.slice(0, -2));
  if (stemmed.endsWith('e') && stemmed.length > 4) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** A text's stemmed words. */
export function stems(text: string): string[] {
  return wordsOf(text).map(stem);
}
