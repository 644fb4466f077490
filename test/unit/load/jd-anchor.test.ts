import { loadRoles } from '../../../src/load/load-roles';
import { checkBundle } from '../../../src/model/check/check-bundle';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../../helpers/roles-dir';

const PAGE = [
  '# Open positions',
  '',
  '## Site Reliability Engineer',
  '',
  "### What you'll do",
  '',
  '- Be the primary on-call engineer for the platform one week in five',
  '',
  '## Data Platform Engineer',
  '',
  '### Responsibilities',
  '',
  '- Operate the Kafka clusters and their MongoDB sinks',
  '',
].join('\n');

describe('jd: page.md#anchor', () => {
  let roles: RolesCopy;
  beforeEach(() => {
    roles = copyRoles(EXAMPLE_ROLES);
    roles.write('jd/positions.md', PAGE);
  });
  afterEach(() => roles.remove());

  function problems(): string[] {
    const { bundle, problems: loaded } = loadRoles(roles.dir, 'roles');
    return [...loaded, ...checkBundle(bundle)]
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.file}:${problem.line}: ${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`);
  }

  it('justifies a role with one role of a page that describes several', () => {
    roles.edit('site-reliability-engineer.yaml', 'jd: jd/site-reliability-engineer.json', 'jd: jd/positions.md#site-reliability-engineer');
    const found = problems();
    // The role's other quotes are not on the page; the one that is, is found in that role's duties.
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((line) => line.includes('duties[0]'))).toBe(false);
    expect(found.every((line) => line.includes('quote not found in roles/jd/positions.md'))).toBe(true);
  });

  it('does not let one role quote another role of the same page', () => {
    roles.edit('site-reliability-engineer.yaml', 'jd: jd/site-reliability-engineer.json', 'jd: jd/positions.md#data-platform-engineer');
    expect(problems().some((line) => line.includes('duties[0].quote: quote not found in roles/jd/positions.md'))).toBe(true);
  });

  it('asks which role a page with several means, naming the anchors', () => {
    roles.edit('site-reliability-engineer.yaml', 'jd: jd/site-reliability-engineer.json', 'jd: jd/positions.md');
    expect(problems()).toContain(
      'roles/site-reliability-engineer.yaml:7: jd: jd/positions.md describes 2 roles: say which one this role is (write jd: as one of jd/positions.md#site-reliability-engineer, jd/positions.md#data-platform-engineer)',
    );
  });

  it('reports an anchor the page does not have', () => {
    roles.edit('site-reliability-engineer.yaml', 'jd: jd/site-reliability-engineer.json', 'jd: jd/positions.md#sre');
    expect(problems()).toContain(
      'roles/site-reliability-engineer.yaml:7: jd: jd/positions.md has no role #sre (write jd: as one of jd/positions.md#site-reliability-engineer, jd/positions.md#data-platform-engineer)',
    );
  });
});
