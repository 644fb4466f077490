/** The benchmark's verdicts and printed report, on made-up figures. */
import { formatReport, thousands, verdicts, type CommandName, type CommandResult, type SizeResult } from '../../bench/bench-report';
import { benchSettings } from '../../bench/run-bench';
import { median } from '../../bench/measure';

const result = (medianSeconds: number, peakMiB = 100): CommandResult => ({
  medianSeconds,
  peakMiB,
  runs: [{ seconds: medianSeconds, peakMiB }],
});
const size = (people: number, figures: Partial<Record<CommandName, CommandResult>>): SizeResult => ({
  people,
  samplePerson: 'someone',
  commands: figures,
});

const FAST = size(10_000, {
  help: result(0.1),
  validate: result(1.5),
  explain: result(0.5),
  report: result(2),
  diff: result(2.5),
  synth: result(12, 800),
  floor: result(10),
});

describe('verdicts', () => {
  it('passes every target when every figure is under it', () => {
    expect(verdicts(FAST).every((verdict) => verdict.met)).toBe(true);
  });

  it.each([
    ['validate', { validate: result(2.5) }, '`rolecall validate` < 2 s'],
    ['synth against the floor', { synth: result(16, 800) }, 'synth ≤ 1.5 × floor'],
    ['synth memory', { synth: result(12, 1500) }, 'synth peak memory < 1 GiB'],
    ['diff', { diff: result(3.2) }, '`rolecall diff` (one changed line) < 3 s'],
    ['a failed command', { report: { ...result(1), error: 'exited with 1' } }, '`rolecall report` < 3 s'],
  ])('fails %s', (_, change, target) => {
    const failed = verdicts(size(10_000, { ...FAST.commands, ...change })).filter((verdict) => !verdict.met);
    expect(failed.map((verdict) => verdict.target)).toEqual([target]);
  });
});

describe('formatReport', () => {
  it('prints one column per size, the growth between them and a line saying all targets are met', () => {
    const small = size(1_000, {
      help: result(0.1),
      validate: result(0.3),
      explain: result(0.2),
      report: result(0.4),
      diff: result(0.8),
      synth: result(1.5, 200),
      floor: result(1),
    });
    const text = formatReport([small, FAST]);
    expect(text).toContain('| command | 1,000 people | 10,000 people | target at 10,000 | ratio to floor |');
    expect(text).toContain('1.50 × / 1.20 ×');
    expect(text).toContain('1,000 → 10,000');
    expect(text).toContain('ALL 7 TARGETS MET');
  });

  it('prints a line naming the missed targets, and that they are for 10,000 people when it measured fewer', () => {
    const text = formatReport([size(1_000, { ...FAST.commands, help: result(0.3) })]);
    expect(text).toContain('measured at 1,000 people; the targets are for 10,000');
    expect(text).toContain('TARGETS MISSED: 1 of 7 (`rolecall --help` < 0.15 s)');
  });
});

describe('settings and helpers', () => {
  it('defaults to 1,000 and 10,000 people, three runs each', () => {
    expect(benchSettings({})).toEqual({ sizes: [1_000, 10_000], runs: 3 });
  });

  it.each([[{ BENCH_SIZES: '1000,ten' }], [{ BENCH_SIZES: '20' }], [{ BENCH_RUNS: '0' }]])('fails on %j', (env) => {
    expect(benchSettings(env)).toHaveProperty('error');
  });

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('takes the median of %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('writes thousands with commas whatever the locale', () => {
    expect(thousands(1234567)).toBe('1,234,567');
  });
});
