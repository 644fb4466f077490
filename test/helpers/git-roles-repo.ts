import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_ROLES } from './roles-dir';

/** A throwaway git repository holding a copy of a roles directory at `roles/`. */
export interface RolesRepo {
  /** The repository's root (the working directory to run `rolecall diff` in). */
  readonly dir: string;
  /** Replaces `from` with `to` in `roles/<file>`; fails the test setup when `from` is absent. */
  edit(file: string, from: string | RegExp, to: string): void;
  write(file: string, text: string): void;
  read(file: string): string;
  move(from: string, to: string): void;
  /** Commits everything and returns the commit id. */
  commit(message: string): string;
  git(...args: string[]): string;
  remove(): void;
}

// No user or system git configuration: commits are made the same way on every machine.
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'rolecall test',
  GIT_AUTHOR_EMAIL: 'test@rolecall.example',
  GIT_COMMITTER_NAME: 'rolecall test',
  GIT_COMMITTER_EMAIL: 'test@rolecall.example',
  GIT_AUTHOR_DATE: '2026-11-01T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-01T12:00:00Z',
};

/** Copies `source` (default: the example org) to `roles/` of a new repository and commits it. */
export function rolesRepo(source: string = EXAMPLE_ROLES): RolesRepo {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-repo-'));
  const roles = join(dir, 'roles');
  cpSync(source, roles, { recursive: true });
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  const repo: RolesRepo = {
    dir,
    edit(file, from, to) {
      const path = join(roles, file);
      const text = readFileSync(path, 'utf8');
      const changed = text.replace(from, to);
      if (changed === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
      writeFileSync(path, changed);
    },
    write: (file, text) => writeFileSync(join(roles, file), text),
    read: (file) => readFileSync(join(roles, file), 'utf8'),
    move: (from, to) => renameSync(join(roles, from), join(roles, to)),
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--no-verify', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    git,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.commit('base');
  return repo;
}
