import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../stacks/main';

const tempDirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function run(env: NodeJS.ProcessEnv): { code: number; stderr: string[]; stdout: string[] } {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const code = main(
    env,
    (line) => stderr.push(line),
    (line) => stdout.push(line),
  );
  return { code, stderr, stdout };
}

describe('stacks/main.ts', () => {
  test('fails with every problem as file:line:col and synthesizes nothing when roles/ has errors', () => {
    const roles = tempDir('rolecall-roles-');
    fs.cpSync(path.join(__dirname, '../../roles'), roles, { recursive: true });
    fs.writeFileSync(path.join(roles, 'org.yaml'), 'name: Broken\naws:\n  mode: iam-groups\n  regoin: eu-west-1\n');
    const outdir = path.join(tempDir('rolecall-out-'), 'cdktf.out');
    const { code, stderr } = run({ ROLECALL_ROLES: roles, ROLECALL_AS_OF: '2025-06-02', CDKTF_OUTDIR: outdir });
    expect(code).toBe(1);
    expect(stderr.length).toBeGreaterThan(1);
    expect(stderr.slice(0, -1).every((line) => /^[^:\s]+:\d+:\d+: /.test(line))).toBe(true);
    expect(stderr.some((line) => line.includes('org.yaml'))).toBe(true);
    expect(stderr[stderr.length - 1]).toContain('nothing synthesized');
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('fails on a malformed ROLECALL_AS_OF', () => {
    const { code, stderr } = run({ ROLECALL_AS_OF: '2025-13-01' });
    expect(code).toBe(2);
    expect(stderr).toEqual(['rolecall: ROLECALL_AS_OF: expected a date YYYY-MM-DD, got "2025-13-01"']);
  });

  test("synthesizes the repository's roles/, prints progress and names every contact channel to activate, none of it on stderr", () => {
    const outdir = path.join(tempDir('rolecall-out-'), 'cdktf.out');
    // On or after 2026-02-09, the day the example org's high risks were accepted.
    const { code, stderr, stdout } = run({
      ROLECALL_ROLES: path.join(__dirname, '../../roles'),
      ROLECALL_AS_OF: '2026-11-22',
      CDKTF_OUTDIR: outdir,
    });
    // The cdktf CLI labels every stderr line of the app [ERROR]: a synth that succeeds writes none.
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(stdout[0]).toMatch(/ as of 2026-11-22: \d+ people, \d+ roles, built in [\d.]+ s; synthesizing$/);
    expect(stdout.some((line) => /^rolecall: synthesized \d+ stacks in [\d.]+ s$/.test(line))).toBe(true);
    const stacks = fs.readdirSync(path.join(outdir, 'stacks')).sort();
    expect(stacks).toEqual(expect.arrayContaining(['github', 'oncall']));
    expect(stacks.some((stack) => stack.startsWith('aws-'))).toBe(true);
    const oncall = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/oncall/cdk.tf.json'), 'utf8')) as {
      output?: Record<string, { value: { person_id: string }[] }>;
    };
    const channels = oncall.output?.contact_channels_to_activate?.value ?? [];
    const lines = stdout.filter((line) => line.startsWith('rolecall: oncall:'));
    expect(lines).toHaveLength(channels.length);
    for (const channel of channels) expect(lines.some((line) => line.includes(` ${channel.person_id} must activate`))).toBe(true);
  });
});
