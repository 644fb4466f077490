import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_FIXTURE, fixtureModel, reversedFixture, type FixtureInput } from '../helpers/fixture-model';
import { synthApp } from '../helpers/synth-app';

const variants: [string, Partial<FixtureInput>][] = [
  ['iam-groups, Incident Manager', {}],
  ['identity-center, PagerDuty', { awsMode: 'identity-center', oncallBackend: 'pagerduty' }],
];

// Output directories inside the project at the same depth, as `cdktf.out` is: local state paths are
// written relative to the output, so they compare equal and name no machine directory.
const outdirs: string[] = [];
const freshOutdir = (): string => {
  const dir = fs.mkdtempSync(path.join(process.cwd(), '.tmp-determinism-'));
  outdirs.push(dir);
  return path.join(dir, 'cdktf.out');
};
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe.each(variants)('synthesis (%s)', (_name, overrides) => {
  const input: FixtureInput = { ...DEFAULT_FIXTURE, ...overrides };

  test('is byte-identical when run twice', () => {
    const first = synthApp(fixtureModel(input), { outdir: freshOutdir() });
    const second = synthApp(fixtureModel(input), { outdir: freshOutdir() });
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [stack, text] of first.files) expect(second.files.get(stack)).toBe(text);
  });

  test('is byte-identical when every list of the input is reversed', () => {
    const forward = synthApp(fixtureModel(input), { outdir: freshOutdir() });
    const reversed = synthApp(fixtureModel(reversedFixture(input)), { outdir: freshOutdir() });
    expect([...reversed.files.keys()]).toEqual([...forward.files.keys()]);
    for (const [stack, text] of forward.files) expect(reversed.files.get(stack)).toBe(text);
  });

  test('is byte-identical whatever the clock says', () => {
    const today = synthApp(fixtureModel(input), { outdir: freshOutdir() });
    jest.useFakeTimers({ now: new Date('2031-12-31T23:59:59Z') });
    try {
      const later = synthApp(fixtureModel(input), { outdir: freshOutdir() });
      for (const [stack, text] of today.files) expect(later.files.get(stack)).toBe(text);
    } finally {
      jest.useRealTimers();
    }
  });

  test('names no directory of this machine and carries no stack trace', () => {
    const { files } = synthApp(fixtureModel(input), { outdir: freshOutdir() });
    for (const text of files.values()) {
      expect(text).not.toContain('stackTrace');
      expect(text).not.toContain(process.cwd());
      expect(text).not.toContain(os.tmpdir());
      expect(text).not.toContain(os.homedir());
    }
  });
});
