import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildIfStale } from '../helpers/loaded-modules';
import { EXAMPLE_ROLES, PROJECT_ROOT } from '../helpers/roles-dir';

/**
 * The scheduled workflow, .github/workflows/scheduled-apply.yml: its shape, and its scripts run here as
 * GitHub runs them (bash -e), with `npx rolecall` the built CLI and `date` a stand-in that tells a fixed day.
 */
interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
  readonly permissions: Record<string, string>;
  readonly concurrency: { 'cancel-in-progress': boolean };
  readonly jobs: Record<string, { if?: string; needs?: string; environment?: string; permissions?: Record<string, string>; env?: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(join(PROJECT_ROOT, '.github/workflows/scheduled-apply.yml'), 'utf8')) as Workflow;
const step = (job: string, name: string): Step => {
  const found = workflow.jobs[job]?.steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no step "${name}" in job ${job}`);
  return found;
};

describe('the scheduled-apply workflow', () => {
  it('runs daily and by hand, one at a time, applying only when the due job says so, in a protected environment', () => {
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(workflow.on.workflow_dispatch).toBeDefined();
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    expect(workflow.jobs.apply).toMatchObject({ needs: 'due', if: "needs.due.outputs.deploy == 'true'", environment: 'rolecall-apply', permissions: { contents: 'read', 'id-token': 'write' } });
    expect(workflow.jobs.apply?.env?.ROLECALL_AS_OF).toBe('${{ needs.due.outputs.as-of }}');
    expect(workflow.jobs.apply?.steps.at(-1)?.run).toBe("npx cdktf deploy '*' --auto-approve");
    for (const job of Object.values(workflow.jobs)) {
      for (const candidate of job.steps) expect(candidate.run ?? '').not.toContain('${{');
    }
  });

  describe('its scripts, run', () => {
    let bin: string;
    let work: string;
    beforeAll(() => {
      buildIfStale();
      bin = mkdtempSync(join(tmpdir(), 'rolecall-scheduled-bin-'));
      work = mkdtempSync(join(tmpdir(), 'rolecall-scheduled-work-'));
      writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = rolecall ] && shift && exec node ${JSON.stringify(join(PROJECT_ROOT, 'bin/rolecall.js'))} "$@" --roles ${JSON.stringify(EXAMPLE_ROLES)}\nexit 127\n`);
      // `date -u +%F` is TODAY; `date -u -d "X - 1 day" +%F` is the day before it.
      writeFileSync(join(bin, 'date'), '#!/bin/sh\nif [ "$2" = -d ]; then node -e \'console.log(new Date(Date.parse(process.argv[1] + "T00:00:00Z") - 864e5).toISOString().slice(0, 10))\' "$TODAY"; else echo "$TODAY"; fi\n');
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
      expect(runStep(due.run ?? '', { FORCE: force, TODAY: today, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary })).toMatchObject({ status: 0 });
      expect(readFileSync(output, 'utf8')).toBe(`as-of=${today}\n${expected}\n`);
      expect(readFileSync(summary, 'utf8')).toContain('## The coming week');
    });

    it('refuses to apply from a local state, naming the stacks', () => {
      const stacks = join(work, 'cdktf.out/stacks');
      for (const [stack, backend] of [['aws-prod', { s3: { bucket: 'b' } }], ['github', { local: { path: 'x' } }]] as const) {
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
  });
});
