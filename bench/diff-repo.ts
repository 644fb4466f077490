import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** No user or system git configuration, and fixed names and dates: the repository is the same on every machine. */
const GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'rolecall bench',
  GIT_AUTHOR_EMAIL: 'bench@rolecall.example',
  GIT_COMMITTER_NAME: 'rolecall bench',
  GIT_COMMITTER_EMAIL: 'bench@rolecall.example',
  GIT_AUTHOR_DATE: '2026-03-02T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-03-02T12:00:00Z',
};

/**
 * Makes `repo` (which holds the generated organisation at `roles/`) a git repository with one commit, then
 * changes one line of the working tree as a pull request would: the first person given one role also gets
 * the role of the next person who has another. `rolecall diff --base HEAD` then compares the two.
 */
export function prepareDiffRepo(repo: string): void {
  const git = (...args: string[]): void =>
    void execFileSync('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, stdio: 'ignore' });
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'the generated organisation');
  const people = join(repo, 'roles', 'people.yaml');
  writeFileSync(people, oneLineChange(readFileSync(people, 'utf8')));
}

/** people.yaml with one person's role list grown by another role: one changed line. */
export function oneLineChange(text: string): string {
  const lines = text.split('\n');
  const single = /^(\s+roles: \[)([a-z0-9-]+)\]$/;
  const first = lines.findIndex((line) => single.test(line));
  const firstRole = single.exec(lines[first] ?? '')?.[2];
  const other = lines.map((line) => single.exec(line)?.[2]).find((role) => role !== undefined && role !== firstRole);
  if (first < 0 || firstRole === undefined || other === undefined)
    throw new Error('bench: people.yaml has no two people with different single roles to change');
  lines[first] = (lines[first] ?? '').replace(single, `$1${firstRole}, ${other}]`);
  return lines.join('\n');
}
