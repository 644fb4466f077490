import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadModel } from '../../src/pipeline/load-model';
import { checkStacks, type StackCheck } from '../../src/terraform/check-stacks';
import { childEnv, findPrerequisites, terraform, writeCliConfig } from '../../src/terraform/terraform-cli';
import { expectedIamGroupsCounts, expectedIdentityCenterCounts } from '../helpers/expected-counts';
import { copyRoles, EXAMPLE_ROLES } from '../helpers/roles-dir';
import { synthApp } from '../helpers/synth-app';

/**
 * The example org of roles/, in both AWS modes, through the same path as `npm run main`: the model from
 * the YAML files, synthesized, then real `terraform validate` and an offline `terraform plan` per stack.
 */
const TIMEOUT_MS = 300_000;
const skip = process.env.ROLECALL_SKIP_TERRAFORM === '1';
const prerequisites = findPrerequisites();
if (skip) console.warn('!!! ROLECALL_SKIP_TERRAFORM=1: the example org is NOT planned by Terraform');

/** Every path under `dir`, sorted: what a check must leave as it found it. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

(skip ? describe.skip : describe)('terraform plan of the example org', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-example-'));
  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

  const planMode = async (mode: 'iam-groups' | 'identity-center') => {
    if (prerequisites.missing.length)
      throw new Error(`cannot run Terraform: ${prerequisites.missing.join('; ')} (or set ROLECALL_SKIP_TERRAFORM=1 on purpose)`);
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      if (mode === 'identity-center') copy.edit('org.yaml', /mode: iam-groups/, 'mode: identity-center');
      const loaded = loadModel(copy.dir, '2026-11-22', 'roles');
      expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      const model = loaded.model;
      if (!model) throw new Error('example org invalid');
      const outdir = path.join(workdir, mode);
      synthApp(model, { outdir, state: { backend: 'local', directory: path.join(workdir, mode, 'state') } });
      const before = listing(outdir);
      const progress: string[] = [];
      const results = await checkStacks(outdir, { plan: true, progress: (line) => progress.push(line) });
      // cdktf.out is left as cdktf wrote it: no provider links into the deleted mirror cache, no lock
      // file with this platform's hashes only, no plan file.
      expect(listing(outdir)).toEqual(before);
      expect(progress).toHaveLength(results.length);
      return { model, outdir, results: new Map(results.map((result): [string, StackCheck] => [result.stack, result])) };
    } finally {
      copy.remove();
    }
  };

  test(
    'iam-groups: every AWS stack plans exactly the resources the model calls for; GitHub is skipped, saying why',
    async () => {
      const { model, outdir, results } = await planMode('iam-groups');
      expect([...results.keys()]).toEqual(['aws-management', 'aws-prod', 'aws-staging', 'github', 'oncall']);
      for (const account of ['management', 'prod', 'staging']) {
        const expected = expectedIamGroupsCounts(model, account);
        // An account no role reaches (the Identity Center account) plans nothing at all.
        expect(results.get(`aws-${account}`)?.status).toBe('planned');
        expect(results.get(`aws-${account}`)?.counts).toEqual(Object.keys(expected).length === 0 ? {} : { create: expected });
      }
      expect(results.get('oncall')?.counts?.create).toEqual({
        aws_ssmcontacts_contact: model.oncall.contacts.length,
        aws_ssmcontacts_contact_channel: model.oncall.contacts.length,
        aws_ssmcontacts_plan: model.oncall.contacts.length,
        aws_ssmcontacts_rotation: model.oncall.rotations.length,
        aws_ssmincidents_replication_set: 1,
      });
      expect(results.get('github')).toMatchObject({ status: 'skipped', detail: expect.stringContaining('integrations/github') });
      // Plain Terraform runs in the stack's directory afterwards, as a deploy would.
      const stackDir = path.join(outdir, 'stacks', 'aws-prod');
      const env = childEnv(process.env, {
        TF_CLI_CONFIG_FILE: writeCliConfig(path.join(workdir, 'plain'), prerequisites.mirror),
        TF_IN_AUTOMATION: '1',
      });
      await terraform(stackDir, ['init', '-backend=false', '-input=false', '-no-color'], env);
      await expect(terraform(stackDir, ['validate', '-no-color'], env)).resolves.toMatchObject({
        stdout: expect.stringContaining('Success'),
      });
    },
    TIMEOUT_MS,
  );

  test(
    'identity-center: permission sets and account assignments plan',
    async () => {
      const { model, results } = await planMode('identity-center');
      const stack = results.get('aws-identity-center');
      expect(stack).toMatchObject({ status: 'planned', counts: { create: expectedIdentityCenterCounts(model) } });
      expect(stack?.counts?.create?.aws_ssoadmin_permission_set).toBeGreaterThanOrEqual(4);
      expect(stack?.counts?.create?.aws_ssoadmin_account_assignment).toBe(stack?.counts?.create?.aws_ssoadmin_permission_set);
    },
    TIMEOUT_MS,
  );
});
