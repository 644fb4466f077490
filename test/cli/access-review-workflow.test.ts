import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { setEnd } from '../../src/edit/people-edits';
import { loadModel } from '../../src/pipeline/load-model';
import { COMMENT_MARKER } from '../../src/review';
import { PLAN_MARKER } from '../../src/review/plan/render-plan';
import { rolesRepo, type RolesRepo } from '../helpers/git-roles-repo';
import { buildIfStale } from '../helpers/loaded-modules';
import { EXAMPLE_ROLES, PROJECT_ROOT } from '../helpers/roles-dir';
import { actionPins, documentedPins, headerComment, installingJobs, readWorkflow, stepOf, yamlAliases } from '../helpers/workflow-file';

/**
 * The pull-request workflow, .github/workflows/access-review.yml, a required check: its shape, and its
 * scripts run here as GitHub runs them (bash -e), in a git repository like the checkout, with
 * `npx rolecall` the built CLI and a stand-in `gh` that records calls.
 */
const workflow = readWorkflow('access-review.yml');
const step = (job: string, key: string) => stepOf(workflow, job, key);

/** The override variables check-removal reads, from its source: a guard added there must get a label here. */
const OVERRIDES = [
  ...readFileSync(join(PROJECT_ROOT, 'src/cli/commands/check-removal-run.ts'), 'utf8').matchAll(/override: '(ROLECALL_ALLOW_[A-Z_]+)'/g),
]
  .map((match) => match[1])
  .sort();
/** Label and variable of each guard, as docs/review.md's table states them. */
const LABELS = [
  ...readFileSync(join(PROJECT_ROOT, 'docs/review.md'), 'utf8').matchAll(/`(ROLECALL_ALLOW_[A-Z_]+)=1` \(label `([a-z-]+)`\)/g),
].map((match) => ({ variable: match[1] ?? '', label: match[2] ?? '' }));

