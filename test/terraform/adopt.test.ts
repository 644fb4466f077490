import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadModel } from '../../src/pipeline/load-model';
import { checkStacks } from '../../src/terraform/check-stacks';
import { findPrerequisites } from '../../src/terraform/terraform-cli';
import { AUDIT_FIXTURE } from '../helpers/audit-run';
import { EXAMPLE_ROLES } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';
import { synthApp } from '../helpers/synth-app';

const skip = process.env.ROLECALL_SKIP_TERRAFORM === '1';
const prerequisites = findPrerequisites(process.env);

interface ImportFile {
  readonly import: readonly { readonly to: string; readonly id: string }[];
}

(skip ? describe.skip : describe)('rolecall adopt on exports of an existing org', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-adopt-'));
  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));
  const outdir = path.join(workdir, 'cdktf.out');
  const read = (stack: string): ImportFile =>
    JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'rolecall-adopt.tf.json'), 'utf8')) as ImportFile;
  let stdout = '';

  beforeAll(async () => {
    const model = loadModel(EXAMPLE_ROLES, '2026-11-22', 'roles').model;
    if (!model) throw new Error('example org invalid');
    synthApp(model, { outdir, state: { backend: 'local', directory: path.join(workdir, 'state') } });
    const result = await runCli([
      'adopt',
      '--roles',
      EXAMPLE_ROLES,
      '--synth-dir',
      outdir,
      '--write',
      '--aws-authorization-details',
      path.join(AUDIT_FIXTURE, 'authorization-details-prod.json'),
      '--aws-authorization-details',
      path.join(AUDIT_FIXTURE, 'authorization-details-staging.json'),
      '--github-export',
      path.join(AUDIT_FIXTURE, 'github'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
  }, 120_000);

  it('imports the users, groups, attachments and memberships that exist, by the ids the providers take', () => {
    const imports = new Map(read('aws-prod').import.map((block) => [block.to, block.id]));
    expect(imports.get('aws_iam_user.amara-okafor')).toBe('amara.okafor@northwindlabs.example');
    expect(imports.get('aws_iam_group.cloud-engineer')).toBe('cloud-engineer');
    expect(imports.get('aws_iam_user_group_membership.amara-okafor')).toBe(
      'amara.okafor@northwindlabs.example/cloud-engineer/platform-engineer',
    );
    // The group added by hand is not the model's: only the managed pair is adopted, the apply removes nothing else.
    expect(imports.get('aws_iam_user_group_membership.chidi-eze')).toBe('chidi.eze@northwindlabs.example/software-engineer');
    expect(imports.get('aws_iam_group_policy_attachment.cloud-engineer__arn_aws_iam__aws_policy_SecurityAudit')).toBe(
      'cloud-engineer/arn:aws:iam::aws:policy/SecurityAudit',
    );
    expect([...imports.values()].some((id) => id.includes('ci-deployer') || id.includes('tomasz'))).toBe(false);
    const github = new Map(read('github').import.map((block) => [block.to, block.id]));
    expect(github.get('github_membership.amaraokafor')).toBe('northwind-labs:amaraokafor');
    expect(github.get('github_team.platform-engineer')).toMatch(/^\d+$/);
    expect(github.get('github_team_membership.incident-responders__amaraokafor')).toMatch(/^\d+:amaraokafor$/);
  });

  it('lists who exists but is not in people.yaml, with the roles their teams suggest', () => {
    expect(stdout).toMatch(/- id: contractor-x\n\s+name: TODO\n\s+email: TODO\n\s+github: contractor-x\n\s+roles:\n\s+- platform-engineer/);
  });

  it('writes import blocks terraform validate accepts, where it refuses a malformed one', async () => {
    if (prerequisites.missing.length)
      throw new Error(`cannot run Terraform: ${prerequisites.missing.join('; ')} (or set ROLECALL_SKIP_TERRAFORM=1 on purpose)`);
    const results = await checkStacks(outdir, { plan: false });
    const aws = results.filter((result) => result.stack.startsWith('aws-'));
    expect(aws.map((result) => [result.stack, result.status])).toEqual([
      ['aws-management', 'validated'],
      ['aws-prod', 'validated'],
      ['aws-staging', 'validated'],
    ]);
    const file = path.join(outdir, 'stacks', 'aws-staging', 'rolecall-adopt.tf.json');
    // validate reads every import block (a plan would also look the resources up in AWS, which is not here).
    fs.writeFileSync(file, JSON.stringify({ import: [{ to: 'aws_iam_user', id: 'nobody' }] }));
    const refused = (await checkStacks(outdir, { plan: false })).find((result) => result.stack === 'aws-staging');
    expect(refused?.status).toBe('failed');
  }, 300_000);
});
