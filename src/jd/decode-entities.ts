import { decodeHTMLStrict } from 'entities';

/** Most rounds of entity decoding applied; documents are seldom escaped more than twice. */
const MAX_ROUNDS = 8;

/**
 * Decodes HTML character references again and again until the text stops changing, so that text escaped
 * more than once (`&amp;lt;br&amp;gt;`) comes back to what its author typed (`<br>`).
 *
 * Strict decoding (a `;` is required) keeps words such as `&copyright` intact.
 */
export function decodeEntitiesUntilStable(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS && current.includes('&'); round += 1) {
    const next = decodeHTMLStrict(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** An HTML tag, opening or closing. */
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

/**
 * Decodes an HTML document that was escaped one or more times (`&amp;lt;br&amp;gt;`) just until its tags
 * are real tags again. Decoding further would turn text the author escaped on purpose (`&lt;host&gt;`)
 * into markup; the HTML parser and `repairText` decode what is left inside the text.
 */
export function decodeUntilMarkup(html: string): string {
  let current = html;
  for (let round = 0; round < MAX_ROUNDS && !TAG.test(current) && current.includes('&'); round += 1) {
    const next = decodeHTMLStrict(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
