/**
 * Template markup that pages built by Jekyll, GitBook and Hugo carry in their Markdown source: Liquid
 * tags `{% … %}` and output `{{ … }}`, Hugo shortcodes `{{< … >}}` and `{{% … %}}`. None of it is the
 * author's prose, and none of it may end up in a duty that justifies access.
 */

/** Block tags removed with everything between them and their end tag: notes, page references, comments. */
const CALLOUTS: ReadonlySet<string> = new Set([
  'hint',
  'content-ref',
  'comment',
  'notice',
  'note',
  'alert',
  'callout',
  'warning',
  'tip',
  'info',
  'admonition',
  'caution',
  'important',
  'danger',
  'aside',
  'details',
  'toc',
  'swagger',
  'openapi',
]);

/** Openers and closers of the three kinds of markup. */
const DELIMITERS: readonly (readonly [open: string, close: string])[] = [
  ['{{<', '>}}'],
  ['{{%', '%}}'],
  ['{%', '%}'],
  ['{{', '}}'],
];

/**
 * Longest front-matter value substituted, in characters: a title or a team name. A longer one vanishes
 * like any other tag, so a small page cannot expand into a huge one (ten thousand `{{ page.title }}` of a
 * 100 KiB title would be a gigabyte).
 */
const MAX_PAGE_VALUE = 200;

/** `page.title`, `page.team`: front-matter values Jekyll substitutes into the page. */
const PAGE_VALUE = /^-?\s*page\.([A-Za-z_][\w-]*)\s*-?$/;

interface Tag {
  readonly start: number;
  readonly end: number;
  readonly open: string;
  readonly body: string;
}

/** The newlines of a removed span, so every line after it keeps its number. */
function newlinesOf(text: string): string {
  return text.replace(/[^\n]/g, '');
}

/** The first word of a tag, without "/" or "end": "hint", "/notice" and "endhint" all name the hint. */
function tagName(body: string): { readonly name: string; readonly closing: boolean } {
  const word = /^[-\s]*(\/?\s*[\w-]+)/.exec(body)?.[1]?.replace(/\s+/g, '') ?? '';
  if (word.startsWith('/')) return { name: word.slice(1).toLowerCase(), closing: true };
  if (/^end[\w-]/i.test(word)) return { name: word.slice(3).replace(/^-/, '').toLowerCase(), closing: true };
  return { name: word.toLowerCase(), closing: false };
}

/**
 * Finds tags in order, in one pass: after a closer is not found once for an opener, no later opener of
 * that kind can be closed either, so a page of ten thousand unclosed `{%` is read in linear time.
 */
function findTags(text: string): Tag[] {
  const tags: Tag[] = [];
  const unclosedFrom = new Map<string, number>();
  let at = text.indexOf('{');
  while (at >= 0 && at < text.length) {
    const delimiter = DELIMITERS.find(([open]) => text.startsWith(open, at));
    const noCloser = delimiter === undefined ? undefined : unclosedFrom.get(delimiter[1]);
    if (delimiter === undefined || (noCloser !== undefined && noCloser <= at)) {
      at = text.indexOf('{', at + 1);
      continue;
    }
    const [open, close] = delimiter;
    const closeAt = text.indexOf(close, at + open.length);
    if (closeAt < 0) {
      unclosedFrom.set(close, at);
      at = text.indexOf('{', at + 1);
      continue;
    }
    tags.push({ start: at, end: closeAt + close.length, open, body: text.slice(at + open.length, closeAt) });
    at = text.indexOf('{', closeAt + close.length);
  }
  return tags;
}

/** Indices of the closing tags of each callout, by opener and name, with a cursor that only moves on. */
function closersByName(tags: readonly Tag[]): Map<string, { readonly at: number[]; next: number }> {
  const closers = new Map<string, { readonly at: number[]; next: number }>();
  tags.forEach((tag, index) => {
    const { name, closing } = tagName(tag.body);
    if (!closing || !CALLOUTS.has(name)) return;
    const key = `${tag.open} ${name}`;
    const list = closers.get(key) ?? { at: [], next: 0 };
    list.at.push(index);
    closers.set(key, list);
  });
  return closers;
}

/** The first closing tag of `key` after tag `index`; callouts are met in order, so the cursor never goes back. */
function nextCloser(closers: Map<string, { readonly at: number[]; next: number }>, key: string, index: number): number | undefined {
  const list = closers.get(key);
  if (list === undefined) return undefined;
  while (list.next < list.at.length && (list.at[list.next] ?? 0) <= index) list.next += 1;
  return list.at[list.next];
}

/**
 * Removes template markup from a Markdown page, keeping every line where it was. Callout blocks (GitBook
 * hints and page references, Hugo notices, Liquid comments) go with their content; other block tags
 * (`{% if %}`, `{% raw %}`) go and leave their content; `{{ page.title }}` and other `page.` values
 * become the front matter's value, and any other output tag is removed.
 *
 * @param pageValues the front matter, for `{{ page.key }}`
 */
export function removeTemplateTags(text: string, pageValues: Readonly<Record<string, unknown>> = {}): string {
  if (!text.includes('{{') && !text.includes('{%')) return text;
  const tags = findTags(text);
  const closers = closersByName(tags);
  let out = '';
  let copied = 0;
  for (let index = 0; index < tags.length; index += 1) {
    const tag = tags[index];
    if (tag === undefined || tag.start < copied) continue;
    out += text.slice(copied, tag.start);
    let end = tag.end;
    let replacement = '';
    const { name, closing } = tagName(tag.body);
    if (tag.open === '{{') {
      const key = PAGE_VALUE.exec(tag.body.trim())?.[1];
      const value = key === undefined ? undefined : pageValues[key];
      const text = typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\s+/g, ' ') : '';
      if (text.length <= MAX_PAGE_VALUE) replacement = text;
    } else if (!closing && CALLOUTS.has(name)) {
      const closer = nextCloser(closers, `${tag.open} ${name}`, index);
      const closingTag = closer === undefined ? undefined : tags[closer];
      if (closer !== undefined && closingTag !== undefined) {
        end = closingTag.end;
        index = closer;
      }
    }
    out += replacement + newlinesOf(text.slice(tag.start, end));
    copied = end;
  }
  return out + text.slice(copied);
}
