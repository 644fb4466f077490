import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENT_MARKER } from '../../src/review';
import { PROJECT_ROOT } from '../helpers/roles-dir';

/**
 * .github/scripts/sticky-comment.sh, run against a stand-in `gh` on PATH: it records every call, answers
 * the comment list from comments.json (as pages, the way `gh api --paginate` prints them) and keeps the
 * payload of a POST or PATCH.
 */
const SCRIPT = join(PROJECT_ROOT, '.github/scripts/sticky-comment.sh');
const LIMIT = 65_536;

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'rolecall-sticky-'));
  writeFileSync(
    join(bin, 'gh'),
    `#!/bin/sh
echo "$*" >> "$STUB/gh.log"
method=GET; input=""
while [ $# -gt 0 ]; do
  case "$1" in
    --method) method=$2; shift ;;
    --input) input=$2; shift ;;
  esac
  shift
done
if [ "$method" = GET ]; then cat "$STUB/comments.json"; else cp "$input" "$STUB/payload.json"; fi
`,
  );
  chmodSync(join(bin, 'gh'), 0o755);
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

interface Comment {
  readonly id: number;
  readonly user: { readonly login: string };
  readonly body: string;
}

/** Runs the script with `body` and the pages of comments GitHub would list; returns what it did. */
function run(
  body: string,
  pages: readonly Comment[][],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string; calls: string[]; payload: string | undefined } {
  for (const file of ['gh.log', 'payload.json']) rmSync(join(bin, file), { force: true });
  writeFileSync(join(bin, 'comments.json'), pages.map((page) => JSON.stringify(page)).join('\n'));
  writeFileSync(join(bin, 'body.md'), body);
  const result = spawnSync(SCRIPT, [COMMENT_MARKER, join(bin, 'body.md')], {
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, STUB: bin, GH_TOKEN: 'x', REPO: 'o/r', PR: '7', ...env },
  });
  const log = join(bin, 'gh.log');
  const payload = join(bin, 'payload.json');
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    calls: existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [],
    payload: existsSync(payload) ? (JSON.parse(readFileSync(payload, 'utf8')) as { body: string }).body : undefined,
  };
}

const LIST = 'api repos/o/r/issues/7/comments --paginate';
const planted: Comment = { id: 11, user: { login: 'someone' }, body: `${COMMENT_MARKER}\nplanted` };
const own: Comment = { id: 12, user: { login: 'github-actions[bot]' }, body: `${COMMENT_MARKER}\nold` };
const otherMarker: Comment = { id: 13, user: { login: 'github-actions[bot]' }, body: '<!-- rolecall-plan-summary -->\nplan' };

describe('sticky-comment.sh', () => {
  it('is executable and strict', () => {
    expect(statSync(SCRIPT).mode & 0o111).toBe(0o111);
    expect(readFileSync(SCRIPT, 'utf8')).toMatch(/^#!\/usr\/bin\/env bash\n[\s\S]*^set -euo pipefail$/m);
  });

  it('posts a comment when the workflow has none, whoever else wrote the marker', () => {
    const result = run(`${COMMENT_MARKER}\nnew`, [[planted, otherMarker]]);
    expect(result).toMatchObject({
      status: 0,
      calls: [LIST, expect.stringMatching(/^api --method POST repos\/o\/r\/issues\/7\/comments --input \S+payload\.json$/)],
    });
    expect(result.payload).toBe(`${COMMENT_MARKER}\nnew`);
  });

  it('updates its own comment, found on any page', () => {
    const result = run(`${COMMENT_MARKER}\nnew`, [[planted], [otherMarker, own]]);
    expect(result).toMatchObject({
      status: 0,
      calls: [LIST, expect.stringMatching(/^api --method PATCH repos\/o\/r\/issues\/comments\/12 --input /)],
    });
    expect(result.payload).toBe(`${COMMENT_MARKER}\nnew`);
  });

  it('puts the marker first when the body lacks it, so the next run finds the comment', () => {
    expect(run('## no marker\n', [[]]).payload).toBe(`${COMMENT_MARKER}\n## no marker\n`);
  });

  it('cuts a body over GitHub’s 65,536 characters at a line, saying the rest is in the job summary', () => {
    // Multi-byte characters: the limit is in characters, not bytes.
    const line = `${'é'.repeat(99)}\n`;
    const body = `${COMMENT_MARKER}\n${line.repeat(1000)}`;
    expect(body.length).toBeGreaterThan(LIMIT);
    const result = run(body, [[own]], { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '99' });
    const posted = result.payload ?? '';
    expect(posted.length).toBeLessThanOrEqual(LIMIT);
    expect(posted.length).toBeGreaterThan(LIMIT - 2 * line.length - 200);
    expect(posted.startsWith(`${COMMENT_MARKER}\n${line}`)).toBe(true);
    expect(posted).toMatch(
      /\n\n_This comment was cut at GitHub's limit of 65536 characters: the rest is in the job summary of https:\/\/github\.com\/o\/r\/actions\/runs\/99\._\n$/,
    );
    // Whole lines only: everything before the note is complete lines of the body.
    expect(
      posted
        .split('\n\n_This comment')[0]
        ?.split('\n')
        .slice(1)
        .every((kept) => kept === line.slice(0, -1)),
    ).toBe(true);
  });

  it('leaves a body at the limit whole', () => {
    const body = `${COMMENT_MARKER}\n${'x'.repeat(LIMIT - COMMENT_MARKER.length - 1)}`;
    expect(run(body, [[]]).payload).toBe(body);
  });

  it('with STICKY_UPDATE_ONLY=1, updates an existing comment but posts none', () => {
    expect(run('nothing planned', [[own]], { STICKY_UPDATE_ONLY: '1' }).calls).toEqual([
      LIST,
      expect.stringContaining('--method PATCH repos/o/r/issues/comments/12'),
    ]);
    expect(run('nothing planned', [[planted]], { STICKY_UPDATE_ONLY: '1' })).toMatchObject({
      status: 0,
      calls: [LIST],
      payload: undefined,
    });
  });

  it('fails when the pull request is not named', () => {
    writeFileSync(join(bin, 'body.md'), 'x');
    const result = spawnSync(SCRIPT, [COMMENT_MARKER, join(bin, 'body.md')], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, STUB: bin, GH_TOKEN: 'x', REPO: 'o/r' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PR must be set');
  });

  it('fails when the body file is missing, posting nothing', () => {
    rmSync(join(bin, 'gh.log'), { force: true });
    const result = spawnSync(SCRIPT, [COMMENT_MARKER, join(bin, 'missing.md')], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, STUB: bin, GH_TOKEN: 'x', REPO: 'o/r', PR: '7' },
    });
    expect(result).toMatchObject({ status: 2, stderr: expect.stringContaining('no body file') });
    expect(existsSync(join(bin, 'gh.log'))).toBe(false);
  });
});
