import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

/** cluster-read made high risk, accepted on 2026-01-05 for both roles that grant it. */
function accept(copy: RolesCopy, dates: string): void {
  copy.edit(
    'capabilities.yaml',
    'actions: [eks:DescribeCluster, eks:ListClusters]',
    'actions: [eks:DescribeCluster, eks:ListClusters, iam:PassRole]',
  );
  copy.edit(
    'capabilities.yaml',
    'risk: low',
    `risk:\n      level: high\n      accepted:\n        by: [olga]\n${dates}        roles: [operator, developer]\n        reason: operators hand roles to the cluster nodes`,
  );
}

const ON = '        on: 2026-01-05\n';
const ON_EXPIRES = `${ON}        expires: 2027-01-05\n`;

describe('risk acceptances hold from their date to their expiry', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  // The fixture's developer team has no maintainer: that warning is not about acceptances.
  const problems = (asOf: string): string[] =>
    loadModel(copy.dir, asOf, 'roles')
      .problems.map(formatProblem)
      .filter((problem) => !problem.includes('has no active maintainer') && !problem.includes('guards.rotationMinMembers'));

  it.each([
    ['on the day it is given', ON_EXPIRES, '2026-01-05'],
    ['31 days before it expires', ON_EXPIRES, '2026-12-05'],
    ['years later when it has no expiry', ON, '2031-01-05'],
  ])('passes %s', (_when, dates, asOf) => {
    accept(copy, dates);
    expect(problems(asOf)).toEqual([]);
  });

  it.each([
    ['30 days before it expires', '2026-12-06', 'the acceptance expires on 2027-01-05, 30 days after the as-of date 2026-12-06'],
    ['the day before it expires', '2027-01-04', 'the acceptance expires on 2027-01-05, 1 day after the as-of date 2027-01-04'],
    ['on its last day', '2027-01-05', 'the acceptance expires on 2027-01-05, today is its last day'],
  ])('warns %s', (_when, asOf, message) => {
    accept(copy, ON_EXPIRES);
    expect(problems(asOf)).toEqual([
      `roles/capabilities.yaml:13:18: warning: capabilities[0].risk.accepted.expires: ${message} (have the risk accepted again before then: validate fails the day after)`,
    ]);
  });

  it.each([
    [
      'it has expired',
      ON_EXPIRES,
      '2027-01-06',
      'roles/capabilities.yaml:13:18: capabilities[0].risk.accepted.expires: the acceptance expired on 2027-01-05, before the as-of date 2027-01-06 (have the risk accepted again (new on and expires), or stop granting the capability)',
    ],
    [
      'it is dated after the as-of date',
      ON_EXPIRES,
      '2026-01-04',
      'roles/capabilities.yaml:12:13: capabilities[0].risk.accepted.on: accepted on 2026-01-05, after the as-of date 2026-01-04: the risk was not accepted yet (correct the date, or build the model for 2026-01-05 or later)',
    ],
    [
      'it expires before it was given',
      `${ON}        expires: 2025-12-31\n`,
      '2026-11-22',
      'roles/capabilities.yaml:13:18: capabilities[0].risk.accepted.expires: expires 2025-12-31 is before on 2026-01-05',
    ],
  ])('fails when %s', (_when, dates, asOf, expected) => {
    accept(copy, dates);
    expect(problems(asOf)).toEqual([expected]);
    expect(loadModel(copy.dir, asOf, 'roles').model).toBeUndefined();
  });

  it('fails when its expiry is not a date', () => {
    accept(copy, `${ON}        expires: 2027-02-30\n`);
    // One mistake, one problem: the capability keeps its id, so the roles naming it are not "unknown".
    expect(problems('2026-11-22')).toEqual([
      'roles/capabilities.yaml:13:18: capabilities[0].risk.accepted.expires: expected a date YYYY-MM-DD that exists, got "2027-02-30"',
    ]);
  });
});