describe('the access-review workflow', () => {
  it('runs on every pull request, label changes included: no paths filter, so it always reports', () => {
    const trigger = workflow.on.pull_request ?? {};
    expect(trigger).not.toHaveProperty('paths');
    expect(trigger).not.toHaveProperty('paths-ignore');
    expect(trigger).not.toHaveProperty('branches');
    expect(trigger.types).toEqual(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']);
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.concurrency).toEqual({ group: 'access-review-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
  });

  it('has read-only permissions unless a job needs more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.diff?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.jobs.plan?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'id-token': 'write' });
  });

  it('pins every action by commit, with its tag in a comment', () => {
    const pins = actionPins(workflow.source);
    expect(pins.length).toBeGreaterThanOrEqual(6);
    for (const pin of pins) {
      expect(pin).toEqual({ ...pin, ref: expect.stringMatching(/^[0-9a-f]{40}$/), comment: expect.stringMatching(/^v\d+\.\d+\.\d+$/) });
    }
    for (const job of Object.values(workflow.jobs))
      for (const candidate of job.steps) if (candidate.uses) expect(candidate.uses).toMatch(/@[0-9a-f]{40}$/);
  });

  it('pins each action to the commit and tag docs/workflows.md lists', () => {
    const documented = documentedPins();
    expect(documented.map((pin) => pin.action).sort()).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/upload-artifact',
      'aws-actions/configure-aws-credentials',
      'hashicorp/setup-terraform',
    ]);
    for (const pin of actionPins(workflow.source))
      expect(documented).toContainEqual({ action: pin.action, tag: pin.comment, commit: pin.ref });
  });

  it('has no YAML anchor or alias: each step reads as it runs', () => {
    expect(yamlAliases(workflow.source)).toEqual([]);
  });

  it('keeps secrets out of job-level env and out of every step that installs or builds', () => {
    expect(installingJobs(workflow).map(([name]) => name)).toEqual(['diff', 'plan']);
    for (const job of Object.values(workflow.jobs)) {
      expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
      for (const candidate of job.steps) {
        if (/\bnpm (ci|install|run)\b|cdktf synth/.test(candidate.run ?? ''))
          expect(JSON.stringify(candidate.env ?? {})).not.toContain('secrets.');
        if (/\bnpm ci\b/.test(candidate.run ?? '')) expect(candidate.run).toBe('npm ci --ignore-scripts --no-audit --no-fund');
      }
    }
    // The plan's credentials are where they are used.
    expect(step('plan', 'credentials').env).toEqual({ HAS_AWS: "${{ secrets.ROLECALL_AWS_PLAN_ROLE != '' }}" });
    expect(Object.keys(step('plan', 'plan').env ?? {}).sort()).toEqual(['GITHUB_TOKEN', 'HAS_AWS', 'PAGERDUTY_TOKEN']);
    expect(step('plan', 'plan').env?.HAS_AWS).toBe('${{ steps.credentials.outputs.aws }}');
    expect(workflow.jobs.plan?.env).toEqual({ TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' });
  });

  it('never interpolates an expression into a script: values reach scripts through the environment', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const candidate of job.steps) expect(candidate.run ?? '').not.toContain('${{');
    }
  });

  it('lets each check-removal guard through with its own label, as docs/review.md states', () => {
    expect(OVERRIDES).toEqual(['ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL', 'ROLECALL_ALLOW_MASS_REMOVAL', 'ROLECALL_ALLOW_SHORT_ROTATION']);
    expect(LABELS.map((pair) => pair.variable).sort()).toEqual(OVERRIDES);
    const env = step('diff', 'removal').env ?? {};
    expect(
      Object.keys(env)
        .filter((name) => name.startsWith('ROLECALL_ALLOW_'))
        .sort(),
    ).toEqual(OVERRIDES);
    for (const { variable, label } of LABELS)
      expect(env[variable]).toBe(`\${{ contains(github.event.pull_request.labels.*.name, '${label}') && '1' || '' }}`);
    expect(step('diff', 'removal').run).toContain('npx rolecall check-removal --base "origin/$BASE_REF"');
  });

  it('runs every guard even when one before it failed, and fails in its last step if any did', () => {
    expect(step('diff', 'diff').run).toMatch(
      /set \+e\n\s*npx rolecall diff --base "origin\/\$BASE_REF" --fail-on high > access-diff\.md\n/,
    );
    for (const key of ['diff', 'removal', 'comment and job summary', 'sticky comment'])
      expect(step('diff', key).if).toMatch(/^\$\{\{ !cancelled\(\) && /);
    const last = workflow.jobs.diff?.steps.at(-1);
    expect(last).toMatchObject({
      if: '${{ !cancelled() }}',
      env: { DIFF_EXIT: '${{ steps.diff.outputs.exit }}', REMOVAL_EXIT: '${{ steps.removal.outputs.exit }}' },
    });
    // No step validates on its own before the comment: the diff reports invalid roles in the comment.
    expect(workflow.jobs.diff?.steps.some((candidate) => /rolecall validate/.test(candidate.run ?? ''))).toBe(false);
  });

  it('posts both comments through the repository script, with the markers the renderers write', () => {
    const script = join(PROJECT_ROOT, '.github/scripts/sticky-comment.sh');
    expect(statSync(script).mode & 0o111).toBe(0o111);
    expect(step('diff', 'sticky comment').run).toBe(`.github/scripts/sticky-comment.sh '${COMMENT_MARKER}' comment.md`);
    expect(step('plan', 'sticky comment').run).toBe(`.github/scripts/sticky-comment.sh '${PLAN_MARKER}' plan-summary.md`);
    for (const job of ['diff', 'plan']) {
      // Fork pull requests: no comment, the job summary only.
      expect(step(job, 'sticky comment').if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
      expect(step(job, 'sticky comment').env).toMatchObject({
        GH_TOKEN: '${{ github.token }}',
        PR: '${{ github.event.pull_request.number }}',
        REPO: '${{ github.repository }}',
      });
    }
  });

  it('plans only when the change can alter access, and in any case reports', () => {
    const gated = workflow.jobs.plan?.steps.slice(2, -2) ?? [];
    expect(gated.length).toBeGreaterThan(5);
    for (const candidate of gated) expect(candidate.if).toMatch(/^steps\.(changes\.outputs\.access|credentials\.outputs\.aws) == 'true'$/);
    expect(step('plan', 'summary').if).toBe('${{ !cancelled() }}');
  });

  it('knows nothing of the example organisation: region from the variable or org.yaml', () => {
    const org = parse(readFileSync(join(EXAMPLE_ROLES, 'org.yaml'), 'utf8')) as {
      name: string;
      aws: { region: string; accounts: Record<string, { id: string }> };
    };
    for (const specific of [org.name, org.aws.region, ...Object.values(org.aws.accounts).map((account) => account.id), 'northwind'])
      expect(workflow.source.toLowerCase()).not.toContain(specific.toLowerCase());
    const aws = workflow.jobs.plan?.steps.find((candidate) => candidate.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(aws?.with).toEqual({
      'role-to-assume': '${{ secrets.ROLECALL_AWS_PLAN_ROLE }}',
      'aws-region': '${{ steps.region.outputs.aws-region }}',
    });
    expect(step('plan', 'region')).toMatchObject({
      env: { ROLECALL_AWS_REGION: '${{ vars.ROLECALL_AWS_REGION }}' },
      run: '.github/scripts/aws-region.sh',
    });
  });

  it('has a header that says what the jobs do', () => {
    const header = headerComment(workflow.source);
    expect(header).not.toMatch(/touch(es)? the roles|roles\/\*\*|validates the roles, then/);
    expect(header).toContain('required check');
    expect(header).toContain('every pull request');
    for (const { label } of LABELS) expect(header).toContain(label);
    expect(header).toMatch(/forks get no secrets and a read-only token: both jobs then write to the job summary only/);
    expect(header).toContain('docs/workflows.md');
    expect(existsSync(join(PROJECT_ROOT, 'docs/workflows.md'))).toBe(true);
  });

  describe('its scripts, run', () => {
    let repo: RolesRepo;
    let bin: string;
    let base: string;
    const calls = (): string[] => readFileSync(join(bin, 'gh.log'), 'utf8').split('\n').filter(Boolean);

    beforeAll(() => {
      buildIfStale();
      repo = rolesRepo();
      // The checkout: the roles, the workflow's scripts, and a stand-in for the code.
      cpSync(join(PROJECT_ROOT, '.github'), join(repo.dir, '.github'), { recursive: true });
      mkdirSync(join(repo.dir, 'src'));
      writeFileSync(join(repo.dir, 'src/main.ts'), 'export {};\n');
      mkdirSync(join(repo.dir, 'docs'));
      writeFileSync(join(repo.dir, 'docs/index.md'), '# docs\n');
      base = repo.commit('base');
      repo.git('update-ref', 'refs/remotes/origin/main', base);
      bin = mkdtempSync(join(tmpdir(), 'rolecall-workflow-bin-'));
      // `npx rolecall` is the built CLI; `gh` answers the comment list from a file and records every call.
      writeFileSync(
        join(bin, 'npx'),
        `#!/bin/sh\n[ "$1" = rolecall ] && shift && exec node ${JSON.stringify(join(PROJECT_ROOT, 'bin/rolecall.js'))} "$@"\nexit 127\n`,
      );
      writeFileSync(
        join(bin, 'gh'),
        `#!/bin/sh\necho "$*" >> "${join(bin, 'gh.log')}"\ncase "$*" in *--method*) ;; *) cat "${join(bin, 'comments.json')}" ;; esac\n`,
      );
      chmodSync(join(bin, 'npx'), 0o755);
      chmodSync(join(bin, 'gh'), 0o755);
    }, 120_000);

    afterAll(() => {
      repo.remove();
      rmSync(bin, { recursive: true, force: true });
    });

    /** Resets the checkout to the base, applies `change` and commits it: HEAD is the pull request. */
    const pullRequest = (change: () => void): void => {
      repo.git('reset', '-q', '--hard', base);
      repo.git('clean', '-qfd');
      change();
      repo.commit('the pull request');
      for (const file of ['access-diff.md', 'check-removal.txt', 'comment.md', 'output', 'summary'])
        rmSync(join(repo.dir, file), { force: true });
    };

    const runStep = (
      script: string,
      env: Record<string, string | undefined> = {},
    ): { status: number | null; stdout: string; stderr: string } => {
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: {
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          HOME: process.env.HOME ?? '',
          ROLECALL_AS_OF: '2026-11-22',
          GITHUB_OUTPUT: join(repo.dir, 'output'),
          GITHUB_STEP_SUMMARY: join(repo.dir, 'summary'),
          BASE_REF: 'main',
          ...env,
        },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const outputs = (): Record<string, string> =>
      Object.fromEntries(
        readFileSync(join(repo.dir, 'output'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split('=', 2) as [string, string]),
      );
    /** Runs the diff job's scripts in order, as the runner would, with the outputs each step wrote. */
    const diffJob = (labels: Record<string, string> = {}): Record<string, string> => {
      rmSync(join(repo.dir, 'output'), { force: true });
      expect(runStep(step('diff', 'changes').run ?? '').status).toBe(0);
      const changes = outputs();
      rmSync(join(repo.dir, 'output'));
      expect(runStep(step('diff', 'diff').run ?? '').status).toBe(0);
      const diff = outputs();
      rmSync(join(repo.dir, 'output'));
      const empty = { ROLECALL_ALLOW_MASS_REMOVAL: '', ROLECALL_ALLOW_SHORT_ROTATION: '', ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL: '' };
      expect(runStep(step('diff', 'removal').run ?? '', { ...empty, ...labels }).status).toBe(0);
      const removal = outputs();
      expect(
        runStep(step('diff', 'comment and job summary').run ?? '', {
          ROLES_CHANGED: changes.roles,
          CODE_CHANGED: changes.code,
          REMOVAL_EXIT: removal.exit,
        }).status,
      ).toBe(0);
      return {
        roles: changes.roles ?? '',
        code: changes.code ?? '',
        access: changes.access ?? '',
        diffExit: diff.exit ?? '',
        removalExit: removal.exit ?? '',
      };
    };
    const gate = (diffExit: string | undefined, removalExit: string | undefined): number | null =>
      runStep(workflow.jobs.diff?.steps.at(-1)?.run ?? '', { DIFF_EXIT: diffExit, REMOVAL_EXIT: removalExit }).status;
    const read = (file: string): string => readFileSync(join(repo.dir, file), 'utf8');

    it.each([
      [
        'a roles file',
        () =>
          repo.edit(
            'capabilities.yaml',
            'actions: [s3:ListBucket, s3:GetBucketVersioning]',
            'actions: [s3:ListBucket, s3:GetBucketVersioning, s3:DeleteBucket]',
          ),
        { roles: 'true', code: 'false', access: 'true' },
      ],
      [
        'the code',
        () => writeFileSync(join(repo.dir, 'src/main.ts'), 'export const changed = 1;\n'),
        { roles: 'false', code: 'true', access: 'true' },
      ],
      [
        'a workflow script',
        () => writeFileSync(join(repo.dir, '.github/scripts/new.sh'), 'exit 0\n'),
        { roles: 'false', code: 'true', access: 'true' },
      ],
      [
        'package-lock.json',
        () => writeFileSync(join(repo.dir, 'package-lock.json'), '{}\n'),
        { roles: 'false', code: 'true', access: 'true' },
      ],
      [
        'the docs only',
        () => writeFileSync(join(repo.dir, 'docs/index.md'), '# more docs\n'),
        { roles: 'false', code: 'false', access: 'false' },
      ],
    ])('tells whether a change of %s can change access', (_what, change, expected) => {
      pullRequest(change);
      rmSync(join(repo.dir, 'output'), { force: true });
      expect(runStep(step('plan', 'changes').run ?? '').status).toBe(0);
      expect(outputs()).toEqual(expected);
    });

    it('counts access as changed when git cannot tell, so the check does all its work', () => {
      pullRequest(() => writeFileSync(join(repo.dir, 'docs/index.md'), '# more docs\n'));
      rmSync(join(repo.dir, 'output'), { force: true });
      const result = runStep(step('plan', 'changes').run ?? '', { BASE_REF: 'no-such-branch' });
      expect(result).toMatchObject({ status: 0, stdout: expect.stringContaining('::warning::cannot list the files changed') });
      expect(outputs()).toEqual({ roles: 'true', code: 'true', access: 'true' });
    });

    it('comments the diff, then the guards, and passes a change within the gate', () => {
      pullRequest(() =>
        repo.edit(
          'capabilities.yaml',
          'actions: [s3:ListBucket, s3:GetBucketVersioning]',
          'actions: [s3:ListBucket, s3:GetBucketVersioning, s3:DeleteBucket]',
        ),
      );
      const job = diffJob();
      expect(job).toMatchObject({ roles: 'true', code: 'false', diffExit: '0', removalExit: '0' });
      const comment = read('comment.md');
      expect(comment.startsWith(`${COMMENT_MARKER}\n## rolecall access diff\n`)).toBe(true);
      expect(comment).toContain('s3:DeleteBucket');
      expect(comment).toContain('**Gate `--fail-on high`: passed.**');
      expect(comment.trimEnd().endsWith('**Removal guards (`rolecall check-removal`): passed.**')).toBe(true);
      expect(read('summary')).toContain(comment);
      expect(read('summary')).toContain('### rolecall check-removal\n\n<pre>');
      expect(gate(job.diffExit, job.removalExit)).toBe(0);
    });

    it('fails the check on high-risk access no acceptance covers, after commenting it', () => {
      pullRequest(() => repo.edit('org.yaml', /owners: \[([^\]]*)\]/, 'owners: [$1, hana-suzuki]'));
      const job = diffJob();
      expect(job).toMatchObject({ diffExit: '1', removalExit: '0' });
      expect(read('comment.md')).toContain('**Gate `--fail-on high`: failed.**');
      expect(gate(job.diffExit, job.removalExit)).toBe(1);
    });

    it('quotes a refusing guard in the comment: which guard, why, and the label that lets it through', () => {
      // Any rotation member of the organisation leaves while the change asks for more members than any
      // rotation has: the rotation is left short, whoever the organisation's people are.
      const model = loadModel(join(repo.dir, 'roles'), '2026-11-22', 'roles').model;
      const leaver = model?.oncall.rotations.find((rotation) => rotation.members.length > 0)?.members[0];
      if (!leaver) throw new Error('test setup: the organisation has no rotation with a member');
      pullRequest(() => {
        const people = readFileSync(join(repo.dir, 'roles/people.yaml'), 'utf8');
        const ended = setEnd(people, leaver, '2026-11-21');
        if ('error' in ended) throw new Error(`test setup: ${ended.error.message}`);
        writeFileSync(join(repo.dir, 'roles/people.yaml'), ended.text);
        writeFileSync(
          join(repo.dir, 'roles/org.yaml'),
          `${readFileSync(join(repo.dir, 'roles/org.yaml'), 'utf8').trimEnd()}\nguards:\n  rotationMinMembers: 99\n`,
        );
      });
      const job = diffJob();
      expect(job).toMatchObject({ diffExit: '0', removalExit: '1' });
      expect(read('comment.md')).toMatch(
        /<pre>[^<]*rotation left short: refused; if it is intended, run again with ROLECALL_ALLOW_SHORT_ROTATION=1[^<]*<\/pre>/,
      );
      expect(read('comment.md')).not.toContain(`  ${leaver}: no longer active`);
      expect(gate(job.diffExit, job.removalExit)).toBe(1);
    });

    it('puts invalid roles in the comment, replacing the last diff, and fails after every guard ran', () => {
      pullRequest(() => repo.edit('people.yaml', 'github: amaraokafor', 'github: "Amara Okafor"'));
      const job = diffJob();
      expect(job).toMatchObject({ diffExit: '1', removalExit: '1' });
      const comment = read('comment.md');
      expect(comment.startsWith(`${COMMENT_MARKER}\n## rolecall access diff: no diff\n`)).toBe(true);
      expect(comment).toContain('expected a GitHub login, got &#34;Amara Okafor&#34;');
      expect(comment).toContain('**Removal guards (`rolecall check-removal`): failed (exit 1).**');
      // The comment quotes check-removal's verdicts as escaped text, so the reviewer sees which guard and why.
      expect(comment).toMatch(/<pre>[^<]*got &quot;Amara Okafor&quot;[^<]*<\/pre>/);
      // The summary quotes check-removal's output as text: the value from the file is escaped.
      expect(read('summary')).toMatch(/<pre>[^<]*got &quot;Amara Okafor&quot;[^<]*<\/pre>/);
      expect(gate(job.diffExit, job.removalExit)).toBe(1);

      writeFileSync(
        join(bin, 'comments.json'),
        JSON.stringify([{ id: 12, user: { login: 'github-actions[bot]' }, body: `${COMMENT_MARKER}\nthe last push's diff` }]),
      );
      rmSync(join(bin, 'gh.log'), { force: true });
      const sticky = step('diff', 'sticky comment');
      expect(runStep(sticky.run ?? '', { PR: '7', REPO: 'o/r', GH_TOKEN: 'x' })).toMatchObject({ status: 0 });
      expect(calls()).toEqual([
        'api repos/o/r/issues/7/comments --paginate',
        expect.stringMatching(/^api --method PATCH repos\/o\/r\/issues\/comments\/12 --input /),
      ]);
    });

    it('says there is no change in access when the pull request touches nothing that could change it', () => {
      pullRequest(() => writeFileSync(join(repo.dir, 'docs/index.md'), '# more docs\n'));
      const job = diffJob();
      expect(job).toMatchObject({ access: 'false', diffExit: '0', removalExit: '0' });
      const comment = read('comment.md');
      expect(comment).toContain('**No change in access.**');
      expect(comment).toContain('This pull request changes no file that can change access: no change in access.');
      expect(gate(job.diffExit, job.removalExit)).toBe(0);
    });

    it('notes that only the plan shows what a change of the code does', () => {
      pullRequest(() => writeFileSync(join(repo.dir, 'src/main.ts'), 'export const changed = 1;\n'));
      diffJob();
      expect(read('comment.md')).toContain('> This pull request changes the code or configuration that turns the roles into access');
    });

    it('comments even when the diff printed nothing, and fails', () => {
      pullRequest(() => repo.edit('capabilities.yaml', 'actions: [s3:ListBucket, s3:GetBucketVersioning]', 'actions: [s3:ListBucket]'));
      rmSync(join(repo.dir, 'output'), { force: true });
      expect(runStep(step('diff', 'diff').run ?? '', { BASE_REF: 'no-such-branch' }).status).toBe(0);
      expect(outputs()).toEqual({ exit: '2' });
      expect(read('access-diff.md')).toBe(
        '## rolecall access diff: failed\n\n`rolecall diff` exited with 2 and printed no diff: the job log says why.\n',
      );
    });

    it('lets a guard through only with its own label', () => {
      pullRequest(() => {
        // A strict guard, then three leavers: a mass removal that also leaves their rotation short.
        repo.edit('org.yaml', /^oncall:/m, 'guards:\n  massRemoval: { people: 2, percent: 10 }\noncall:');
        repo.commit('a strict guard');
        base = repo.git('rev-parse', 'HEAD').trim();
        repo.git('update-ref', 'refs/remotes/origin/main', base);
        for (const id of ['priya-raman', 'fatima-haddad', 'chidi-eze']) {
          execFileSync(
            process.execPath,
            [join(PROJECT_ROOT, 'bin/rolecall.js'), 'offboard', id, '--on', '2026-11-01', '--roles', 'roles'],
            { cwd: repo.dir, env: { ...process.env, ROLECALL_AS_OF: '2026-11-22' }, stdio: 'pipe' },
          );
        }
      });
      const removal = step('diff', 'removal').run ?? '';
      const none = { ROLECALL_ALLOW_MASS_REMOVAL: '', ROLECALL_ALLOW_SHORT_ROTATION: '', ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL: '' };
      const exitWith = (labels: Record<string, string>): string | undefined => {
        rmSync(join(repo.dir, 'output'), { force: true });
        expect(runStep(removal, { ...none, ...labels }).status).toBe(0);
        return outputs().exit;
      };
      expect(exitWith({})).toBe('1');
      expect(read('check-removal.txt')).toContain('mass removal: refused');
      expect(exitWith({ ROLECALL_ALLOW_MASS_REMOVAL: '1' })).toBe('1');
      expect(read('check-removal.txt')).toContain('rotation left short: refused');
      expect(exitWith({ ROLECALL_ALLOW_MASS_REMOVAL: '1', ROLECALL_ALLOW_SHORT_ROTATION: '1' })).toBe('0');
    });

    it.each([
      ['0', '0', 0],
      ['1', '0', 1],
      ['0', '1', 1],
      ['', '0', 1],
      ['0', '', 1],
    ])('fails the check unless both the diff and the guards passed (diff %p, guards %p)', (diffExit, removalExit, status) => {
      expect(gate(diffExit, removalExit)).toBe(status);
    });
  });
});
