import { GITHUB_COMMENT_LIMIT, renderInvalidMarkdown, renderJson, renderMarkdown, type ReviewReport } from '../../../src/review';
import { mdCode, mdText, mermaidText } from '../../../src/review/markdown-text';
import { commentShapeProblems, markdownTables, rowCells } from '../../helpers/comment-shape';
import { sampleDiff } from '../../helpers/sample-diff';

// Anything anyone can write into the roles directory (or name a branch) ends up in the comment.
const HOSTILE = [
  '</details></summary></code></td><script>alert(1)</script>',
  'a | b || c \\| d',
  '`code` ``` fence ```` ~~~',
  'A --> B ]] "quoted" [x] (y) {z} ;; %%{init: {"theme":"dark"}}%%',
  '@northwind-labs/platform @octocat #12',
  '**bold** _it_ [link](https://evil.example) ![img](https://evil.example/x.png) <img src=x onerror=alert(1)>',
  '$x^2$ :smile: <!-- hidden --> &amp; &lt;b&gt;',
  'line one\nline two\r\n# heading\n- item\n\n| t | t |',
  'right-to-left \u202Eevil\u202C and escape \u001b[31mred',
].join(' ');

const report = (overrides: Partial<ReviewReport> = {}): ReviewReport => ({
  base: { ref: HOSTILE, commit: '0123456789abcdef0123456789abcdef01234567' },
  head: { ref: 'working tree' },
  diff: sampleDiff(HOSTILE),
  gate: { failOn: 'high', failed: true, unaccepted: [] },
  ...overrides,
});

const tables = markdownTables;
const cells = (row: string): number => rowCells(row).length;

