import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMENT_MARKER } from '../../src/review';
import { PLAN_MARKER } from '../../src/review/plan/render-plan';
import { rolesRepo, type RolesRepo } from '../helpers/git-roles-repo';
import { buildIfStale } from '../helpers/loaded-modules';
import { PROJECT_ROOT } from '../helpers/roles-dir';

/**
 * The pull-request workflow, .github/workflows/access-review.yml: its shape, and its scripts run here as
 * GitHub runs them (bash -e), with `npx rolecall` the built CLI and a stand-in `gh` that records calls.
 */
interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: { pull_request: { paths: string[] } };
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(join(PROJECT_ROOT, '.github/workflows/access-review.yml'), 'utf8')) as Workflow;
const step = (job: string, name: string): Step => {
  const found = workflow.jobs[job]?.steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no step "${name}" in job ${job}`);
  return found;
};

describe('the access-review workflow', () => {
  it('runs on pull requests that touch the roles, with read-only permissions unless a job needs more', () => {
    expect(workflow.on.pull_request.paths).toEqual(['roles/**']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.diff?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.jobs.plan?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'id-token': 'write' });
  });

  it('never interpolates an expression into a script: values reach scripts through the environment', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const candidate of job.steps) expect(candidate.run ?? '').not.toContain('${{');
    }
  });

  it('reads the base from git history and comments with the markers the renderers write', () => {
    expect(workflow.jobs.diff?.steps.find((candidate) => candidate.uses?.startsWith('actions/checkout'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(step('diff', 'access diff against the target branch').run).toContain('npx rolecall diff --base "origin/$BASE_REF" --fail-on high');
    expect(step('diff', 'mass-removal guard').run).toBe('npx rolecall check-removal --base "origin/$BASE_REF"');
    expect(workflow.jobs.diff?.steps.find((candidate) => candidate.name === 'sticky comment')?.env?.MARKER).toBe(COMMENT_MARKER);
    expect(step('plan', 'plan summary').run).toContain('npx rolecall plan-summary plans/*.json');
    expect(workflow.jobs.plan?.steps.find((candidate) => candidate.name === 'sticky comment')?.env?.MARKER).toBe(PLAN_MARKER);
  });

  describe('its scripts, run', () => {
    let repo: RolesRepo;
    let bin: string;
    const calls = (): string[] => readFileSync(join(bin, 'gh.log'), 'utf8').split('\n').filter(Boolean);

    beforeAll(() => {
      buildIfStale();
      repo = rolesRepo();
      const base = repo.git('rev-parse', 'HEAD').trim();
      repo.git('update-ref', 'refs/remotes/origin/main', base);
      repo.edit('capabilities.yaml', 'actions: [s3:ListBucket, s3:GetBucketVersioning]', 'actions: [s3:ListBucket, s3:GetBucketVersioning, s3:DeleteBucket]');
      bin = mkdtempSync(join(tmpdir(), 'rolecall-workflow-bin-'));
      // `npx rolecall` is the built CLI; `gh` answers the comment list from a file and records every call.
      writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = rolecall ] && shift && exec node ${JSON.stringify(join(PROJECT_ROOT, 'bin/rolecall.js'))} "$@"\nexit 127\n`);
      writeFileSync(join(bin, 'gh'), `#!/bin/sh\necho "$*" >> "${join(bin, 'gh.log')}"\nif [ "$2" = "repos/o/r/issues/7/comments" ] && [ "$3" = --paginate ]; then jq -r "$5" "${join(bin, 'comments.json')}"; fi\n`);
      chmodSync(join(bin, 'npx'), 0o755);
      chmodSync(join(bin, 'gh'), 0o755);
    }, 120_000);

    afterAll(() => {
      repo.remove();
      rmSync(bin, { recursive: true, force: true });
    });

    const runStep = (script: string, env: Record<string, string>): { status: number | null; stderr: string } => {
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '', ROLECALL_AS_OF: '2026-11-22', ...env },
      });
      return { status: result.status, stderr: result.stderr };
    };

    it('writes the diff, its exit code for the gate, and the job summary', () => {
      const output = join(bin, 'output');
      const summary = join(bin, 'summary');
      const diff = step('diff', 'access diff against the target branch');
      expect(runStep(diff.run ?? '', { ...diff.env, BASE_REF: 'main', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary })).toMatchObject({ status: 0 });
      const comment = readFileSync(join(repo.dir, 'access-diff.md'), 'utf8');
      expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
      expect(comment).toContain('s3:DeleteBucket');
      expect(readFileSync(summary, 'utf8')).toBe(comment);
      expect(readFileSync(output, 'utf8')).toMatch(/^exit=[01]\n$/);
      const gate = step('diff', 'fail on unaccepted high-risk access, or invalid roles');
      expect(runStep(gate.run ?? '', { EXIT: '1' }).status).toBe(1);
    });

    it.each([
      ['updates its own comment', [{ id: 11, user: { login: 'someone' }, body: `${COMMENT_MARKER}\nplanted` }, { id: 12, user: { login: 'github-actions[bot]' }, body: `${COMMENT_MARKER}\nold` }], 'api --method PATCH repos/o/r/issues/comments/12 -F body=@access-diff.md'],
      ['adds one when it has none, whoever else wrote the marker', [{ id: 11, user: { login: 'someone' }, body: `${COMMENT_MARKER}\nplanted` }], 'api --method POST repos/o/r/issues/7/comments -F body=@access-diff.md'],
    ])('%s', (_what, comments, expected) => {
      writeFileSync(join(bin, 'comments.json'), JSON.stringify(comments));
      rmSync(join(bin, 'gh.log'), { force: true });
      const sticky = workflow.jobs.diff?.steps.find((candidate) => candidate.name === 'sticky comment');
      expect(runStep(sticky?.run ?? '', { ...sticky?.env, PR: '7', REPO: 'o/r', GH_TOKEN: 'x' })).toMatchObject({ status: 0 });
      expect(calls().slice(1)).toEqual([expected]);
    });
  });
});
