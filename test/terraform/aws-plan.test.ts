import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AccessModel } from '../../src/model/types';
import { expectedIamGroupsCounts, expectedIdentityCenterCounts, type Counts } from '../helpers/expected-counts';
import { DEFAULT_FIXTURE, fixtureModel } from '../helpers/fixture-model';
import { synthApp } from '../helpers/synth-app';
import { startStsStandIn, type StsStandIn } from '../../src/terraform/sts-stand-in';
import {
  childEnv,
  findPrerequisites,
  plannedCounts,
  terraform,
  writeCliConfig,
  type PlanJson,
  type TerraformRun,
} from '../../src/terraform/terraform-cli';

/**
 * Real Terraform over the synthesized AWS stacks of the fixture, in both modes: init from the local
 * hashicorp/aws mirror, plan (which validates first) without refresh or AWS credentials, and count what the plan
 * would create. Fails loudly when Terraform or the mirror is missing, unless ROLECALL_SKIP_TERRAFORM=1.
 */

const TIMEOUT_MS = 300_000;
const skip = process.env.ROLECALL_SKIP_TERRAFORM === '1';
const prerequisites = findPrerequisites();

if (skip) {
  console.warn(
    [
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '!!! ROLECALL_SKIP_TERRAFORM=1: the Terraform plan tests are SKIPPED.',
      '!!! Nothing checks that Terraform accepts the synthesized AWS stacks.',
      ...prerequisites.missing.map((line) => `!!! missing: ${line}`),
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    ].join('\n'),
  );
}

/** Runs `tasks`, at most `size` at a time. */
async function inPool(size: number, tasks: readonly (() => Promise<void>)[]): Promise<void> {
  const queue = [...tasks];
  const worker = async (): Promise<void> => {
    for (let task = queue.shift(); task; task = queue.shift()) await task();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, queue.length)) }, worker));
}

/** One synthesized stack taken through Terraform. */
interface StackPlan {
  readonly name: string;
  readonly dir: string;
  readonly model: AccessModel;
  readonly counts: Record<string, Record<string, number>>;
  readonly plan: PlanJson;
  readonly timings: Record<'init' | 'plan' | 'show', number>;
}

const PLAN = ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-out=rolecall.tfplan'];

/** The id of the account the model pins a stack to. */
function pinnedAccountOf(model: AccessModel, stack: string): string {
  const account =
    stack === 'oncall'
      ? model.oncall.backend === 'aws-incident-manager'
        ? model.oncall.account
        : undefined
      : stack === 'aws-identity-center'
        ? model.aws.identityCenter?.account
        : model.aws.accounts.find((candidate) => `aws-${candidate.name}` === stack);
  if (!account) throw new Error(`the model pins no account for stack ${stack}`);
  return account.id;
}

const iamModel = fixtureModel({ awsMode: 'iam-groups', oncallBackend: 'aws-incident-manager' });
const icModel = fixtureModel({ awsMode: 'identity-center', oncallBackend: 'aws-incident-manager' });

