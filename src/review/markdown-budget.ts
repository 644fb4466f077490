/**
 * GitHub refuses an issue or pull-request comment longer than 65,536 characters.
 * https://docs.github.com/en/rest/issues/comments#create-an-issue-comment (body: "maximum 65536 characters")
 */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Room kept for the closing note that says what was cut; the note is always shorter. */
const NOTE_ROOM = 1_000;

/**
 * A comment written in order of importance that never grows past a limit: a block is added whole or not
 * at all (so no table row, `<details>` or fence is ever cut in half), and what did not fit is counted
 * for the closing note. Lengths are counted in UTF-16 code units, never fewer than the characters
 * GitHub counts.
 */
export class CommentBudget {
  private readonly parts: string[] = [];
  private used = 0;
  private readonly cut: { readonly count: number; readonly what: string }[] = [];

  constructor(private readonly limit: number = GITHUB_COMMENT_LIMIT) {}

  /** Adds `text` when it fits; returns whether it did. */
  add(text: string): boolean {
    if (this.used + text.length > this.limit - NOTE_ROOM) return false;
    this.parts.push(text);
    this.used += text.length;
    return true;
  }

  /**
   * Adds a section: `head` (a heading, a table header), then as many `items` as fit, then `foot`; when not
   * even the first item fits, nothing. Items left out are counted as `what` (`"people"`, `"risk rows"`).
   */
  section(head: string, items: readonly string[], what: string, foot = '\n'): void {
    if (items.length === 0) return;
    const first = items[0] ?? '';
    if (this.used + head.length + first.length + foot.length > this.limit - NOTE_ROOM) {
      this.skipped(items.length, what);
      return;
    }
    this.add(head);
    let shown = 0;
    for (const item of items) {
      if (this.used + item.length + foot.length > this.limit - NOTE_ROOM) break;
      this.add(item);
      shown += 1;
    }
    this.add(foot);
    this.skipped(items.length - shown, what);
  }

  /** Counts `count` items of `what` as cut. */
  skipped(count: number, what: string): void {
    if (count > 0) this.cut.push({ count, what });
  }

  /**
   * The comment, ending with a note when anything was cut: how many more changes there are, what they
   * are, and `elsewhere`, where they can be read in full (the job summary, an artifact).
   */
  text(elsewhere: string, noun: readonly [one: string, many: string] = ['change', 'changes']): string {
    const body = this.parts.join('');
    if (this.cut.length === 0) return body;
    const total = this.cut.reduce((sum, entry) => sum + entry.count, 0);
    const limit =
      this.limit === GITHUB_COMMENT_LIMIT
        ? "GitHub's 65,536-character comment limit"
        : `the limit of ${this.limit.toLocaleString('en-GB')} characters`;
    const what = this.cut.map((entry) => `${entry.count} ${entry.what}`).join(', ');
    const note = `\n---\n**${total} more ${total === 1 ? noun[0] : noun[1]} not shown** to stay under ${limit} (${what}): ${elsewhere}\n`;
    return body + note.slice(0, NOTE_ROOM);
  }
}
