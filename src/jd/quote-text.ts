/** Typographic characters and the plain ones they are compared as. */
const PLAIN_EQUIVALENTS: readonly (readonly [RegExp, string])[] = [
  [/[‘’‚‛′`´]/g, "'"],
  [/[“”„‟″«»]/g, '"'],
  [/[‐‑‒–—―−]/g, '-'],
  [/…/g, '...'],
];

/** Words too common to say anything about where a quote came from. */
const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'our',
  'that',
  'the',
  'their',
  'this',
  'to',
  'we',
  'with',
  'you',
  'your',
]);

/** Text with typographic quotes, apostrophes, dashes and ellipses made plain, in lower case. */
function plain(text: string): string {
  return PLAIN_EQUIVALENTS.reduce(
    (current, [pattern, replacement]) => current.replace(pattern, replacement),
    text.normalize('NFKC'),
  ).toLowerCase();
}

/**
 * The form a quote and an item are compared in: plain punctuation, lower case and no whitespace at all, so
 * "Manage  mongo\nclusters" and "Manage Mongo clusters" are the same text.
 */
export function quoteKey(text: string): string {
  return plain(text).replace(/\s+/g, '');
}

/** A quote without the quotation marks, ellipses and final punctuation people wrap around it. */
export function trimQuote(quote: string): string {
  return quote
    .trim()
    .replace(/^(?:["'“”‘’«»]|\.\.\.|…)+|(?:["'“”‘’«»]|\.\.\.|…|[.,;:!?])+$/g, '')
    .trim();
}

/** The distinct meaningful words of a text, for scoring how close a passage is to a quote. */
export function quoteWords(text: string): ReadonlySet<string> {
  return new Set(
    plain(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0 && !STOPWORDS.has(word)),
  );
}
