import fc from 'fast-check';
import { orgFiles, orgSpecArbitrary, withOrgDir } from '../helpers/arbitrary-org';
import { VALID_FIXTURE } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';

/** A person's row of `rolecall report`'s people table, cells by column. */
type PeopleRow = Record<'status' | 'roles' | 'capabilities' | 'grants' | 'highest' | 'oncall', string>;

const RANK = ['low', 'medium', 'high'];

/** The people table of a report, by person id. */
function reportRows(report: string): Map<string, PeopleRow> {
  const table = report.split('## People')[1]?.split('\n## ')[0] ?? '';
  const rows = new Map<string, PeopleRow>();
  for (const line of table
    .split('\n')
    .filter((text) => text.startsWith('| '))
    .slice(2)) {
    const [id = '', status = '', roles = '', capabilities = '', grants = '', highest = '', oncall = ''] = line.slice(2, -2).split(' | ');
    rows.set(id, { status, roles, capabilities, grants, highest, oncall });
  }
  return rows;
}

/**
 * The same row, from what `explain ID` prints: the text for capabilities, grants and rotations, the JSON
 * for the person's own facts (the text says nothing more about someone who is not active).
 */
function explainedRow(text: string, json: string): PeopleRow {
  const entry = JSON.parse(json) as {
    status: string;
    start: string;
    end?: string;
    roles: string[];
    oncallOptOut?: string;
    githubOwner?: unknown;
  };
  const lines = text.split('\n');
  const capabilities = lines.filter((line) => line.startsWith('capability '));
  const risks: string[] = [];
  let current = '';
  for (const line of lines) {
    current = /^capability \S+ {2}\[risk (\w+)/.exec(line)?.[1] ?? current;
    if (line.startsWith('  grants ') && !line.startsWith('  grants nothing')) risks.push(current);
  }
  const highest = risks.reduce<string | undefined>(
    (top, risk) => (top === undefined || RANK.indexOf(risk) > RANK.indexOf(top) ? risk : top),
    undefined,
  );
  const rotations = [...(lines.find((line) => line.startsWith('on call: '))?.matchAll(/([a-z0-9-]+) \(position \d+ of \d+\)/g) ?? [])].map(
    (match) => match[1],
  );
  return {
    status:
      entry.status === 'active'
        ? 'active'
        : `${entry.status} (${entry.status === 'not-started' ? `starts ${entry.start}` : `ended ${entry.end ?? ''}`})`,
    roles: entry.roles.join(', '),
    capabilities: String(capabilities.length),
    grants: String(risks.length),
    highest: entry.githubOwner ? 'high (GitHub owner)' : (highest ?? '-'),
    oncall: entry.oncallOptOut ? 'opted out' : rotations.join(', ') || '-',
  };
}

/** Every person's `explain` (focused) against their row of `report` (the whole organisation); the rows that differ. */
async function explainAgainstReport(dir: string, asOf: string): Promise<{ checked: number; differing: unknown[] }> {
  const report = await runCli(['report', '--roles', dir], { asOf });
  expect(report.code).toBe(0);
  const rows = reportRows(report.stdout);
  const differing: unknown[] = [];
  for (const [id, row] of rows) {
    const text = await runCli(['explain', id, '--roles', dir], { asOf });
    const json = await runCli(['explain', id, '--roles', dir, '--json'], { asOf });
    const explained =
      text.code === 0 && json.code === 0 ? explainedRow(text.stdout, json.stdout) : { failed: `${text.stderr}${json.stderr}` };
    if (JSON.stringify(explained) !== JSON.stringify(row)) differing.push({ id, explained, report: row });
  }
  return { checked: rows.size, differing };
}

describe('explain says about each person what report says', () => {
  it.each(['2024-06-03', '2026-03-02', '2027-01-04'])('for every person of the valid fixture, as of %s', async (asOf) => {
    const { checked, differing } = await explainAgainstReport(VALID_FIXTURE, asOf);
    expect(checked).toBe(3);
    expect(differing).toEqual([]);
  });

  it('for every person of small generated organisations', async () => {
    for (const spec of fc.sample(orgSpecArbitrary, { numRuns: 12, seed: 20260302 })) {
      const { differing } = await withOrgDir(orgFiles(spec), (dir) => explainAgainstReport(dir, spec.asOf));
      expect(differing).toEqual([]);
    }
  }, 60_000);
});
