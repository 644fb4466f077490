import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadModel } from '../../src/pipeline/load-model';
import type { PlanSummary } from '../../src/review/plan/plan-changes';
import { startStsStandIn } from '../../src/terraform/sts-stand-in';
import { childEnv, findPrerequisites, terraform, writeCliConfig } from '../../src/terraform/terraform-cli';
import { stateFromPlan } from '../helpers/offline-state';
import { copyRoles, EXAMPLE_ROLES } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';
import { synthApp } from '../helpers/synth-app';

/**
 * `rolecall plan-summary` on plans real Terraform made, offline, of the example org's prod AWS stack:
 * first from nothing (everything created), then, against the state that plan would leave, after a
 * person leaves and a capability gains an action. The summary must name exactly those changes.
 */
const TIMEOUT_MS = 300_000;
const skip = process.env.ROLECALL_SKIP_TERRAFORM === '1';
const AS_OF = '2026-11-22';
const STACK = 'aws-prod';

(skip ? describe.skip : describe)('plan-summary of real Terraform plans of the example org', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-plan-summary-'));
  const outdir = path.join(work, 'out');
  const plans = { before: path.join(work, 'before.json'), after: path.join(work, 'after.json') };
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    const prerequisites = findPrerequisites();
    if (prerequisites.missing.length)
      throw new Error(`cannot run Terraform: ${prerequisites.missing.join('; ')} (or set ROLECALL_SKIP_TERRAFORM=1 on purpose)`);
    const env = childEnv(process.env, {
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_CLI_CONFIG_FILE: writeCliConfig(work, prerequisites.mirror),
    });
    const sts = await startStsStandIn();
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      const dir = path.join(outdir, 'stacks', STACK);
      const synth = (): { account: string; statePath: string } => {
        const model = loadModel(copy.dir, AS_OF, 'roles').model;
        if (!model) throw new Error('the example org does not load');
        synthApp(model, { outdir, state: { backend: 'local', directory: path.join(work, 'state') } });
        const config = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) as {
          provider: { aws: { allowed_account_ids: string[] }[] };
          terraform: { backend: { local: { path: string } } };
        };
        return {
          account: config.provider.aws[0]?.allowed_account_ids[0] ?? '',
          statePath: path.resolve(dir, config.terraform.backend.local.path),
        };
      };
      const plan = async (account: string, file: string): Promise<Record<string, unknown>> => {
        await terraform(dir, ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-out=rolecall.tfplan'], {
          ...env,
          ...sts.environmentFor(account),
        });
        const shown = (await terraform(dir, ['show', '-json', 'rolecall.tfplan'], env)).stdout;
        fs.writeFileSync(file, shown);
        return JSON.parse(shown) as Record<string, unknown>;
      };

      const first = synth();
      await terraform(dir, ['init', '-input=false', '-no-color'], env);
      const before = await plan(first.account, plans.before);
      const schema = JSON.parse((await terraform(dir, ['providers', 'schema', '-json'], env)).stdout) as Record<string, unknown>;
      fs.mkdirSync(path.dirname(first.statePath), { recursive: true });
      fs.writeFileSync(first.statePath, JSON.stringify(stateFromPlan(before, schema, first.account)));

      copy.edit('people.yaml', /(- id: hana-suzuki[\s\S]*?start: 2023-01-09\n)/, '$1    end: 2026-09-30\n');
      copy.edit(
        'capabilities.yaml',
        'actions: [s3:ListBucket, s3:GetBucketVersioning]',
        'actions: [s3:ListBucket, s3:GetBucketVersioning, s3:GetBucketLocation]',
      );
      await plan(synth().account, plans.after);
    } finally {
      copy.remove();
      await sts.close();
    }
  }, TIMEOUT_MS);

  const summaryOf = async (file: string): Promise<PlanSummary> => {
    const result = await runCli(['plan-summary', file, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as PlanSummary;
  };

  it('lists every resource of a first plan as created, with the statements each policy allows', async () => {
    const summary = await summaryOf(plans.before);
    expect(summary.changes.length).toBeGreaterThan(20);
    expect(new Set(summary.changes.map((change) => change.action))).toEqual(new Set(['create']));
    expect(summary.other).toEqual([]);
    const user = summary.changes.find((change) => change.address === 'aws_iam_user.hana-suzuki');
    expect(user).toMatchObject({ area: 'aws-iam', kind: 'IAM user', subject: 'hana.suzuki@northwindlabs.example' });
    const policies = summary.changes.filter((change) => change.type === 'aws_iam_policy');
    expect(policies.flatMap((change) => change.details)).toContain('+ Allow s3:listbucket on arn:aws:s3:::northwind-labs-tfstate-prod');
  });

  it("after the change, names the leaver's removal and the new action, and nothing else", async () => {
    const summary = await summaryOf(plans.after);
    const rows = summary.changes.map((change) => `${change.action} ${change.address}`);
    expect(rows).toEqual(expect.arrayContaining(['delete aws_iam_user.hana-suzuki', 'delete aws_iam_user_group_membership.hana-suzuki']));
    expect(rows.filter((row) => row.startsWith('delete'))).toEqual([
      'delete aws_iam_user.hana-suzuki',
      'delete aws_iam_user_group_membership.hana-suzuki',
    ]);
    // Only managed policies change. One more action can move statements from one of a role's policies to
    // another (they are packed under IAM's size limit), so what counts is the net change over them all:
    // the new action, once for each role that holds the capability.
    const updated = summary.changes.filter((change) => change.action === 'update');
    expect(new Set(updated.map((change) => change.type))).toEqual(new Set(['aws_iam_policy']));
    const net = new Map<string, number>();
    for (const line of updated.flatMap((change) => change.details))
      net.set(line.slice(2), (net.get(line.slice(2)) ?? 0) + (line.startsWith('+') ? 1 : -1));
    const holders =
      loadModel(EXAMPLE_ROLES, AS_OF, 'roles').model?.roles.filter((role) =>
        role.capabilities.some((capability) => capability.id === 'terraform-state'),
      ) ?? [];
    expect(holders.length).toBeGreaterThan(1);
    expect([...net].filter(([, count]) => count !== 0)).toEqual([
      ['Allow s3:getbucketlocation on arn:aws:s3:::northwind-labs-tfstate-prod', holders.length],
    ]);
    expect(updated.map((change) => change.subject)).toEqual(
      expect.arrayContaining(['rolecall-cloud-engineer-1', 'rolecall-platform-engineer-2']),
    );
    const membership = summary.changes.find((change) => change.address === 'aws_iam_user_group_membership.hana-suzuki');
    expect(membership?.details).toEqual(['groups: - site-reliability-engineer']);
    expect(summary.changes.filter((change) => change.action === 'create')).toEqual([]);
  });

  it('renders the same as a pull-request comment', async () => {
    const result = await runCli(['plan-summary', plans.after]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('<!-- rolecall-plan-summary -->');
    expect(result.stdout).toMatch(/0 to create, \d+ to change, 0 to replace, 2 to destroy/);
    expect(result.stdout).toContain('| **destroy** | <code>aws&#95;iam&#95;user.hana-suzuki</code>');
  });
});
