import { Parser } from 'htmlparser2';
import { repairText } from './repair-text';
import type { SourceLine, TextBlock } from './text-block';

const EMPHASIS = new Set(['strong', 'b', 'u', 'em', 'i']);
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title', 'noscript']);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'blockquote',
  'table',
  'tr',
  'dl',
  'dt',
  'dd',
  'hr',
  'pre',
  'figure',
]);
const LISTS = new Set(['ul', 'ol']);
const CELL = new Set(['td', 'th']);

interface Segment {
  readonly text: string;
  readonly emphasised: boolean;
}

interface OpenItem {
  text: string;
  line: number;
}

/**
 * Reads an HTML fragment (a JSON-LD `description`, an HTML block in Markdown) into text blocks.
 *
 * `<h1>`…`<h6>` are headings; `<li>` are items (text before a nested list is an item of its own); other
 * text is cut into lines at `<br>` and into paragraphs at `<br><br>` and block elements. A line that is all
 * `<strong>`/`<b>`/`<u>` stands alone as its own paragraph, so the section builder can take it as a heading.
 *
 * @param lineAt 1-based source line of an offset into `html`.
 */
export function htmlBlocks(html: string, lineAt: (offset: number) => number): TextBlock[] {
  const blocks: TextBlock[] = [];
  const items: OpenItem[] = [];
  let segments: Segment[] = [];
  let segmentsLine = 0;
  let paragraph: SourceLine[] = [];
  let emphasis = 0;
  let skipped = 0;
  let heading: { text: string; rank: number; line: number } | undefined;
  let afterBreak = false;

  const endLine = (): void => {
    const text = repairText(segments.map((segment) => segment.text).join(''));
    const emphasised = segments.every((segment) => segment.emphasised || segment.text.trim() === '');
    segments = [];
    if (text === '') return;
    if (emphasised) {
      endParagraph(false);
      blocks.push({ type: 'paragraph', lines: [{ text, line: segmentsLine, emphasised: true }], beforeList: false });
    } else {
      paragraph.push({ text, line: segmentsLine, emphasised: false });
    }
  };

  const endParagraph = (beforeList: boolean): void => {
    endLine();
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph, beforeList });
    paragraph = [];
  };

  const emitItem = (item: OpenItem): void => {
    const text = repairText(item.text);
    if (text !== '') blocks.push({ type: 'item', text, line: item.line });
    item.text = '';
  };

  const parser: Parser = new Parser(
    {
      onopentag(name) {
        const offset = parser.startIndex;
        if (SKIPPED.has(name)) skipped += 1;
        if (skipped > 0) return;
        const level = /^h([1-6])$/.exec(name);
        const item = items[items.length - 1];
        if (name === 'br') {
          if (heading !== undefined) heading.text += ' ';
          else if (item !== undefined) item.text += ' ';
          else {
            endLine();
            if (afterBreak) endParagraph(false);
            afterBreak = true;
          }
        } else if (level !== null) {
          endParagraph(false);
          heading = { text: '', rank: Number(level[1]), line: lineAt(offset) };
        } else if (name === 'li') {
          endParagraph(false);
          if (item !== undefined) emitItem(item);
          items.push({ text: '', line: lineAt(offset) });
        } else if (LISTS.has(name)) {
          endParagraph(true);
          if (item !== undefined) emitItem(item);
          // A paragraph closed by </p> just before the list still introduces it.
          const last = blocks[blocks.length - 1];
          if (last?.type === 'paragraph' && !last.beforeList) blocks[blocks.length - 1] = { ...last, beforeList: true };
        } else if (BLOCK.has(name)) {
          if (item === undefined) endParagraph(false);
          else item.text += ' ';
        } else if (CELL.has(name)) {
          segments.push({ text: ' ', emphasised: true });
        } else if (EMPHASIS.has(name)) {
          emphasis += 1;
        }
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipped = Math.max(0, skipped - 1);
          return;
        }
        if (skipped > 0) return;
        const item = items[items.length - 1];
        if (/^h[1-6]$/.test(name) && heading !== undefined) {
          const text = repairText(heading.text);
          if (text !== '') blocks.push({ type: 'heading', text, rank: heading.rank, line: heading.line });
          heading = undefined;
        } else if (name === 'li' && item !== undefined) {
          emitItem(item);
          items.pop();
        } else if (LISTS.has(name) || BLOCK.has(name)) {
          if (item === undefined) endParagraph(false);
        } else if (EMPHASIS.has(name)) {
          emphasis = Math.max(0, emphasis - 1);
        }
      },
      ontext(data) {
        if (skipped > 0) return;
        const item = items[items.length - 1];
        if (heading !== undefined) heading.text += data;
        else if (item !== undefined) item.text += data;
        else {
          if (segments.every((segment) => segment.text.trim() === '')) segmentsLine = lineAt(parser.startIndex);
          segments.push({ text: data, emphasised: emphasis > 0 });
        }
        if (data.trim() !== '') afterBreak = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  for (const item of items.reverse()) emitItem(item);
  endParagraph(false);
  const unclosed = heading === undefined ? '' : repairText(heading.text);
  if (heading !== undefined && unclosed !== '') {
    blocks.push({ type: 'heading', text: unclosed, rank: heading.rank, line: heading.line });
  }
  return blocks;
}
