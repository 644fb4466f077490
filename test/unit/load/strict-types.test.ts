import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { AwsAccountIdSchema, DateSchema, TimeZoneSchema } from '../../../src/schema/common';
import { clipText, escapeUnsafe, findUnsafeChar } from '../../../src/util/safe-text';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';

const issueOf = (result: { success: boolean; error?: { issues: { message: string }[] } }): string => result.error?.issues[0]?.message ?? '';

describe('strict types where YAML is loose', () => {
  it.each([['012345678901'], ['111111111111']])('accepts the quoted account id %s', (id) => {
    expect(AwsAccountIdSchema.parse(id)).toBe(id);
  });

  it.each([
    [11111111111, /got the number 11111111111 \(hint: quote it/],
    [111111111111, /got the number 111111111111 \(hint: quote it/],
    ['11111111111', /expected a 12-digit AWS account id, got "11111111111"/],
  ])('fails when the account id is %p', (value, message) => {
    expect(issueOf(AwsAccountIdSchema.safeParse(value))).toMatch(message);
  });

  it.each([['2024-02-29'], ['2026-12-31']])('accepts the date %s', (date) => {
    expect(DateSchema.parse(date)).toBe(date);
  });

  it.each([
    ['2026-02-30', /that exists, got "2026-02-30"/],
    ['2026-2-3', /expected a date YYYY-MM-DD that exists/],
    [new Date('2026-03-02T00:00:00Z'), /YAML 1\.1 timestamp/],
    [20260209, /got 20260209/],
  ])('fails when the date is %p', (value, message) => {
    expect(issueOf(DateSchema.safeParse(value))).toMatch(message);
  });

  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['EST5EDT', new Intl.DateTimeFormat('en-US', { timeZone: 'EST5EDT' }).resolvedOptions().timeZone],
  ])('accepts the time zone %s, written canonically as %s', (zone, canonical) => {
    expect(TimeZoneSchema.parse(zone)).toBe(canonical);
  });

  it.each([['+05:00'], ['Mars/Olympus'], ['Europe/Berlin\u202E']])('fails when the time zone is %p', (zone) => {
    expect(issueOf(TimeZoneSchema.safeParse(zone))).toMatch(/expected an IANA time zone/);
  });
});

describe('unsafe characters', () => {
  it.each([
    ['a\u202Eb', 'U+202E', 1],
    ['\u001b[31m', 'U+001B', 0],
    ['x\u2066', 'U+2066', 1],
    ['ok\u0085', 'U+0085', 2],
  ])('finds %p', (text, codePoint, index) => {
    expect(findUnsafeChar(text)).toMatchObject({ codePoint, index });
  });

  it('lets tabs, line feeds and other scripts through', () => {
    expect(findUnsafeChar('Zoë Ødegård\tشريف\nline')).toBeUndefined();
  });

  it('makes unsafe characters visible', () => {
    expect(escapeUnsafe('a\u202Eb\u001b')).toBe('a<U+202E>b<U+001B>');
  });

  it('cuts long text at 120 characters with an ellipsis', () => {
    const clipped = clipText('x'.repeat(500));
    expect([...clipped]).toHaveLength(120);
    expect(clipped.endsWith('…')).toBe(true);
  });
});

describe('loading files with loose or unsafe values', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());
  const problemsOf = (): string[] => loadModel(copy.dir, AS_OF, 'roles').problems.map(formatProblem);

  it('fails when an account id is unquoted, once, at the id', () => {
    copy.edit('org.yaml', 'prod: { id: "111111111111" }', 'prod: { id: 11111111111 }');
    expect(problemsOf()).toEqual([
      expect.stringMatching(
        /^roles\/org\.yaml:7:17: aws\.accounts\.prod\.id: expected a 12-digit AWS account id as a quoted string, got the number 11111111111 \(hint: quote it/,
      ),
    ]);
  });

  it('fails when a name holds a bidi override, naming the code point and escaping it', () => {
    copy.edit('people.yaml', 'name: Olga Ops', 'name: "Olga \\u202EspO"');
    const problems = problemsOf();
    expect(problems).toEqual([
      'roles/people.yaml:3:11: people[0].name: contains the bidirectional control character U+202E at character 6 (remove it: such characters can hide or reorder text in a terminal or a review)',
    ]);
  });

  it('fails when a key holds an escape character, and never prints it raw', () => {
    copy.edit('org.yaml', 'name: Fixture Co', '"bad\\e[2Jkey": 1\nname: Fixture Co');
    const problems = problemsOf();
    expect(problems).toContainEqual(expect.stringMatching(/^roles\/org\.yaml:2:1: key contains the control character U\+001B/));
    expect(problems.join('\n')).not.toContain('\u001b');
  });

  it('fails when a file declares YAML 1.1 and a date rolls over', () => {
    copy.edit('people.yaml', 'people:', '%YAML 1.1\n---\npeople:');
    copy.edit('people.yaml', 'start: 2024-05-06', 'start: 2024-02-30');
    expect(problemsOf()).toContainEqual(expect.stringMatching(/people\[1\]\.start: expected a date YYYY-MM-DD, got a YAML 1\.1 timestamp/));
  });
});
