import { runCli } from '../helpers/run-cli';
import { copyRoles, EXAMPLE_ROLES } from '../helpers/roles-dir';

/** `rolecall due`: the dated changes of the example org, in text and JSON, and its usage errors. */
const due = (...args: string[]) => runCli(['due', '--roles', EXAMPLE_ROLES, ...args]);

describe('rolecall due', () => {
  it("lists a hire's start and the end of their ramp-up, one line each, with the day to deploy", async () => {
    const { code, stdout, stderr } = await due('--as-of', '2027-01-01', '--within', '60d');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(
      [
        'due 2027-01-01 through 2027-03-02: 2 changes; deploy on each day listed (ROLECALL_AS_OF=<day>)',
        '2027-01-11  sofia-marino: starts as site-reliability-engineer: their access is created',
        '2027-02-08  sofia-marino: joins rotation platform-primary after 28 days of ramp-up',
        '',
      ].join('\n'),
    );
  });

  it("lists a leaver's last deploy, the day after their end, as JSON", async () => {
    const { code, stdout } = await due('--as-of', '2027-03-30', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      from: '2027-03-30',
      to: '2027-04-06',
      due: [{ date: '2027-04-01', kind: 'end', subject: 'lukas-becker', detail: 'ended on 2027-03-31: all their access is removed' }],
    });
  });

  it('says when nothing is due; 0d is the as-of day alone', async () => {
    expect(await due('--as-of', '2027-01-12', '--within', '0d')).toMatchObject({ code: 0, stdout: 'nothing due 2027-01-12\n' });
    expect((await due('--as-of', '2027-01-11', '--within', '0d')).stdout).toContain('2027-01-11  sofia-marino: starts');
  });

  it('lists a risk acceptance running out, from the day it no longer holds', async () => {
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      copy.edit('capabilities.yaml', /(\n(\s+)on: 2026-02-09\n)/, '$1$2expires: 2026-12-01\n');
      const { code, stdout } = await runCli(['due', '--roles', copy.dir, '--as-of', '2026-11-25']);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /^2026-12-02 {2}[a-z0-9-]+: its risk acceptance ended on 2026-12-01: validate and synth fail from this day until the risk is accepted again$/m,
      );
    } finally {
      copy.remove();
    }
  });

  it.each([
    [['--within', '7'], '--within expects a number of days such as 7d'],
    [['--within', '400d'], '(0d to 366d), got "400d"'],
    [['--format', 'md'], '--format expects text or json'],
    [['--as-of', '2027-02-30'], '--as-of expects a date YYYY-MM-DD'],
    [['extra'], 'unexpected argument "extra"'],
  ])('refuses %j', async (args, message) => {
    const { code, stderr } = await due(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
