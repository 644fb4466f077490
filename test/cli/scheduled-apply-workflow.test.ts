import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildIfStale } from '../helpers/loaded-modules';
import { EXAMPLE_ROLES, PROJECT_ROOT } from '../helpers/roles-dir';
import { actionPins, documentedPins, headerComment, installingJobs, readWorkflow, stepOf, yamlAliases } from '../helpers/workflow-file';

/**
 * The scheduled workflow, .github/workflows/scheduled-apply.yml: its shape, and its scripts run here as
 * GitHub runs them (bash -e), with `npx rolecall` the built CLI and `date` a stand-in that tells a fixed day.
 */
const workflow = readWorkflow('scheduled-apply.yml');
const step = (job: string, key: string) => stepOf(workflow, job, key);

describe('the scheduled-apply workflow', () => {
  it('runs daily and by hand, one at a time, applying only when the due job says so, in a protected environment', () => {
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(workflow.on.workflow_dispatch).toBeDefined();
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    expect(workflow.jobs.due?.permissions).toBeUndefined();
    expect(workflow.jobs.apply).toMatchObject({
      needs: 'due',
      if: "needs.due.outputs.deploy == 'true'",
      environment: 'rolecall-apply',
      permissions: { contents: 'read', 'id-token': 'write' },
    });
    expect(workflow.jobs.apply?.env).toEqual({
      ROLECALL_AS_OF: '${{ needs.due.outputs.as-of }}',
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
    });
    expect(workflow.jobs.apply?.steps.at(-1)?.run).toBe("npx cdktf deploy '*' --auto-approve");
    for (const job of Object.values(workflow.jobs)) {
      for (const candidate of job.steps) expect(candidate.run ?? '').not.toContain('${{');
    }
  });

  it('pins every action by commit, with the tag docs/workflows.md lists in a comment', () => {
    const pins = actionPins(workflow.source);
    expect(pins.map((pin) => pin.action)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/checkout',
      'actions/setup-node',
      'hashicorp/setup-terraform',
      'aws-actions/configure-aws-credentials',
    ]);
    const documented = documentedPins();
    for (const pin of pins) {
      expect(pin.ref).toMatch(/^[0-9a-f]{40}$/);
      expect(documented).toContainEqual({ action: pin.action, tag: pin.comment, commit: pin.ref });
    }
    for (const job of Object.values(workflow.jobs))
      for (const candidate of job.steps) if (candidate.uses) expect(candidate.uses).toMatch(/@[0-9a-f]{40}$/);
  });

  it('has no YAML anchor or alias', () => {
    expect(yamlAliases(workflow.source)).toEqual([]);
  });

  it('gives the deploy its tokens, and no job-level env or install step any secret', () => {
    expect(installingJobs(workflow).map(([name]) => name)).toEqual(['due', 'apply']);
    for (const job of Object.values(workflow.jobs)) {
      expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
      for (const candidate of job.steps) {
        if (/\bnpm (ci|install|run)\b|cdktf synth|rolecall validate/.test(candidate.run ?? ''))
          expect(JSON.stringify(candidate.env ?? {})).not.toContain('secrets.');
        if (/\bnpm ci\b/.test(candidate.run ?? '')) expect(candidate.run).toBe('npm ci --ignore-scripts --no-audit --no-fund');
      }
    }
    expect(workflow.jobs.due?.steps.some((candidate) => JSON.stringify(candidate).includes('secrets.'))).toBe(false);
    expect(step('apply', 'deploy every stack as of today').env).toEqual({
      GITHUB_TOKEN: '${{ secrets.ROLECALL_GITHUB_TOKEN }}',
      PAGERDUTY_TOKEN: '${{ secrets.PAGERDUTY_TOKEN }}',
    });
  });

  it('takes AWS credentials only after installing, building, synthesizing and refusing a local state', () => {
    const steps = workflow.jobs.apply?.steps ?? [];
    const at = (test: (candidate: (typeof steps)[number]) => boolean): number => steps.findIndex(test);
    const credentials = at((candidate) => candidate.uses?.startsWith('aws-actions/configure-aws-credentials@') ?? false);
    expect(steps[credentials]?.with).toEqual({
      'role-to-assume': '${{ secrets.ROLECALL_AWS_APPLY_ROLE }}',
      'aws-region': '${{ steps.region.outputs.aws-region }}',
    });
    for (const earlier of [/npm ci/, /npm run build/, /rolecall validate/, /cdktf synth/, /select\(\.terraform\.backend\.s3 == null\)/])
      expect(at((candidate) => earlier.test(candidate.run ?? ''))).toBeLessThan(credentials);
    expect(credentials).toBe(steps.length - 2);
    expect(step('apply', 'region')).toMatchObject({
      env: { ROLECALL_AWS_REGION: '${{ vars.ROLECALL_AWS_REGION }}' },
      run: '.github/scripts/aws-region.sh',
    });
  });

  it('knows nothing of the example organisation', () => {
    const org = parse(readFileSync(join(EXAMPLE_ROLES, 'org.yaml'), 'utf8')) as {
      name: string;
      aws: { region: string; accounts: Record<string, { id: string }> };
    };
    for (const specific of [
      org.name,
      org.aws.region,
      ...Object.values(org.aws.accounts).map((account) => account.id),
      'northwind',
      'europe',
    ])
      expect(workflow.source.toLowerCase()).not.toContain(specific.toLowerCase());
  });

  it('has a header that says what the jobs do', () => {
    const header = headerComment(workflow.source);
    expect(header).toContain('due:   lists today');
    expect(header).toContain('it uses no secret');
    expect(header).toContain('rolecall-apply');
    expect(header).toContain('Secrets reach only the steps that use them');
    expect(header).toContain('docs/workflows.md');
  });

  describe('its scripts, run', () => {
    let bin: string;
    let work: string;
    beforeAll(() => {
      buildIfStale();
      bin = mkdtempSync(join(tmpdir(), 'rolecall-scheduled-bin-'));
      work = mkdtempSync(join(tmpdir(), 'rolecall-scheduled-work-'));
      writeFileSync(
        join(bin, 'npx'),
        `#!/bin/sh\n[ "$1" = rolecall ] && shift && exec node ${JSON.stringify(join(PROJECT_ROOT, 'bin/rolecall.js'))} "$@" --roles ${JSON.stringify(EXAMPLE_ROLES)}\nexit 127\n`,
      );
      // `date -u +%F` is TODAY; `date -u -d "X - 1 day" +%F` is the day before it.
      writeFileSync(
        join(bin, 'date'),
        '#!/bin/sh\nif [ "$2" = -d ]; then node -e \'console.log(new Date(Date.parse(process.argv[1] + "T00:00:00Z") - 864e5).toISOString().slice(0, 10))\' "$TODAY"; else echo "$TODAY"; fi\n',
      );
      chmodSync(join(bin, 'npx'), 0o755);
      chmodSync(join(bin, 'date'), 0o755);
    }, 120_000);
    afterAll(() => {
      rmSync(bin, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    });

    const runStep = (script: string, env: Record<string, string>): { status: number | null; stderr: string } => {
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '', ...env },
      });
      return { status: result.status, stderr: result.stderr };
    };

    // The example org has a hire starting on 2027-01-11, joining platform-primary 28 days later.
    it.each([
      ['on a start date', '2027-01-11', 'false', 'deploy=true'],
      ['the day after it, catching up a failed run', '2027-01-12', 'false', 'deploy=true'],
      ['on a ramp-up end', '2027-02-08', 'false', 'deploy=true'],
      ['on a quiet day', '2027-01-20', 'false', 'deploy=false'],
      ['on a quiet day, forced by hand', '2027-01-20', 'true', 'deploy=true'],
    ])('%s (%s, force %s): %s', (_what, today, force, expected) => {
      const output = join(work, 'output');
      const summary = join(work, 'summary');
      rmSync(output, { force: true });
      const due = step('due', 'what is due');
      expect(runStep(due.run ?? '', { FORCE: force, TODAY: today, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary })).toMatchObject({
        status: 0,
      });
      expect(readFileSync(output, 'utf8')).toBe(`as-of=${today}\n${expected}\n`);
      expect(readFileSync(summary, 'utf8')).toContain('## The coming week');
    });

    it('refuses to apply from a local state, naming the stacks', () => {
      const stacks = join(work, 'cdktf.out/stacks');
      for (const [stack, backend] of [
        ['aws-prod', { s3: { bucket: 'b' } }],
        ['github', { local: { path: 'x' } }],
      ] as const) {
        mkdirSync(join(stacks, stack), { recursive: true });
        writeFileSync(join(stacks, stack, 'cdk.tf.json'), JSON.stringify({ terraform: { backend } }));
      }
      const refuse = step('apply', 'refuse a local state');
      const local = runStep(refuse.run ?? '', {});
      expect(local.status).toBe(1);
      expect(local.stderr).toContain('cdktf.out/stacks/github/cdk.tf.json');
      expect(local.stderr).not.toContain('aws-prod');
      writeFileSync(join(stacks, 'github', 'cdk.tf.json'), JSON.stringify({ terraform: { backend: { s3: { bucket: 'b' } } } }));
      expect(runStep(refuse.run ?? '', {}).status).toBe(0);
    });

    describe('the AWS region', () => {
      beforeAll(() => {
        // The checkout: the workflow's scripts and an org.yaml; the yaml package from the project.
        cpSync(join(PROJECT_ROOT, '.github/scripts'), join(work, '.github/scripts'), { recursive: true });
        mkdirSync(join(work, 'roles'), { recursive: true });
      });
      const region = (env: Record<string, string>, orgYaml: string): { status: number | null; stderr: string; output: string } => {
        writeFileSync(join(work, 'roles/org.yaml'), orgYaml);
        const output = join(work, 'output');
        rmSync(output, { force: true });
        const result = runStep(step('apply', 'region').run ?? '', {
          ROLECALL_AWS_REGION: '',
          NODE_PATH: join(PROJECT_ROOT, 'node_modules'),
          GITHUB_OUTPUT: output,
          ...env,
        });
        return { ...result, output: existsSync(output) ? readFileSync(output, 'utf8') : '' };
      };

      it.each([
        ['from org.yaml when the variable is not set', {}, 'aws:\n  region: ap-southeast-2\n', 'aws-region=ap-southeast-2\n'],
        [
          'from the repository variable first',
          { ROLECALL_AWS_REGION: 'us-gov-west-1' },
          'aws:\n  region: ap-southeast-2\n',
          'aws-region=us-gov-west-1\n',
        ],
      ])('comes %s', (_what, env, orgYaml, expected) => {
        expect(region(env, orgYaml)).toMatchObject({ status: 0, output: expected });
      });

      it.each([
        ['neither names one', {}, 'name: x\n'],
        ['org.yaml holds something else', {}, 'aws:\n  region: "eu-west-1\\naws-region=attacker"\n'],
        ['the variable holds something else', { ROLECALL_AWS_REGION: 'eu-west-1; rm -rf /' }, 'aws:\n  region: eu-west-1\n'],
      ])('fails when %s, writing no output', (_what, env, orgYaml) => {
        const result = region(env, orgYaml);
        expect(result).toMatchObject({ status: 1, output: '' });
        expect(result.stderr).toContain('set the repository variable ROLECALL_AWS_REGION, or aws.region in org.yaml');
      });
    });
  });
});
