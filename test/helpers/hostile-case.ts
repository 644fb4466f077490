import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { EXAMPLE_ROLES, PROJECT_ROOT, VALID_FIXTURE } from './roles-dir';

/** The hostile corpus: one folder per case under test/fixtures/hostile, each with a case.json. */
export const HOSTILE_CORPUS = join(PROJECT_ROOT, 'test/fixtures/hostile');

/**
 * One hostile case (`case.json`). The roles directory is a copy of `base`, overlaid with the case
 * folder's own `roles/` tree, then `edits` and `setup` are applied, in that order.
 */
export interface HostileCase {
  /** What the case tries, in a line. */
  readonly description: string;
  /** @default "valid" (test/fixtures/valid); "example" is roles/; "none" starts from the overlay alone. */
  readonly base?: 'valid' | 'example' | 'none';
  /** Replacements in files of the roles copy (`from` must be found). */
  readonly edits?: readonly { readonly file: string; readonly from: string; readonly to: string }[];
  /** Files that cannot live in git, made before the run. Paths are relative to the roles directory. */
  readonly setup?: readonly (
    | { readonly symlink: string; readonly to: string }
    | { readonly fifo: string }
    | { readonly repeat: string; readonly text: string; readonly times: number }
    | { readonly directory: string }
  )[];
  /** CLI arguments (`--roles roles` is added unless `app` is set). */
  readonly argv?: readonly string[];
  /** Run the cdktf app (stacks/main.ts) instead of the CLI. @default false */
  readonly app?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  /** The exit code the run must end with. */
  readonly exit: number;
  /** Regular expressions each of which some stderr line must match. */
  readonly stderr?: readonly string[];
  /** Regular expressions no output line may match (a leaked secret, a raw token). */
  readonly never?: readonly string[];
}

/** What one run of a case did. */
export interface HostileRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly millis: number;
  /** Files of the work folder that appeared or changed during the run (relative paths). */
  readonly written: readonly string[];
}

/** Every case of the corpus, by folder name. */
export function hostileCases(): [string, HostileCase][] {
  return readdirSync(HOSTILE_CORPUS)
    .filter((name) => existsSync(join(HOSTILE_CORPUS, name, 'case.json')))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(HOSTILE_CORPUS, name, 'case.json'), 'utf8')) as HostileCase]);
}

/** Longest a case may run, and the heap it gets: a bomb must end as a positioned error within both. */
export const CASE_TIMEOUT_MS = 5_000;
export const CASE_HEAP_MB = 512;

/** Prepares the case's roles directory in a fresh work folder, runs it in a child process, cleans up. */
export function runHostileCase(name: string, hostile: HostileCase): HostileRun {
  const work = mkdtempSync(join(tmpdir(), 'rolecall-hostile-'));
  try {
    const roles = join(work, 'roles');
    const base = hostile.base ?? 'valid';
    if (base !== 'none') cpSync(base === 'example' ? EXAMPLE_ROLES : VALID_FIXTURE, roles, { recursive: true });
    const overlay = join(HOSTILE_CORPUS, name, 'roles');
    if (existsSync(overlay)) cpSync(overlay, roles, { recursive: true });
    mkdirSync(roles, { recursive: true });
    for (const edit of hostile.edits ?? []) {
      const file = join(roles, edit.file);
      const text = readFileSync(file, 'utf8');
      if (!text.includes(edit.from)) throw new Error(`case ${name}: ${JSON.stringify(edit.from)} not found in ${edit.file}`);
      writeFileSync(file, text.replace(edit.from, edit.to));
    }
    for (const step of hostile.setup ?? []) {
      if ('symlink' in step) symlinkSync(step.to, join(roles, step.symlink));
      else if ('fifo' in step) spawnSync('mkfifo', [join(roles, step.fifo)]);
      else if ('directory' in step) mkdirSync(join(roles, step.directory), { recursive: true });
      else writeFileSync(join(roles, step.repeat), step.text.repeat(step.times));
    }
    const before = snapshot(work);
    const script = hostile.app ? join(PROJECT_ROOT, 'dist/stacks/main.js') : join(PROJECT_ROOT, 'bin/rolecall.js');
    const argv = hostile.app ? [] : [...(hostile.argv ?? ['validate']), '--roles', 'roles'];
    const started = Date.now();
    const result = spawnSync(process.execPath, [`--max-old-space-size=${CASE_HEAP_MB}`, script, ...argv], {
      cwd: work,
      encoding: 'utf8',
      timeout: CASE_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: work,
        ROLECALL_AS_OF: '2026-11-22',
        ...(hostile.app ? { ROLECALL_ROLES: 'roles', CDKTF_OUTDIR: join(work, 'cdktf.out') } : {}),
        ...hostile.env,
      },
    });
    const millis = Date.now() - started;
    const after = snapshot(work);
    const written = [...after.entries()].filter(([file, stamp]) => before.get(file) !== stamp).map(([file]) => file);
    return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '', millis, written };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every path under `root` with its size and modification time, without following links or opening FIFOs. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const info = lstatSync(path);
      if (info.isDirectory()) walk(path);
      files.set(relative(root, path), `${info.size}/${info.mtimeMs}`);
    }
  };
  walk(root);
  return files;
}

/** True when compiled output is older than a source: the corpus runs the built CLI. */
export function distIsStale(): boolean {
  const built = join(PROJECT_ROOT, 'dist/src/cli/main.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (max, entry) => Math.max(max, entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs),
      0,
    );
  return Math.max(newest(join(PROJECT_ROOT, 'src')), newest(join(PROJECT_ROOT, 'stacks'))) > builtAt;
}
