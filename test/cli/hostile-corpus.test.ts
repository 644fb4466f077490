import { execFileSync } from 'node:child_process';
import { CASE_TIMEOUT_MS, distIsStale, hostileCases, runHostileCase } from '../helpers/hostile-case';
import { PROJECT_ROOT } from '../helpers/roles-dir';

const STACK_TRACE = /\n\s+at .+[:(]\d+:\d+\)?/;

beforeAll(() => {
  // The corpus runs the built CLI in child processes (bounded time and heap); build it when sources moved on.
  if (distIsStale()) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: PROJECT_ROOT });
}, 120_000);

describe('the hostile corpus (test/fixtures/hostile)', () => {
  const cases = hostileCases();

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)(
    '%s',
    (name, hostile) => {
      const run = runHostileCase(name, hostile);
      const lines = run.stderr.split('\n');
      expect({ signal: run.signal, code: run.code }).toEqual({ signal: null, code: hostile.exit });
      for (const pattern of hostile.stderr ?? []) expect(lines).toContainEqual(expect.stringMatching(new RegExp(pattern)));
      for (const pattern of hostile.never ?? []) expect(`${run.stdout}\n${run.stderr}`).not.toMatch(new RegExp(pattern, 'm'));
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.millis).toBeLessThan(CASE_TIMEOUT_MS);
      if (hostile.exit !== 0) expect(run.written).toEqual([]);
    },
    30_000,
  );
});
