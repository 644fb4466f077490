import { runCli } from '../helpers/run-cli';
import { EXAMPLE_ROLES } from '../helpers/roles-dir';

/** `rolecall packet ID`: a hire's access with its reasons, on-call dates and first steps; a leaver's end. */
const packet = (id: string, asOf = '2026-11-22') => runCli(['packet', id, '--roles', EXAMPLE_ROLES, '--as-of', asOf]);

describe('rolecall packet', () => {
  it('gives a hire who has not started their access on day one, each with the duty behind it, their on-call dates and first steps', async () => {
    const { code, stdout, stderr } = await packet('sofia-marino');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^# Access packet: Sofia Marino \(<code>sofia-marino<\/code>\)\n/);
    expect(stdout).toContain('For Sofia Marino and <code>hana-suzuki</code>, as of 2026-11-22.');
    expect(stdout).toContain('- **First day of access:** 2027-01-11');
    expect(stdout).toContain('## Access (from 2027-01-11)');
    expect(stdout).toMatch(
      /\| <code>oncall-primary<\/code>: .* \| medium \| duty of <code>site-reliability-engineer<\/code>: “Be the primary on-call engineer/,
    );
    expect(stdout).toContain(
      '- **Platform primary** (<code>platform-primary</code>): joins on 2027-02-08, after 28 days of ramp-up. First shift: the week from ',
    );
    expect(stdout).toMatch(
      /1\. Accept the invitation to the GitHub organisation <code>northwind-labs<\/code> sent to <code>sofiamarino<\/code>/,
    );
    expect(stdout).toContain('with no password and no access key');
  });

  it('says what a leaver loses and when, and that nothing more is granted after it', async () => {
    const contractor = await packet('lukas-becker');
    expect(contractor.stdout).toContain('## Access, removed after 2027-03-31');
    expect(contractor.stdout).toContain('the deploy on 2027-04-01 removes it');
    expect(contractor.stdout).toContain('## Leaving steps');
    const gone = await packet('tomasz-wrobel');
    expect(gone.stdout).toContain('Access ended after 2026-06-30: nothing is granted on 2026-11-22.');
    expect(gone.stdout).toContain('## Access removed (as of 2026-11-22)\n\nNone.');
  });

  it('refuses an id that names nobody', async () => {
    const result = await packet('site-reliability-engineer');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no person "site-reliability-engineer"');
  });
});
