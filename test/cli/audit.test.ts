import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_FIXTURE } from '../helpers/audit-run';
import { EXAMPLE_ROLES } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';

const exportOptions = (): string[] => [
  '--aws-authorization-details',
  join(AUDIT_FIXTURE, 'authorization-details-prod.json'),
  '--aws-authorization-details',
  join(AUDIT_FIXTURE, 'authorization-details-staging.json'),
  '--github-export',
  join(AUDIT_FIXTURE, 'github'),
  '--last-accessed',
  join(AUDIT_FIXTURE, 'last-accessed.json'),
];

describe('rolecall audit', () => {
  it('writes a Markdown report an auditor can file for the example org', async () => {
    const result = await runCli(['audit', '--roles', EXAMPLE_ROLES]);
    expect(result.code).toBe(0);
    for (const part of [
      '# Access audit: Northwind Labs, as of 2026-11-22',
      '## Sources',
      '## Rules',
      '## Suppressed',
      '## Duty coverage',
      '## Access review',
      '## Sign-off',
    ])
      expect(result.stdout).toContain(part);
    expect(result.stdout).toMatch(/\| amara-okafor \| Amara Okafor \| cloud-engineer, platform-engineer \| AWS prod: /);
    expect(result.stdout).toContain('roles/jd/cloud-engineer.md:');
  });

  it('writes one CSV row per person and grant, with empty reviewer columns', async () => {
    const csv = await runCli(['audit', '--roles', EXAMPLE_ROLES, '--format', 'csv']);
    const json = JSON.parse((await runCli(['audit', '--roles', EXAMPLE_ROLES, '--format', 'json'])).stdout) as { rows: unknown[] };
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'person,name,email,status,roles,grant,capability,backend,access,risk,justification,jd_quotes,decision,reviewer,review_date',
    );
    expect(lines).toHaveLength(json.rows.length + 1);
    expect(lines.slice(1).every((line) => line.endsWith(',,,'))).toBe(true);
    expect(lines.some((line) => line.startsWith('amara-okafor,') && line.includes('iac-apply-prod/aws:prod'))).toBe(true);
  });

  it('names the planted drift and fails at --fail-on high', async () => {
    const result = await runCli(['audit', '--roles', EXAMPLE_ROLES, '--fail-on', 'high', ...exportOptions()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Drift-UnmanagedUser&#91;418273645190:ci-deployer&#93;');
    expect(result.stdout).toContain('Drift-UnexplainedMember&#91;github:platform:contractor-x&#93;');
    expect(result.stderr).toMatch(/rolecall audit: \d+ findings \(9 high/);
  });

  it('passes --fail-on high without exports: the only high findings are suppressed', async () => {
    expect((await runCli(['audit', '--roles', EXAMPLE_ROLES, '--fail-on', 'high'])).code).toBe(0);
  });

  it('fails when an export is malformed, with file:line:col and nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-audit-'));
    const bad = join(dir, 'details.json');
    writeFileSync(bad, '{\n  "UserDetailList": [\n    { "UserName": 7, "Arn": "arn:aws:iam::111111111111:user/x" }\n  ]\n}\n');
    const out = join(dir, 'report.md');
    const result = await runCli(['audit', '--roles', EXAMPLE_ROLES, '--aws-authorization-details', bad, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /details\.json:3:\d+: UserDetailList\[0\]\.UserName: .*\(give the output of `aws iam get-account-authorization-details/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(out)).toThrow();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown --format or --fail-on as a usage error', async () => {
    expect((await runCli(['audit', '--roles', EXAMPLE_ROLES, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['audit', '--roles', EXAMPLE_ROLES, '--fail-on', 'critical'])).code).toBe(2);
  });
});
