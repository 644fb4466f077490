import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project's root directory. */
export const PROJECT_ROOT = resolve(__dirname, '../..');
/** The small valid organisation used by unit tests. */
export const VALID_FIXTURE = join(PROJECT_ROOT, 'test/fixtures/valid');
/** The example organisation shipped in roles/. */
export const EXAMPLE_ROLES = join(PROJECT_ROOT, 'roles');

/** A throwaway copy of a roles directory, to mutate in a test. */
export interface RolesCopy {
  readonly dir: string;
  /** Replaces `from` with `to` in a file of the copy; fails the test when `from` is absent. */
  edit(file: string, from: string | RegExp, to: string): void;
  write(file: string, text: string): void;
  read(file: string): string;
  remove(): void;
}

/** Copies `source` (default: the valid fixture) into a temporary directory. */
export function copyRoles(source: string = VALID_FIXTURE): RolesCopy {
  const dir = join(mkdtempSync(join(tmpdir(), 'rolecall-')), 'roles');
  cpSync(source, dir, { recursive: true });
  return {
    dir,
    edit(file, from, to) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const changed = text.replace(from, to);
      if (changed === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
      writeFileSync(path, changed);
    },
    write(file, text) {
      writeFileSync(join(dir, file), text);
    },
    read(file) {
      return readFileSync(join(dir, file), 'utf8');
    },
    remove() {
      rmSync(resolve(dir, '..'), { recursive: true, force: true });
    },
  };
}