(skip ? describe.skip : describe)('terraform plan of the synthesized AWS stacks', () => {
  let workdir = '';
  let env: NodeJS.ProcessEnv = {};
  let sts: StsStandIn | undefined;
  const standIn = (): StsStandIn => {
    if (!sts) throw new Error('the STS stand-in did not start');
    return sts;
  };
  const plans = new Map<string, StackPlan>();
  let synthSeconds = 0;

  beforeAll(async () => {
    if (prerequisites.missing.length > 0) {
      throw new Error(
        `cannot run the Terraform tests:\n  - ${prerequisites.missing.join('\n  - ')}\n` +
          'install them, or set ROLECALL_SKIP_TERRAFORM=1 to skip these tests on purpose',
      );
    }
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-tf-'));
    env = childEnv(process.env, {
      TF_CLI_CONFIG_FILE: writeCliConfig(workdir, prerequisites.mirror),
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
    });
    sts = await startStsStandIn();

    const started = process.hrtime.bigint();
    const apps = [
      { label: 'iam-groups', model: iamModel },
      { label: 'identity-center', model: icModel },
    ].map(({ label, model }) => ({
      model,
      app: synthApp(model, {
        outdir: path.join(workdir, label, 'cdktf.out'),
        state: { backend: 'local', directory: path.join(workdir, label, 'state') },
      }),
      label,
    }));
    synthSeconds = Number(process.hrtime.bigint() - started) / 1e9;

    // The oncall stack (Incident Manager) is AWS too, and is planned once, from the iam-groups app.
    const stacks = apps.flatMap(({ app, model, label }) =>
      [...app.files.keys()]
        .filter((name) => name.startsWith('aws-') || (name === 'oncall' && label === 'iam-groups'))
        .map((name) => ({ name, model, dir: path.join(app.outdir ?? '', 'stacks', name), account: pinnedAccountOf(model, name) })),
    );

    // Inits one after another (the plugin cache is not safe for concurrent use), the rest one stack
    // per CPU: each command starts the 600 MB provider, so more at once only makes them queue.
    const inits = new Map<string, TerraformRun>();
    for (const stack of stacks) inits.set(stack.dir, await terraform(stack.dir, ['init', '-input=false', '-no-color'], env));
    await inPool(
      os.availableParallelism(),
      stacks.map((stack) => async () => {
        // The plan validates the configuration first (a separate `terraform validate` would load the
        // provider's schema once more). Credentials taken to be the pinned account's, as an operator's must be at deploy time.
        const plan = await terraform(stack.dir, PLAN, { ...env, ...standIn().environmentFor(stack.account) });
        const show = await terraform(stack.dir, ['show', '-json', 'rolecall.tfplan'], env);
        const json = JSON.parse(show.stdout) as PlanJson;
        plans.set(stack.name, {
          name: stack.name,
          dir: stack.dir,
          model: stack.model,
          plan: json,
          counts: plannedCounts(json),
          timings: { init: inits.get(stack.dir)?.seconds ?? 0, plan: plan.seconds, show: show.seconds },
        });
      }),
    );
  }, TIMEOUT_MS);

  afterAll(async () => {
    await sts?.close();
    if (plans.size > 0) {
      const rows = [...plans.values()].map(
        (plan) =>
          `  ${plan.name.padEnd(20)} init ${plan.timings.init.toFixed(1)}s  ` +
          `plan ${plan.timings.plan.toFixed(1)}s  show ${plan.timings.show.toFixed(1)}s  create ${JSON.stringify(plan.counts.create ?? {})}`,
      );
      console.log(
        `terraform (${prerequisites.terraformVersion ?? '?'}, mirror ${prerequisites.mirror ?? '?'}), synth of both apps ${synthSeconds.toFixed(2)}s\n${rows.join('\n')}`,
      );
    }
    if (workdir) fs.rmSync(workdir, { recursive: true, force: true });
  });

  const planned = (stack: string): StackPlan => {
    const plan = plans.get(stack);
    if (!plan) throw new Error(`stack ${stack} was not planned (planned: ${[...plans.keys()].join(', ') || 'none'})`);
    return plan;
  };

  test('finds terraform and the hashicorp/aws 5.100.0 mirror', () => {
    expect(prerequisites.missing).toEqual([]);
  });

  test.each(['aws-prod', 'aws-staging'])(
    'plans exactly the IAM resources the model calls for in %s, creating only',
    (stack) => {
      const plan = planned(stack);
      const account = stack.slice('aws-'.length);
      expect(plan.counts).toEqual({ create: expectedIamGroupsCounts(plan.model, account) });
    },
    TIMEOUT_MS,
  );

  test('plans the counts written out for the fixture (iam-groups)', () => {
    const fixed: Record<string, Counts> = {
      'aws-prod': {
        aws_iam_group: 2,
        aws_iam_group_policy: 3,
        aws_iam_group_policy_attachment: 4,
        aws_iam_policy: 1,
        aws_iam_user: 5,
        aws_iam_user_group_membership: 5,
      },
      'aws-staging': {
        aws_iam_group: 2,
        aws_iam_group_policy: 2,
        aws_iam_group_policy_attachment: 4,
        aws_iam_policy: 2,
        aws_iam_user: 3,
        aws_iam_user_group_membership: 3,
      },
    };
    for (const [stack, counts] of Object.entries(fixed)) expect(planned(stack).counts).toEqual({ create: counts });
  });

  test('plans exactly the Identity Center resources the model calls for, creating only', () => {
    const plan = planned('aws-identity-center');
    expect(plan.counts).toEqual({ create: expectedIdentityCenterCounts(plan.model) });
    expect(plan.counts.create).toEqual({
      aws_identitystore_group: 3,
      aws_identitystore_group_membership: 7,
      aws_identitystore_user: 5,
      aws_ssoadmin_account_assignment: 4,
      aws_ssoadmin_managed_policy_attachment: 3,
      aws_ssoadmin_permission_set: 4,
      aws_ssoadmin_permission_set_inline_policy: 4,
    });
  });

  test('hands IAM policy variables to AWS as written', () => {
    const after = (stack: string, address: string): Record<string, unknown> | undefined =>
      planned(stack).plan.resource_changes?.find((change) => change.address === address)?.change.after;
    expect(after('aws-prod', 'aws_iam_policy.require-mfa')?.policy).toContain('user/rolecall/${aws:username}');
    expect(after('aws-prod', 'aws_iam_group_policy.site-reliability-engineer__site-reliability-engineer-2')?.policy).toContain(
      'session/${aws:username}-*',
    );
    expect(
      after('aws-identity-center', 'aws_ssoadmin_permission_set_inline_policy.site-reliability-engineer__prod')?.inline_policy,
    ).toContain('session/${aws:username}-*');
  });

  test('plans the Incident Manager on-call stack', () => {
    const { oncall } = iamModel;
    expect(planned('oncall').counts).toEqual({
      create: {
        aws_ssmcontacts_contact: oncall.contacts.length,
        aws_ssmcontacts_contact_channel: oncall.contacts.length,
        aws_ssmcontacts_plan: oncall.contacts.length,
        aws_ssmcontacts_rotation: oncall.rotations.length,
        aws_ssmincidents_replication_set: 1,
      },
    });
  });

  test(
    'refuses to plan a stack when the credentials belong to another account than its pin',
    async () => {
      const { dir } = planned('aws-staging');
      await expect(terraform(dir, PLAN, { ...env, ...standIn().environmentFor('418273645190') })).rejects.toThrow(
        'AWS account ID not allowed: 418273645190',
      );
    },
    TIMEOUT_MS,
  );

  test(
    'refuses to plan a stack whose assumed role is in another account than its pin',
    async () => {
      const accounts = iamModel.aws.accounts.map((account) =>
        account.name === 'prod' ? { ...account, assumeRoleArn: 'arn:aws:iam::507318264920:role/rolecall-deploy' } : account,
      );
      const app = synthApp(fixtureModel({ accounts }), {
        outdir: path.join(workdir, 'wrong-role', 'cdktf.out'),
        state: { backend: 'local', directory: path.join(workdir, 'wrong-role', 'state') },
      });
      const dir = path.join(app.outdir ?? '', 'stacks', 'aws-prod');
      await terraform(dir, ['init', '-input=false', '-no-color'], env);
      await expect(terraform(dir, PLAN, { ...env, ...standIn().environmentFor('418273645190') })).rejects.toThrow(
        'AWS account ID not allowed: 507318264920',
      );
    },
    TIMEOUT_MS,
  );

  test(
    'hands text that looks like Terraform templates to AWS as written, never evaluated',
    async () => {
      const title = 'Cloud ${file("/etc/hostname")} %{ if true }x%{ endif } $${y}';
      const roles = DEFAULT_FIXTURE.roles.map((role) => (role.id === 'cloud-engineer' ? { ...role, title } : role));
      const model = fixtureModel({ awsMode: 'identity-center', roles });
      const app = synthApp(model, {
        outdir: path.join(workdir, 'templates', 'cdktf.out'),
        state: { backend: 'local', directory: path.join(workdir, 'templates', 'state') },
      });
      const dir = path.join(app.outdir ?? '', 'stacks', 'aws-identity-center');
      await terraform(dir, ['init', '-input=false', '-no-color'], env);
      await terraform(dir, PLAN, { ...env, ...standIn().environmentFor(pinnedAccountOf(model, 'aws-identity-center')) });
      const plan = JSON.parse((await terraform(dir, ['show', '-json', 'rolecall.tfplan'], env)).stdout) as PlanJson;
      const after = plan.resource_changes?.find((change) => change.address === 'aws_ssoadmin_permission_set.cloud-engineer__prod')?.change
        .after;
      expect(after?.description).toBe(`${title} in prod, managed by rolecall`);
    },
    TIMEOUT_MS,
  );

  test(
    'plans an on-call stack that names an existing replication set, forgetting rather than destroying one',
    async () => {
      const model = fixtureModel({ replicationSet: { existingArn: 'arn:aws:ssm-incidents::418273645190:replication-set/0b1c' } });
      const app = synthApp(model, {
        outdir: path.join(workdir, 'existing-set', 'cdktf.out'),
        state: { backend: 'local', directory: path.join(workdir, 'existing-set', 'state') },
      });
      const dir = path.join(app.outdir ?? '', 'stacks', 'oncall');
      await terraform(dir, ['init', '-input=false', '-no-color'], env);
      await terraform(dir, PLAN, { ...env, ...standIn().environmentFor(pinnedAccountOf(model, 'oncall')) });
      const counts = plannedCounts(JSON.parse((await terraform(dir, ['show', '-json', 'rolecall.tfplan'], env)).stdout) as PlanJson);
      expect(counts.create).not.toHaveProperty('aws_ssmincidents_replication_set');
      expect(Object.keys(counts)).toEqual(['create']);
    },
    TIMEOUT_MS,
  );
});
