import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionOf, summarisePlans } from '../../../src/review/plan/plan-changes';
import { policyDelta } from '../../../src/review/plan/plan-policy';
import { readPlan } from '../../../src/review/plan/read-plan';
import { renderPlanMarkdown } from '../../../src/review/plan/render-plan';
import { runCli } from '../../helpers/run-cli';

const change = (address: string, actions: string[], before: unknown, after: unknown, afterUnknown: unknown = {}) => ({
  address,
  type: address.split('.')[0],
  provider_name: 'registry.terraform.io/hashicorp/aws',
  change: { actions, before, after, after_unknown: afterUnknown },
});
const planText = (changes: unknown[]): string =>
  JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', resource_changes: changes }, null, 2);
const policy = (...statements: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('reading a plan', () => {
  it.each([
    ['text that is not JSON', '{\n  "format_version": "1.2",\n  oops\n}', 3, 3, /^not JSON/],
    ['state instead of a plan', '{\n  "format_version": "1.0",\n  "values": {}\n}', 3, 3, /this is state, not a plan/],
    ['another format', '{"format_version": "0.1"}', 1, 2, /format_version "0.1" is not 1.x/],
    [
      'a resource change without actions',
      planText([{ address: 'x.y', type: 'x', change: {} }]),
      4,
      3,
      /resource_changes\[0\] is not a resource change/,
    ],
  ])('refuses %s with a positioned problem', (_what, text, line, column, message) => {
    const { plan, problems } = readPlan('plan.json', text);
    expect(plan).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'plan.json',
      line,
      column,
      message: expect.stringMatching(message),
      hint: expect.stringContaining('terraform show -json'),
    });
  });
});

describe('summarising plans', () => {
  it('names each action as a reviewer reads it', () => {
    expect([['create'], ['update'], ['delete'], ['delete', 'create'], ['create', 'delete'], ['no-op'], ['read']].map(actionOf)).toEqual([
      'create',
      'update',
      'delete',
      'replace',
      'replace',
      undefined,
      undefined,
    ]);
  });

  it('compares policies statement by statement, whatever their layout', () => {
    const before = policy({ Effect: 'Allow', Action: ['s3:GetObject', 'S3:ListBucket'], Resource: 'arn:aws:s3:::b' });
    const after = policy(
      { Effect: 'Allow', Action: 's3:listbucket', Resource: ['arn:aws:s3:::b'] },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b' },
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
    );
    expect(policyDelta(before, after)).toEqual(['+ Deny every action but iam:* on * if {"Bool":{"aws:MultiFactorAuthPresent":"false"}}']);
    expect(policyDelta(before, before.replace('s3:GetObject', 's3:PutObject'))).toEqual([
      '- Allow s3:getobject on arn:aws:s3:::b',
      '+ Allow s3:putobject on arn:aws:s3:::b',
    ]);
    expect(policyDelta('not json', before)).toBeUndefined();
  });

  it('keeps access resources, with destroys first, and counts the others', () => {
    const read = readPlan(
      'p.json',
      planText([
        change('aws_iam_user_group_membership.ana', ['update'], { user: 'ana', groups: ['dev'] }, { user: 'ana', groups: ['dev', 'ops'] }),
        change('aws_s3_bucket.logs', ['create'], null, { bucket: 'logs' }),
        change(
          'github_team_repository.ops',
          ['update'],
          { repository: 'infra', permission: 'push' },
          { repository: 'infra', permission: 'admin' },
        ),
        change('aws_iam_user.bo', ['delete'], { name: 'bo', tags: { a: 'b' } }, null),
        change('aws_iam_group.ops', ['create'], null, { name: 'ops' }, { arn: true, id: true }),
        change('aws_iam_group.same', ['no-op'], { name: 'same' }, { name: 'same' }),
      ]),
    );
    const summary = summarisePlans(read.plan ? [read.plan] : []);
    expect(summary.changes.map((entry) => [entry.action, entry.address, entry.subject, entry.details])).toEqual([
      ['delete', 'aws_iam_user.bo', 'bo', []],
      ['update', 'aws_iam_user_group_membership.ana', 'ana', ['groups: + ops']],
      ['create', 'aws_iam_group.ops', 'ops', ['name: ops']],
      ['update', 'github_team_repository.ops', 'infra', ['permission: push → admin']],
    ]);
    expect(summary.other).toEqual([{ file: 'p.json', address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', action: 'create' }]);
  });

  it('shows text from the plan as text, never as markup, and stays under the comment limit', () => {
    const hostile = '@org/admins | <img src=x> [x](javascript:alert(1)) #12';
    const changes = Array.from({ length: 400 }, (_, index) =>
      change(`aws_iam_user.u${index}`, ['create'], null, { name: `${hostile} ${index}`.repeat(3) }),
    );
    const read = readPlan('p.json', planText(changes));
    const text = renderPlanMarkdown(summarisePlans(read.plan ? [read.plan] : []), 20_000);
    expect(text.length).toBeLessThanOrEqual(20_000);
    // Outside code every special character is an entity; inside <code>, GitHub neither mentions nor links.
    expect(text).not.toMatch(/<img|\]\(/);
    expect(text.replace(/<code>.*?<\/code>/g, '').replace(/&#\d+;/g, '')).not.toMatch(/@|#\d/);
    expect(text).toMatch(/\*\*\d+ more changes not shown\*\* to stay under the limit of 20,000 characters \(\d+ AWS IAM rows\)/);
  });
});

describe('rolecall plan-summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every bad file in one run, exit 1, and prints nothing else', async () => {
    writeFileSync(join(dir, 'state.json'), '{"format_version": "1.0", "values": {}}');
    writeFileSync(join(dir, 'good.json'), planText([]));
    const result = await runCli(['plan-summary', 'missing.json', 'state.json', 'good.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((line) => /^\S+\.json:\d+:\d+: /.test(line))).toHaveLength(2);
    expect(result.stderr).toContain('missing.json:1:1: file not found');
  });

  it('refuses what is not a regular file without opening it (a FIFO would block)', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const result = await runCli(['plan-summary', 'pipe', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipe:1:1: not a regular file, not a plan');
    expect(result.stderr).toContain('.:1:1: a directory, not a plan');
  });

  it('says when a plan changes no access', async () => {
    const result = await runCli(['plan-summary', 'good.json'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('No access changes');
  });

  it('refuses a missing FILE and an unknown format as usage errors', async () => {
    expect((await runCli(['plan-summary'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['plan-summary', 'good.json', '--format', 'html'], { cwd: dir })).code).toBe(2);
  });
});
