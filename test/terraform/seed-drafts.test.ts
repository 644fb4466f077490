import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadModel } from '../../src/pipeline/load-model';
import { repairText } from '../../src/jd';
import { personCapabilities } from '../../src/model/build/person-access';
import { checkStacks } from '../../src/terraform/check-stacks';
import { findPrerequisites } from '../../src/terraform/terraform-cli';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';
import { describeSeeds, readSeed, SEED_FILES, type SeedName } from '../helpers/seeds';
import { synthApp } from '../helpers/synth-app';

/**
 * Each seed JD end to end, as a team would take a new JD: `jd draft` into a copy of the example org, the
 * draft written unedited as the role file, a person given that role, then validate, synth and an offline
 * `terraform plan`. The person must get only low- and medium-risk access, every capability justified by
 * a line of that seed.
 */
const TIMEOUT_MS = 300_000;
const skip = process.env.ROLECALL_SKIP_TERRAFORM === '1';
const SEEDS = Object.keys(SEED_FILES) as SeedName[];

/** The seed's file in the copy: JSON-LD keeps its extension, the others are Markdown. */
function seedPath(name: SeedName): string {
  return `jd/seed-${name}.${readSeed(name).trimStart().startsWith('{') ? 'json' : 'md'}`;
}

/** One person per seed role, appended to people.yaml as an onboarding would. */
function personEntry(name: SeedName): string {
  return [
    `  - id: seed-hire-${name}`,
    `    name: Seed Hire ${name}`,
    `    email: seed-hire-${name}@northwindlabs.example`,
    `    github: seed-hire-${name}`,
    `    roles: [seed-${name}]`,
    '    start: 2026-11-02',
    '',
  ].join('\n');
}

/** Folded for comparing a quote with the source line it came from. */
function folded(text: string): string {
  return repairText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describeSeeds('jd draft of each seed, unedited, end to end', () => {
  let roles: RolesCopy;
  const drafts = new Map<SeedName, string>();

  beforeAll(async () => {
    roles = copyRoles(EXAMPLE_ROLES);
    for (const name of SEEDS) {
      fs.writeFileSync(path.join(roles.dir, seedPath(name)), readSeed(name));
      const result = await runCli(['jd', 'draft', seedPath(name), '--roles', '.', '--id', `seed-${name}`], { cwd: roles.dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      drafts.set(name, result.stdout);
      roles.write(`seed-${name}.yaml`, result.stdout);
    }
    roles.write('people.yaml', `${roles.read('people.yaml').trimEnd()}\n${SEEDS.map(personEntry).join('')}`);
  }, TIMEOUT_MS);
  afterAll(() => roles.remove());

  const load = () => loadModel(roles.dir, '2026-11-22', 'roles');

  it('validates with every draft as written', () => {
    expect(load().problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it.each(SEEDS)('seed %s: the new hire holds only low- and medium-risk capabilities, each justified by a line of the seed', (name) => {
    const { model } = load();
    if (!model) throw new Error('model not built');
    const person = model.people.find((candidate) => candidate.id === `seed-hire-${name}`);
    if (!person) throw new Error('person not in the model');
    const held = personCapabilities(model, person);
    expect(held.length).toBeGreaterThan(0);
    const risks = new Map(model.capabilities.map((capability) => [capability.id, capability.risk.level]));
    const lines = readSeed(name).split('\n');
    for (const capability of held) {
      expect([capability.id, risks.get(capability.id)]).toEqual([capability.id, expect.stringMatching(/^(low|medium)$/)]);
      for (const { reason } of capability.because) {
        if (reason.kind !== 'duty') throw new Error(`${capability.id} is granted by a ${reason.kind}, not a duty of the seed`);
        expect(reason.jd.file).toBe(path.join('roles', seedPath(name)));
        expect(folded(lines[reason.jd.line - 1] ?? '')).toContain(folded(reason.quote).slice(0, 40));
      }
    }
    // What the draft did not grant because it is high risk is there for a human to uncomment.
    expect(drafts.get(name)).not.toMatch(
      /^\s*(?:-\s*)?capabilities:\s*\[[^\]]*(?:iac-apply-prod|iac-apply-staging|mongodb-clusters-operate)/m,
    );
  });

  (skip ? it.skip : it)(
    'synthesizes, and every AWS stack plans offline with real Terraform',
    async () => {
      const prerequisites = findPrerequisites();
      if (prerequisites.missing.length)
        throw new Error(`cannot run Terraform: ${prerequisites.missing.join('; ')} (or set ROLECALL_SKIP_TERRAFORM=1 on purpose)`);
      const { model } = load();
      if (!model) throw new Error('model not built');
      const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-seeds-'));
      try {
        const outdir = path.join(workdir, 'cdktf.out');
        synthApp(model, { outdir, state: { backend: 'local', directory: path.join(workdir, 'state') } });
        const results = await checkStacks(outdir, { plan: true });
        const aws = results.filter((result) => result.stack.startsWith('aws-') || result.stack === 'oncall');
        expect(aws.map((result) => [result.stack, result.status])).toEqual(aws.map((result) => [result.stack, 'planned']));
        const seedUsers = results.flatMap((result) => (result.status === 'planned' ? [result.counts?.create?.['aws_iam_user'] ?? 0] : []));
        expect(seedUsers.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
      } finally {
        fs.rmSync(workdir, { recursive: true, force: true });
      }
    },
    TIMEOUT_MS,
  );
});
