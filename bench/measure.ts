import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** One measured run of a command. */
export interface Run {
  readonly seconds: number;
  /** Peak resident set size of the process, in MiB. */
  readonly peakMiB: number;
}

/** A Node.js script to run as a child process, measured as a whole. */
export interface Command {
  /** Script path and arguments, after `node`. */
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** The working directory, when not the project's. */
  readonly cwd?: string;
  /** Run before each measured run, not measured (e.g. to remove the previous output). */
  readonly before?: () => void;
}

/**
 * Runs `command` once as `node --require <preload> …` and returns its wall time (from before the spawn
 * to after the exit, Node's start-up included, as a user waits for it) and peak memory. Throws with the
 * end of its standard error when it fails: a failed run measures nothing.
 */
export function measure(command: Command, preload: string, scratch: string, cwd: string): Run {
  command.before?.();
  const rssFile = join(scratch, 'max-rss');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', preload, ...command.args], {
    cwd: command.cwd ?? cwd,
    env: { ...process.env, ...command.env, BENCH_MAX_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    const stderr = (result.stderr?.toString() ?? '').trim().split('\n').slice(-5).join('\n');
    throw new Error(`node ${command.args.join(' ')} exited with ${result.status ?? result.signal}${stderr ? `:\n${stderr}` : ''}`);
  }
  const kib = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
  return { seconds, peakMiB: kib / 1024 };
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
