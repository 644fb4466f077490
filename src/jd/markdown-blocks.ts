import type { Heading, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { htmlBlocks } from './html-blocks';
import { repairText } from './repair-text';
import { lineOfOffset } from './source-position';
import type { SourceLine, TextBlock } from './text-block';

/** mdast already removed Markdown escapes; removing them twice would eat escaped backslashes. */
const REPAIR = { markdownEscapes: false } as const;

/** A section number in front of a heading: "4. KEY ACTIVITIES", "1.2 Scope", "3) Tools". */
const SECTION_NUMBER = /^(?:(?:\d+\.)+\d*|\d+\))\s+/;

/** A line of an indented code block that is really a bullet indented by four spaces or more. */
const BULLET_LINE = /^\s*[*+-]\s+(.*)$/;

function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes.map(phrasingNodeText).join('');
}

function phrasingNodeText(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      // Inline HTML nodes are single tags; the text between them is ordinary text nodes.
      return /^<br\b/i.test(node.value) ? ' ' : '';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? phrasingText(node.children) : '';
  }
}

function isEmphasis(node: PhrasingContent): boolean {
  return node.type === 'strong' || node.type === 'emphasis';
}

function startLine(node: { readonly position?: { readonly start: { readonly line: number } } }): number {
  return node.position?.start.line ?? 1;
}

function headingBlock(node: Heading): TextBlock | undefined {
  const text = repairText(phrasingText(node.children), REPAIR).replace(SECTION_NUMBER, '');
  return text === '' ? undefined : { type: 'heading', text, rank: node.depth, line: startLine(node) };
}

/** Splits a paragraph at its line breaks, noting which lines are all bold or italic. */
function paragraphLines(node: Paragraph): SourceLine[] {
  const lines: { text: string; emphasised: boolean; plain: boolean }[] = [{ text: '', emphasised: false, plain: false }];
  for (const child of node.children) {
    const parts = phrasingNodeText(child).split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push({ text: '', emphasised: false, plain: false });
      const current = lines[lines.length - 1];
      if (current === undefined || part.trim() === '') {
        if (current !== undefined) current.text += part;
        return;
      }
      current.text += part;
      if (isEmphasis(child)) current.emphasised = true;
      else current.plain = true;
    });
  }
  const first = startLine(node);
  return lines
    .map((line, index) => ({
      text: repairText(line.text, REPAIR),
      line: first + index,
      emphasised: line.emphasised && !line.plain,
    }))
    .filter((line) => line.text !== '');
}

function listItemBlocks(node: ListItem, out: TextBlock[]): void {
  const texts: string[] = [];
  const nested: RootContent[] = [];
  for (const child of node.children) {
    if (child.type === 'paragraph' || child.type === 'heading') texts.push(phrasingText(child.children));
    else if (child.type === 'html') texts.push(child.value.replace(/<[^>]*>/g, ' '));
    else nested.push(child);
  }
  const text = repairText(texts.join(' '), REPAIR);
  if (text !== '') out.push({ type: 'item', text, line: startLine(node) });
  flowBlocks(nested, out);
}

/** A table's body rows, each one item: its cells joined with " — " (the header row names columns, it is no item). */
function tableBlocks(node: Table, out: TextBlock[]): void {
  for (const row of node.children.slice(1)) {
    const cells = row.children.map((cell) => repairText(phrasingText(cell.children), REPAIR)).filter((cell) => cell !== '');
    if (cells.length > 0) out.push({ type: 'item', text: cells.join(' — '), line: startLine(row) });
  }
}

function flowBlocks(nodes: readonly RootContent[], out: TextBlock[]): void {
  nodes.forEach((node, index) => {
    switch (node.type) {
      case 'heading': {
        const block = headingBlock(node);
        if (block !== undefined) out.push(block);
        break;
      }
      case 'paragraph': {
        const lines = paragraphLines(node);
        if (lines.length > 0) out.push({ type: 'paragraph', lines, beforeList: nodes[index + 1]?.type === 'list' });
        break;
      }
      case 'list':
        for (const item of node.children) listItemBlocks(item, out);
        break;
      case 'blockquote':
        flowBlocks(node.children, out);
        break;
      case 'html': {
        const first = startLine(node);
        const lineOf = lineOfOffset(node.value);
        out.push(...htmlBlocks(node.value, (offset) => first + lineOf(offset) - 1));
        break;
      }
      case 'table':
        tableBlocks(node, out);
        break;
      case 'code': {
        // Bullets indented four spaces or more parse as code; when every line is a bullet, read them as items.
        const lines = node.value.split('\n');
        const written = lines.filter((line) => line.trim() !== '');
        if ((node.lang === null || node.lang === undefined) && written.length > 0 && written.every((line) => BULLET_LINE.test(line))) {
          const first = startLine(node);
          lines.forEach((line, offset) => {
            const text = repairText(BULLET_LINE.exec(line)?.[1] ?? '', REPAIR);
            if (text !== '') out.push({ type: 'item', text, line: first + offset });
          });
        }
        break;
      }
      default:
        // Front matter, thematic breaks and definitions carry no headings or items.
        break;
    }
  });
}

/** Reads the flow content of a Markdown document (mdast) into text blocks, keeping source lines. */
export function markdownBlocks(nodes: readonly RootContent[]): TextBlock[] {
  const out: TextBlock[] = [];
  flowBlocks(nodes, out);
  return out;
}
