import { chmodSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';

/** `rolecall onboard` and `offboard`: people.yaml edited in place, checked with the whole org first. */
const hire = [
  '--id',
  'ana-oneil',
  '--name',
  "Ana O'Neil",
  '--email',
  'ana.oneil@northwindlabs.example',
  '--github',
  'ana-oneil',
  '--role',
  'site-reliability-engineer',
  '--role',
  'software-engineer',
  '--start',
  '2026-12-01',
];

let copy: RolesCopy;
let before: string;
beforeEach(() => {
  copy = copyRoles(EXAMPLE_ROLES);
  before = copy.read('people.yaml');
});
afterEach(() => copy.remove());

const run = (argv: string[]) => runCli([...argv, '--roles', 'roles'], { cwd: dirname(copy.dir) });
const strays = (): string[] => readdirSync(copy.dir).filter((name) => name.includes('.tmp'));

describe('rolecall onboard', () => {
  it('adds the person after the last entry, keeps every other byte, and the org validates with them', async () => {
    const result = await run(['onboard', ...hire]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('added ana-oneil (site-reliability-engineer, software-engineer) from 2026-12-01');
    const after = copy.read('people.yaml');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      "\n  - id: ana-oneil\n    name: Ana O'Neil\n    email: ana.oneil@northwindlabs.example\n    github: ana-oneil\n    roles: [site-reliability-engineer, software-engineer]\n    start: 2026-12-01\n",
    );
    expect(strays()).toEqual([]);
    const explained = await runCli(['explain', 'ana-oneil', '--roles', copy.dir, '--as-of', '2026-12-01']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('site-reliability-engineer');
  });

  it('refuses duplicates and unknown roles with positioned errors, all of them, and writes nothing', async () => {
    const result = await run([
      'onboard',
      '--id',
      'jonas-lindqvist',
      '--name',
      'J',
      '--email',
      'JONAS.lindqvist@northwindlabs.example',
      '--github',
      'JLINDQVIST',
      '--role',
      'nope',
      '--start',
      '2026-12-01',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(
      lines
        .filter((line) => /^roles\/people\.yaml:\d+:\d+: /.test(line))
        .map((line) => line.replace(/^roles\/people\.yaml:\d+:\d+: /, '').split(':')[0]),
    ).toEqual(['people[11].id', 'people[11].email', 'people[11].github', 'people[11].roles[0]']);
    expect(lines.at(-1)).toBe('invalid with this change: 4 errors, 0 warnings; nothing written');
    expect(copy.read('people.yaml')).toBe(before);
  });

  it('replaces the file atomically, keeping its permissions, and leaves no temporary file', async () => {
    chmodSync(join(copy.dir, 'people.yaml'), 0o600);
    expect((await run(['onboard', ...hire])).code).toBe(0);
    expect(statSync(join(copy.dir, 'people.yaml')).mode & 0o777).toBe(0o600);
    expect(strays()).toEqual([]);
  });

  it('with --dry-run prints the lines it would add and writes nothing', async () => {
    const result = await run(['onboard', ...hire, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+   - id: ana-oneil');
    expect(result.stdout).toContain('nothing written (--dry-run)');
    expect(copy.read('people.yaml')).toBe(before);
  });

  it.each([
    [['onboard', '--id', 'x', '--name', 'X', '--email', 'x@x.example', '--github', 'x', '--start', '2026-12-01'], 'missing --role'],
    [['onboard', ...hire.slice(0, -1), 'soon'], '--start expects a date YYYY-MM-DD, got "soon"'],
    [['onboard', ...hire.filter((_, index) => index > 1)], 'missing --id'],
  ])('is a usage error without what it needs: %j', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('hostile files', () => {
  it('refuses a people.yaml that is a symlink out of the directory, and neither reads nor replaces it', async () => {
    const outside = join(dirname(dirname(copy.dir)), `outside-${process.pid}.yaml`);
    writeFileSync(outside, before);
    try {
      rmSync(join(copy.dir, 'people.yaml'));
      symlinkSync(outside, join(copy.dir, 'people.yaml'));
      const result = await run(['offboard', 'mateo-alvarez', '--on', '2026-11-30']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'roles/people.yaml:1:1: roles/people.yaml resolves to a path outside the roles directory (keep files inside the roles directory; a symlink may only point inside it)\n',
      );
      expect(lstatSync(join(copy.dir, 'people.yaml')).isSymbolicLink()).toBe(true);
      expect(readFileSync(outside, 'utf8')).toBe(before);
    } finally {
      rmSync(outside, { force: true });
    }
  });

  it('writes a name with Terraform or cdktf markers as plain text, which the constructs then escape', async () => {
    const result = await run(['onboard', ...hire.map((arg) => (arg === "Ana O'Neil" ? 'Ana ${aws_iam_user.a.arn} %{if x}' : arg))]);
    expect(result.code).toBe(0);
    expect(copy.read('people.yaml')).toContain('    name: Ana ${aws_iam_user.a.arn} %{if x}\n');
  });
});

describe('rolecall offboard', () => {
  it('sets the end date after start, and the person has no access the day after', async () => {
    const result = await run(['offboard', 'mateo-alvarez', '--on', '2026-11-30']);
    expect(result).toMatchObject({ code: 0, stdout: 'roles/people.yaml: mateo-alvarez: access ends after 2026-11-30\n' });
    expect(copy.read('people.yaml')).toBe(before.replace('    start: 2022-06-20\n', '    start: 2022-06-20\n    end: 2026-11-30\n'));
    const explained = await runCli(['explain', 'mateo-alvarez', '--roles', copy.dir, '--as-of', '2026-12-01', '--json']);
    expect(JSON.parse(explained.stdout)).toMatchObject({
      id: 'mateo-alvarez',
      status: 'ended',
      end: '2026-11-30',
      capabilities: [],
      grants: [],
    });
  });

  it('removes the entries whose end has passed, with their comment, unless something still names them', async () => {
    const result = await run(['offboard', '--remove', '--as-of', '2026-11-22']);
    expect(result).toMatchObject({ code: 0, stdout: 'roles/people.yaml: removed 1 entry whose end is before 2026-11-22: tomasz-wrobel\n' });
    expect(copy.read('people.yaml')).not.toContain('tomasz');
    expect(copy.read('people.yaml')).not.toContain('Left the company');
    await run(['offboard', 'hana-suzuki', '--on', '2026-10-31']);
    const named = copy.read('people.yaml');
    const refused = await run(['offboard', '--remove', '--as-of', '2026-11-22']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^roles\/site-reliability-engineer\.yaml:\d+:\d+: maintainers\[0\]: unknown person "hana-suzuki"/m);
    expect(copy.read('people.yaml')).toBe(named);
  });

  it('says when there is nothing to remove, and names an unknown person at the file', async () => {
    const none = await run(['offboard', '--remove', '--as-of', '2026-01-01']);
    expect(none).toMatchObject({ code: 0, stdout: 'nothing to change\n' });
    const unknown = await run(['offboard', 'nobody', '--on', '2026-12-01']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('roles/people.yaml:1:1: no person with id "nobody" in people.yaml');
    expect(readFileSync(join(copy.dir, 'people.yaml'), 'utf8')).toBe(before);
  });
});
