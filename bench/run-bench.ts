/**
 * `npm run bench`: generates an organisation of each size in BENCH_SIZES (default 1000,10000) into a
 * temporary directory, runs every command BENCH_RUNS times (default 3) as a whole child process, and
 * prints the median wall time and peak memory per command and size, the growth between sizes, and
 * whether the targets at 10,000 people are met. Writes everything, every run included, to
 * bench/results.json. Exits 0 whatever the figures are: it is a measurement, not a test.
 */
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { COMMANDS, formatReport, thousands, verdicts, type CommandName, type CommandResult, type SizeResult } from './bench-report';
import { prepareDiffRepo } from './diff-repo';
import { countResources } from './floor';
import { generateOrg, writeOrg } from './generate-org';
import { measure, median, type Command, type Run } from './measure';

/** The date every organisation is generated and checked for: fixed, so runs compare. */
export const BENCH_AS_OF = '2026-03-02';
/** The project: this file runs compiled, from dist/bench/. */
const ROOT = resolve(__dirname, '../..');
const PRELOAD = join(__dirname, 'max-rss.js');

/** BENCH_SIZES and BENCH_RUNS, or why they cannot be used. */
export function benchSettings(env: NodeJS.ProcessEnv): { sizes: number[]; runs: number } | { error: string } {
  const sizes = (env.BENCH_SIZES ?? '1000,10000').split(',').map((text) => Number(text.trim()));
  const runs = Number(env.BENCH_RUNS ?? '3');
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 50)) {
    return { error: `BENCH_SIZES: expected people counts of at least 50 separated by commas, got ${JSON.stringify(env.BENCH_SIZES)}` };
  }
  if (!Number.isInteger(runs) || runs < 1)
    return { error: `BENCH_RUNS: expected a whole number of runs of at least 1, got ${JSON.stringify(env.BENCH_RUNS)}` };
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), runs };
}

/** The commands measured on a roles directory, by name. */
function commands(roles: string, person: string, scratch: string): Record<CommandName, Command> {
  const rolecall = join(ROOT, 'bin', 'rolecall.js');
  const synthOut = join(scratch, 'synth.out');
  const floorOut = join(scratch, 'floor.out');
  const clear = (dir: string) => () => rmSync(dir, { recursive: true, force: true });
  return {
    help: { args: [rolecall, '--help'] },
    validate: { args: [rolecall, 'validate', '--roles', roles, '--as-of', BENCH_AS_OF] },
    explain: { args: [rolecall, 'explain', person, '--roles', roles, '--as-of', BENCH_AS_OF] },
    report: { args: [rolecall, 'report', '--roles', roles, '--as-of', BENCH_AS_OF] },
    diff: { args: [rolecall, 'diff', '--base', 'HEAD', '--roles', 'roles', '--as-of', BENCH_AS_OF], cwd: dirname(roles) },
    synth: {
      args: [join(ROOT, 'dist', 'stacks', 'main.js')],
      env: { ROLECALL_ROLES: roles, ROLECALL_AS_OF: BENCH_AS_OF, CDKTF_OUTDIR: synthOut },
      before: clear(synthOut),
    },
    floor: { args: [join(__dirname, 'floor.js'), '--counts', join(scratch, 'counts.json'), '--out', floorOut], before: clear(floorOut) },
  };
}

/** Generates one size and measures every command on it; the temporary directory is removed after. */
function benchSize(people: number, runs: number, log: (line: string) => void): SizeResult {
  const scratch = mkdtempSync(join(tmpdir(), 'rolecall-bench-'));
  try {
    const org = generateOrg({ people, asOf: BENCH_AS_OF });
    const roles = join(scratch, 'repo', 'roles');
    writeOrg(org, roles);
    prepareDiffRepo(dirname(roles));
    log(
      `${thousands(people)} people: generated ${org.files.size} files (${org.shape.roles} roles, ${org.shape.capabilities} capabilities)`,
    );
    const all = commands(roles, org.samplePerson, scratch);
    const results: Partial<Record<CommandName, CommandResult>> = {};
    for (const name of COMMANDS) {
      if (name === 'floor') {
        // The floor creates what this size's synth created: counted once, outside the measured runs.
        if (results.synth?.error !== undefined || results.synth === undefined) {
          results.floor = { medianSeconds: Number.NaN, peakMiB: Number.NaN, runs: [], error: 'synth failed, nothing to count' };
          continue;
        }
        writeFileSync(join(scratch, 'counts.json'), JSON.stringify(countResources(join(scratch, 'synth.out'))));
      }
      results[name] = runCommand(all[name], runs, scratch, (line) => log(`${thousands(people)} people: ${name} ${line}`));
    }
    return { people, samplePerson: org.samplePerson, commands: results };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function runCommand(command: Command, runs: number, scratch: string, log: (line: string) => void): CommandResult {
  const done: Run[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const result = measure(command, PRELOAD, scratch, ROOT);
      done.push(result);
      log(`run ${run}/${runs}: ${result.seconds.toFixed(3)} s, ${Math.round(result.peakMiB)} MiB`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`failed: ${message}`);
    return { medianSeconds: Number.NaN, peakMiB: Number.NaN, runs: done, error: message };
  }
  return { medianSeconds: median(done.map((run) => run.seconds)), peakMiB: Math.max(...done.map((run) => run.peakMiB)), runs: done };
}

function main(): number {
  const settings = benchSettings(process.env);
  if ('error' in settings) {
    process.stderr.write(`bench: ${settings.error}\n`);
    return 2;
  }
  const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
  const sizes = settings.sizes.map((people) => benchSize(people, settings.runs, log));
  const markdown = formatReport(sizes);
  process.stdout.write(markdown);
  const largest = sizes[sizes.length - 1];
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: { model: cpus()[0]?.model ?? 'unknown', count: cpus().length },
    totalMemoryMiB: Math.round(totalmem() / 1024 / 1024),
    asOf: BENCH_AS_OF,
    runsPerCommand: settings.runs,
    sizes,
    targets: largest ? { people: largest.people, verdicts: verdicts(largest) } : undefined,
  };
  const file = join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log('wrote bench/results.json');
  return 0;
}

if (require.main === module) process.exit(main());
