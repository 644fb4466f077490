import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planShards, type PeopleShard } from '../../src/model/layout/shards';
import type { AccessModel } from '../../src/model/types';
import { checkStacks, type StackCheck } from '../../src/terraform/check-stacks';
import { findPrerequisites } from '../../src/terraform/terraform-cli';
import { DEFAULT_FIXTURE, fixtureModel, type FixturePerson } from '../helpers/fixture-model';
import { synthApp } from '../helpers/synth-app';

/**
 * Real Terraform over people shards of the fixture: an iam-groups shard planned offline (its groups
 * are named as literals, so nothing of the base stack is needed to plan it; applying it needs the base
 * applied), and an Identity Center shard validated against the provider's schema, but not planned: its
 * group lookups are read from AWS during any plan.
 */
const TIMEOUT_MS = 300_000;
const skip = process.env.ROLECALL_SKIP_TERRAFORM === '1';
const prerequisites = findPrerequisites();
if (skip) console.warn('!!! ROLECALL_SKIP_TERRAFORM=1: the people shards are NOT checked by Terraform');

const extra: FixturePerson[] = Array.from({ length: 12 }, (_, index) => ({
  id: `person-${index}`,
  name: `Person ${index}`,
  email: `person.${index}@example.com`,
  github: `person-${index}-gh`,
  roles: index % 2 === 0 ? ['site-reliability-engineer'] : ['cloud-engineer'],
  start: '2024-01-08',
  oncallOptOut: 'not on call in this fixture',
}));
const input = { people: [...DEFAULT_FIXTURE.people, ...extra] };
const CONFIG = { maxResources: 12 } as const;

/** The people shard of `base` holding the most people. */
function fullest(model: AccessModel, base: string): PeopleShard {
  const shards = planShards(model, CONFIG).families.find((family) => family.base.stack === base)?.shards ?? [];
  const [top] = [...shards].sort((a, b) => b.people.length - a.people.length);
  if (!top || top.people.length === 0) throw new Error(`no people shard of ${base} holds anyone`);
  return top;
}

/** Synthesizes `model` sharded, keeps only `stack`, and runs `rolecall check-stacks --plan` over it. */
async function check(workdir: string, label: string, model: AccessModel, stack: string): Promise<StackCheck | undefined> {
  const outdir = path.join(workdir, label);
  synthApp(model, { outdir, state: { backend: 'local', directory: path.join(workdir, label, 'state') }, stacks: CONFIG });
  for (const name of fs.readdirSync(path.join(outdir, 'stacks')))
    if (name !== stack) fs.rmSync(path.join(outdir, 'stacks', name), { recursive: true });
  const results = await checkStacks(outdir, { plan: true });
  expect(results.map((result) => result.stack)).toEqual([stack]);
  return results[0];
}

(skip ? describe.skip : describe)('terraform over people shards', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-shards-'));
  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));
  beforeAll(() => {
    if (prerequisites.missing.length)
      throw new Error(`cannot run Terraform: ${prerequisites.missing.join('; ')} (or set ROLECALL_SKIP_TERRAFORM=1 on purpose)`);
  });

  test(
    'plans an iam-groups people shard offline: one user and one group membership per person placed there, and nothing else',
    async () => {
      const model = fixtureModel({ ...input, awsMode: 'iam-groups' });
      const shard = fullest(model, 'aws-prod');
      const result = await check(workdir, 'iam-groups', model, shard.stack);
      expect(result).toMatchObject({ status: 'planned' });
      expect(result?.counts).toEqual({ create: { aws_iam_user: shard.people.length, aws_iam_user_group_membership: shard.people.length } });
    },
    TIMEOUT_MS,
  );

  test(
    'validates an Identity Center people shard and its group lookups against the provider, and says why it is not planned',
    async () => {
      const model = fixtureModel({ ...input, awsMode: 'identity-center' });
      const shard = fullest(model, 'aws-identity-center');
      const result = await check(workdir, 'identity-center', model, shard.stack);
      expect(result).toMatchObject({
        status: 'validated',
        detail: expect.stringContaining('not planned: it reads aws_identitystore_group from AWS'),
      });
    },
    TIMEOUT_MS,
  );
});
