import type { Run } from './measure';

/** The commands the benchmark measures, in the order it prints them. */
export const COMMANDS = ['help', 'validate', 'explain', 'report', 'diff', 'synth', 'floor'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** How each command is shown. */
const LABELS: Readonly<Record<CommandName, string>> = {
  help: '`rolecall --help`',
  validate: '`rolecall validate`',
  explain: '`rolecall explain <person>`',
  report: '`rolecall report`',
  diff: '`rolecall diff` (one changed line)',
  synth: 'synth (`node dist/stacks/main.js`)',
  floor: 'floor (bare cdktf, same resources)',
};

/** The runs of one command at one size. */
export interface CommandResult {
  readonly medianSeconds: number;
  /** The highest peak resident set size of the runs, in MiB. */
  readonly peakMiB: number;
  readonly runs: readonly Run[];
  /** Why it could not be measured. */
  readonly error?: string;
}

/** Everything measured at one size. */
export interface SizeResult {
  readonly people: number;
  readonly samplePerson: string;
  readonly commands: Readonly<Partial<Record<CommandName, CommandResult>>>;
}

/** A target at the reference size (10,000 people) and whether the largest measured size meets it. */
export interface Verdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** The reference size the targets are stated for. */
export const TARGET_PEOPLE = 10_000;
const SECONDS_TARGETS: Readonly<Partial<Record<CommandName, number>>> = { help: 0.15, validate: 2, explain: 1, report: 3, diff: 3 };
const SYNTH_FLOOR_RATIO = 1.5;
const SYNTH_PEAK_MIB = 1024;

/** `12345` → `12,345`, the same on every machine (no locale). */
export function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function seconds(value: number): string {
  return value < 1 ? `${value.toFixed(3)} s` : value < 10 ? `${value.toFixed(2)} s` : `${value.toFixed(1)} s`;
}

function mib(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} MiB` : 'n/a';
}

function ratio(size: SizeResult): number | undefined {
  const synth = size.commands.synth;
  const floor = size.commands.floor;
  return synth && floor && !synth.error && !floor.error && floor.medianSeconds > 0 ? synth.medianSeconds / floor.medianSeconds : undefined;
}

/** Pass or fail of every target at the largest size measured. */
export function verdicts(largest: SizeResult): Verdict[] {
  const out: Verdict[] = [];
  for (const [command, limit] of Object.entries(SECONDS_TARGETS) as [CommandName, number][]) {
    const result = largest.commands[command];
    out.push({
      target: `${LABELS[command]} < ${limit} s`,
      measured: result?.error ? 'failed' : result ? seconds(result.medianSeconds) : 'not measured',
      met: result !== undefined && !result.error && result.medianSeconds < limit,
    });
  }
  const synthRatio = ratio(largest);
  out.push({
    target: `synth ≤ ${SYNTH_FLOOR_RATIO} × floor`,
    measured: synthRatio === undefined ? 'not measured' : `${synthRatio.toFixed(2)} ×`,
    met: synthRatio !== undefined && synthRatio <= SYNTH_FLOOR_RATIO,
  });
  const synth = largest.commands.synth;
  out.push({
    target: `synth peak memory < ${SYNTH_PEAK_MIB / 1024} GiB`,
    measured: synth && !synth.error ? mib(synth.peakMiB) : 'not measured',
    met: synth !== undefined && !synth.error && synth.peakMiB < SYNTH_PEAK_MIB,
  });
  return out;
}

function target(command: CommandName): string {
  const limit = SECONDS_TARGETS[command];
  if (limit !== undefined) return `< ${limit} s`;
  return command === 'synth' ? `≤ ${SYNTH_FLOOR_RATIO} × floor` : '—';
}

/** The Markdown the benchmark prints: times, peak memory, growth between sizes, and the verdicts. */
export function formatReport(sizes: readonly SizeResult[]): string {
  const headers = sizes.map((size) => `${thousands(size.people)} people`);
  const cell = (size: SizeResult, command: CommandName, show: (result: CommandResult) => string): string => {
    const result = size.commands[command];
    return result === undefined ? '—' : result.error ? 'failed' : show(result);
  };
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const lines: string[] = ['### Wall time (median)', ''];
  lines.push(row(['command', ...headers, `target at ${thousands(TARGET_PEOPLE)}`, 'ratio to floor']));
  lines.push(row(['---', ...headers.map(() => '---:'), '---', '---:']));
  for (const command of COMMANDS) {
    const ratios =
      command === 'synth'
        ? sizes
            .map((size) => ratio(size))
            .map((value) => (value === undefined ? '—' : `${value.toFixed(2)} ×`))
            .join(' / ')
        : '';
    lines.push(
      row([
        LABELS[command],
        ...sizes.map((size) => cell(size, command, (result) => seconds(result.medianSeconds))),
        target(command),
        ratios,
      ]),
    );
  }
  lines.push('', '### Peak memory (highest resident set size of the runs)', '');
  lines.push(row(['command', ...headers, `target at ${thousands(TARGET_PEOPLE)}`]));
  lines.push(row(['---', ...headers.map(() => '---:'), '---']));
  for (const command of COMMANDS) {
    lines.push(
      row([
        LABELS[command],
        ...sizes.map((size) => cell(size, command, (result) => mib(result.peakMiB))),
        command === 'synth' ? `< ${SYNTH_PEAK_MIB / 1024} GiB` : '—',
      ]),
    );
  }
  if (sizes.length > 1) {
    lines.push('', '### Growth between sizes', '');
    lines.push('Seconds added per 1,000 more people, and the scaling exponent: 1 is linear, 2 quadratic.', '');
    const steps = sizes.slice(1).map((size, index) => [sizes[index] as SizeResult, size] as const);
    lines.push(row(['command', ...steps.map(([from, to]) => `${thousands(from.people)} → ${thousands(to.people)}`)]));
    lines.push(row(['---', ...steps.map(() => '---:')]));
    for (const command of COMMANDS) {
      lines.push(row([LABELS[command], ...steps.map(([from, to]) => growth(from, to, command))]));
    }
  }
  const largest = sizes[sizes.length - 1];
  if (largest) {
    const results = verdicts(largest);
    const at =
      largest.people === TARGET_PEOPLE
        ? ''
        : ` (measured at ${thousands(largest.people)} people; the targets are for ${thousands(TARGET_PEOPLE)})`;
    lines.push('', `### Targets at ${thousands(largest.people)} people${at}`, '');
    lines.push(row(['target', 'measured', 'result']), row(['---', '---:', '---']));
    for (const verdict of results) lines.push(row([verdict.target, verdict.measured, verdict.met ? 'pass' : 'FAIL']));
    const met = results.filter((verdict) => verdict.met).length;
    lines.push(
      '',
      met === results.length
        ? `ALL ${results.length} TARGETS MET`
        : `TARGETS MISSED: ${results.length - met} of ${results.length} (${results
            .filter((verdict) => !verdict.met)
            .map((verdict) => verdict.target)
            .join('; ')})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function growth(from: SizeResult, to: SizeResult, command: CommandName): string {
  const a = from.commands[command];
  const b = to.commands[command];
  if (!a || !b || a.error || b.error) return '—';
  const perThousand = (b.medianSeconds - a.medianSeconds) / ((to.people - from.people) / 1000);
  const exponent = Math.log(b.medianSeconds / a.medianSeconds) / Math.log(to.people / from.people);
  return `${perThousand >= 0 ? '+' : ''}${perThousand.toFixed(3)} s, exponent ${exponent.toFixed(2)}`;
}
