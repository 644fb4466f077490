/** A part of a Markdown document that parses on its own, and the 1-based line of the file it starts on. */
export interface MarkdownChunk {
  readonly text: string;
  readonly firstLine: number;
}

/** Fewest lines in a chunk before the next safe place ends it. */
const CHUNK_LINES = 100;

/** HTML blocks that run across blank lines, to the end marker (CommonMark 0.31, 4.6, kinds 1 to 5). */
const HTML_SPANNING: readonly (readonly [start: RegExp, end: RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Cuts a Markdown document where every container has closed, so that the pieces can be parsed one by
 * one. micromark splices its event list each time a list closes, which makes a document of thousands of
 * separate lists quadratic (8,000 short lists took 25 s). A line that starts in column 1 after a blank
 * line closes every list and block quote, unless it is inside front matter, a fenced code block or an
 * HTML block that spans blank lines: only there is it a safe place to cut. Whatever is not recognised
 * is left uncut, so a cut never changes how a piece reads.
 * (https://spec.commonmark.org/0.31.2/#container-blocks)
 */
export function markdownChunks(text: string): MarkdownChunk[] {
  const lines = text.split('\n');
  const chunks: MarkdownChunk[] = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let frontMatter = /^---[ \t]*\r?$/.test(lines[0] ?? '');
  let previousBlank = false;
  lines.forEach((line, index) => {
    if (index > 0 && frontMatter) {
      if (/^(?:---|\.\.\.)[ \t]*\r?$/.test(line)) frontMatter = false;
      return;
    }
    if (index === 0 && frontMatter) return;
    const blank = line.trim() === '';
    const safe =
      previousBlank && !blank && fence === undefined && htmlEnd === undefined && !/^[ \t]/.test(line) && index - chunkStart >= CHUNK_LINES;
    if (safe) {
      chunks.push({ text: lines.slice(chunkStart, index).join('\n'), firstLine: chunkStart + 1 });
      chunkStart = index;
    }
    previousBlank = blank;
    if (fence !== undefined) {
      const close = FENCE.exec(line)?.[1];
      if (close !== undefined && close.charAt(0) === fence.charAt(0) && close.length >= fence.length && line.trim() === close)
        fence = undefined;
      return;
    }
    if (htmlEnd !== undefined) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      return;
    }
    const open = FENCE.exec(line)?.[1];
    if (open !== undefined) {
      fence = open;
      return;
    }
    const html = HTML_SPANNING.find(([start]) => start.test(line));
    if (html !== undefined && !html[1].test(line.replace(html[0], ''))) htmlEnd = html[1];
  });
  chunks.push({ text: lines.slice(chunkStart).join('\n'), firstLine: chunkStart + 1 });
  return chunks;
}
