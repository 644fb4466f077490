import { clipText, escapeUnsafe } from '../util/safe-text';

/**
 * Text from the roles directory in a pull-request comment. Anyone who can open a pull request writes
 * it, so none of it may end a table cell, close a `<details>`, open a link, an image, math or a code
 * block, mention a team or person (a notification to them), or leave the Mermaid graph. Each helper
 * returns text that GitHub renders as the literal characters written.
 *
 * - Every character that means something to Markdown or HTML becomes a numeric character reference
 *   (`|` is `&#124;`, which a table row does not split on), so no user text is ever markup.
 * - `@` gets a zero-width space after it, so `@org/team` is shown, not notified; so does `#` in text, so
 *   `#12` is not a reference to issue 12.
 * - Control and bidirectional characters are shown as `<U+XXXX>`; line breaks become spaces.
 *
 * https://github.github.com/gfm/#entity-and-numeric-character-references
 */

// In code, `:` may stay (an ARN is mostly colons): GitHub turns no `:shortcode:` inside `<code>` into an emoji.
const CODE_SPECIAL = /[\\`*_{}[\]()#!|~$<>&"'^]/g;
const TEXT_SPECIAL = /[\\`*_{}[\]()#!|~$<>&"'^:]/g;

/** Free text for a Markdown paragraph, list item or table cell; cut at `max` characters. */
export function mdText(text: string, max = 200): string {
  // Outside code, `#12` would link (and cross-reference) issue 12: a zero-width space keeps it text.
  return escapeMarkdown(clipText(oneLine(text), max), TEXT_SPECIAL).replace(/&#35;/g, '&#35;&#8203;');
}

/** An identifier, action or ARN, shown as code; cut at `max` characters. */
export function mdCode(text: string, max = 200): string {
  return `<code>${escapeMarkdown(clipText(oneLine(text), max), CODE_SPECIAL)}</code>`;
}

/** A list of identifiers as code, comma-separated, at most `limit` of them and a count of the rest. */
export function mdCodeList(items: readonly string[], limit = 10): string {
  if (items.length === 0) return '-';
  const shown = items
    .slice(0, limit)
    .map((item) => mdCode(item))
    .join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

function escapeMarkdown(text: string, special: RegExp): string {
  return text.replace(special, (char) => `&#${char.charCodeAt(0)};`).replace(/@/g, '&#64;&#8203;');
}

function oneLine(text: string): string {
  return escapeUnsafe(text.replace(/[\r\n\u2028\u2029\t]+/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text for a Mermaid node label written inside `["…"]`: everything but letters, digits, spaces and
 * `.,/_-` becomes a Mermaid entity code (`#35;`), so no quote, bracket, arrow (`-->` keeps its `-` but
 * loses its `>`), directive (`%%`), backtick or fence can end the label or the graph.
 * https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
export function mermaidText(text: string, max = 80): string {
  return [...clipText(oneLine(text), max)]
    .map((char) => (/^[A-Za-z0-9 .,/_-]$/.test(char) ? char : `#${char.codePointAt(0) ?? 63};`))
    .join('');
}
