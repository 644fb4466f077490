import { JdParseError } from './jd-parse-error';

/**
 * Deepest nesting of Markdown lists and block quotes read, as estimated by {@link checkMarkdownDepth}.
 * micromark re-checks every open container on every line, so a list nested 10,000 deep takes minutes;
 * a JD needs three or four levels.
 */
export const MAX_MARKDOWN_DEPTH = 32;

/** A list marker ("-", "*", "+", "1.", "1)") followed by a space, a tab or the end of the line. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * Refuses Markdown whose lists or block quotes nest deeper than {@link MAX_MARKDOWN_DEPTH}, before it is
 * parsed, in one pass over the text. For each line that starts with container markers ("> ", "- ",
 * "1. "), the depth is estimated as the number of markers plus half the white space among them: a nested
 * list item must be indented at least two columns past its parent's marker, so the estimate is never
 * below the real depth (and is at most about twice it).
 * @throws JdParseError at the marker where the estimate first passes the limit
 */
export function checkMarkdownDepth(text: string): void {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    let at = start;
    let markers = 0;
    let space = 0;
    for (;;) {
      const char = text.charAt(at);
      if (at < stop && (char === ' ' || char === '\t')) {
        space += char === '\t' ? 4 : 1;
        at += 1;
        continue;
      }
      const marker = char === '>' ? '>' : LIST_MARKER.exec(text.slice(at, Math.min(stop, at + 11)))?.[0];
      if (at >= stop || marker === undefined) break;
      markers += 1;
      if (markers + Math.floor(space / 2) > MAX_MARKDOWN_DEPTH) {
        throw new JdParseError(`markdown lists or block quotes nested deeper than ${MAX_MARKDOWN_DEPTH} levels`, {
          line,
          column: at - start + 1,
          hint: 'a job description needs only a few levels of nesting; flatten the list',
        });
      }
      at += marker.length;
    }
    if (end === -1) break;
    start = end + 1;
    line += 1;
  }
}