describe('renderMarkdown with hostile text in every field', () => {
  const markdown = renderMarkdown(report());

  it('keeps every table row to its header: no text adds or ends a cell', () => {
    const found = tables(markdown);
    expect(found.length).toBeGreaterThan(5);
    for (const table of found) for (const row of table) expect(cells(row)).toBe(cells(table[0] ?? ''));
    expect(commentShapeProblems(markdown, 'high')).toEqual([]);
  });

  it('keeps every <details> whole: one open and one close per person, nothing else closes one', () => {
    expect(markdown.match(/<details>/g)).toHaveLength(1);
    expect(markdown.match(/<\/details>/g)).toHaveLength(1);
    expect(markdown.match(/<\/summary>/g)).toHaveLength(1);
  });

  it('lets no raw HTML through but its own tags', () => {
    const ownTags = /<\/?(details|summary|code|br)>|<!-- rolecall-diff -->/g;
    expect(markdown.replace(ownTags, '')).not.toMatch(/</);
    expect(markdown).not.toMatch(/<script|onerror=|<img/);
  });

  it('opens no link, image, code fence, math, emoji or mention', () => {
    expect(markdown).not.toMatch(/\]\(|!\[/);
    expect(markdown.match(/^```.*$/gm)).toEqual(['```mermaid', '```']);
    expect(markdown).not.toMatch(/\$x/);
    expect(markdown).not.toMatch(/:smile:/);
    expect(markdown).not.toMatch(/@[A-Za-z0-9]/);
  });

  it('keeps every line break, control and bidirectional character of user text out', () => {
    expect(markdown).not.toMatch(/[\u202E\u202C\u001b]/);
    expect(markdown).not.toMatch(/^# heading/m);
    expect(markdown).not.toMatch(/^- item/m);
  });

  it('keeps the Mermaid graph to node and edge lines with ids it made itself', () => {
    const graph = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    const lines = graph.trim().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    for (const line of lines.slice(1)) {
      expect(line).toMatch(
        /^ {2}(?:[rc]\d+\["[^"[\]]*"\]|r\d+ (?:-->|-\.->|==>)\|"[a-z ,]+"\| c\d+|classDef high [^"]+|class [c\d,]+ high)$/,
      );
    }
  });
});

describe('markdown text helpers', () => {
  it.each([
    ['a | b', 'a &#124; b'],
    ['<b>', '&#60;b&#62;'],
    ['`x`', '&#96;x&#96;'],
    ['@team', '&#64;&#8203;team'],
    ['two\nlines', 'two lines'],
    ['https://x', 'https&#58;//x'],
    ['see #12', 'see &#35;&#8203;12'],
    ['a\u202Eb\u001b[1m', 'a&#60;U+202E&#62;b&#60;U+001B&#62;&#91;1m'],
  ])('mdText(%j) is %j', (input, output) => {
    expect(mdText(input)).toBe(output);
  });

  it.each([
    ['arn:aws:s3:::bucket/*', '<code>arn:aws:s3:::bucket/&#42;</code>'],
    ['a|b', '<code>a&#124;b</code>'],
  ])('mdCode(%j) is %j', (input, output) => {
    expect(mdCode(input)).toBe(output);
  });

  it.each([
    ['role-a', 'role-a'],
    ['a "b" [c]', 'a #34;b#34; #91;c#93;'],
    ['A --> B', 'A -- #62; B'.replace(' #62;', '#62;')],
    ['%%{init}%%', '#37;#37;#123;init#125;#37;#37;'],
  ])('mermaidText(%j) is %j', (input, output) => {
    expect(mermaidText(input)).toBe(output);
  });

  it('cuts long text with an ellipsis', () => {
    expect(mdText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe("renderMarkdown and GitHub's comment limit", () => {
  it('shows people with the same changes as one block', () => {
    const diff = sampleDiff('x', { people: 3 });
    const same = { ...diff, people: diff.people.map((person) => ({ ...person, oncall: { joined: ['cap-x'], left: [] } })) };
    const markdown = renderMarkdown(report({ diff: same }));
    expect(markdown.match(/<details>/g)).toHaveLength(1);
    expect(markdown).toMatch(
      /<summary>3 people: <code>cap-x-0<\/code>, <code>cap-x-1<\/code>, <code>cap-x-2<\/code>: gains access · high<\/summary>/,
    );
  });

  it('stays under 65,536 characters for a diff far larger, says what it cut, and keeps each block whole', () => {
    const markdown = renderMarkdown(report({ diff: sampleDiff(HOSTILE, { people: 400 }) }));
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(markdown).toMatch(
      /\*\*\d+ more changes not shown\*\* to stay under GitHub's 65,536-character comment limit \(\d+ groups of people with the same changes\): see the job summary or the JSON artifact \(`rolecall diff --format json` has everything\)\.\n$/,
    );
    expect(markdown.match(/<details>/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
    for (const table of tables(markdown)) for (const row of table) expect(cells(row)).toBe(cells(table[0] ?? ''));
  });

  it('cuts nothing that fits, and honours a smaller limit', () => {
    expect(renderMarkdown(report())).not.toMatch(/not shown\*\*/);
    const small = renderMarkdown(report(), 8_000);
    expect(small.length).toBeLessThanOrEqual(8_000);
    expect(small).toMatch(/more changes? not shown\*\* to stay under the limit of 8,000 characters/);
  });

  it('says plainly when there is no change', () => {
    const empty = {
      asOf: '2026-11-22',
      risks: [],
      people: [],
      roles: [],
      capabilities: [],
      rotations: [],
      justifications: { duties: [], anchors: [], rejustified: [] },
      settings: [],
    };
    expect(renderMarkdown({ base: { ref: 'main' }, head: { ref: 'working tree' }, diff: empty })).toBe(
      '<!-- rolecall-diff -->\n## rolecall access diff\n\n**No change in access.** Nobody gains or loses access, and no risk or justification changed.\n\nBase <code>main</code> → head the working tree, both as of 2026-11-22.\n',
    );
  });
});

describe('renderJson', () => {
  it('holds the same text as written, and keys in a stable order', () => {
    const json = renderJson(report());
    const parsed = JSON.parse(json) as { people: { name: string }[]; justifications: { duties: { quote: string }[] } };
    expect(parsed.people[0]?.name).toBe(HOSTILE);
    expect(parsed.justifications.duties[0]?.quote).toBe(HOSTILE);
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      'version',
      'asOf',
      'base',
      'head',
      'summary',
      'gate',
      'callouts',
      'risks',
      'people',
      'roles',
      'capabilities',
      'rotations',
      'justifications',
      'settings',
    ]);
    expect(Object.keys((JSON.parse(json) as { people: object[] }).people[0] ?? {})).toEqual(
      [...Object.keys((JSON.parse(json) as { people: object[] }).people[0] ?? {})].sort(),
    );
  });
});

describe('renderInvalidMarkdown', () => {
  it('escapes problems and broken quotes like everything else', () => {
    const markdown = renderInvalidMarkdown({
      base: { ref: 'main' },
      head: { ref: 'working tree' },
      asOf: '2026-11-22',
      problems: { base: [], head: [{ severity: 'error', file: 'roles/x.yaml', line: 3, column: 5, message: HOSTILE }] },
      brokenQuotes: [
        {
          role: 'x',
          quote: HOSTILE,
          at: { file: 'roles/x.yaml', line: 3 },
          jd: 'roles/jd/x.md',
          cause: 'jd-edited',
          was: { file: 'main:roles/jd/x.md', line: 4, section: HOSTILE, text: HOSTILE },
        },
      ],
    });
    expect(markdown.replace(/<\/?(code)>|<!-- rolecall-diff -->/g, '')).not.toMatch(/</);
    for (const table of tables(markdown)) for (const row of table) expect(cells(row)).toBe(cells(table[0] ?? ''));
    expect(markdown).toMatch(/^- roles\/x\.yaml&#58;3&#58;5&#58; /m);
  });
});
