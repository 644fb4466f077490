import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distIsStale } from './hostile-case';
import { PROJECT_ROOT } from './roles-dir';

/** What a run of the built CLI printed, returned, and loaded. */
export interface LoadedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Absolute paths of the modules it required and the files it read, as record-loaded.js saw them. */
  readonly loaded: readonly string[];
}

/** Builds dist/ when a source is newer than it: the CLI is run as users run it, through bin/rolecall.js. */
export function buildIfStale(): void {
  if (distIsStale()) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: PROJECT_ROOT });
}

/** Runs `bin/rolecall.js argv` in a child process, in the project root, recording what it loads. */
export function runCliRecordingLoads(argv: readonly string[]): LoadedRun {
  const work = mkdtempSync(join(tmpdir(), 'rolecall-loaded-'));
  try {
    const list = join(work, 'loaded.txt');
    const result = spawnSync(
      process.execPath,
      ['-r', join(__dirname, 'record-loaded.js'), join(PROJECT_ROOT, 'bin/rolecall.js'), ...argv],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH ?? '', ROLECALL_AS_OF: '2026-11-22', ROLECALL_TEST_LOADED: list },
      },
    );
    return {
      code: result.status,
      stdout: result.stdout ?? '',
      stderr: result.stderr ?? '',
      loaded: readFileSync(list, 'utf8').split('\n').filter(Boolean),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
