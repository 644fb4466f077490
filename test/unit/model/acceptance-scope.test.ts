import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

/** cluster-read made high risk (iam:PassRole on "*"); operator grants it by a duty, developer by its baseline. */
const HIGH_STATEMENT = [
  'actions: [eks:DescribeCluster, eks:ListClusters]',
  'actions: [eks:DescribeCluster, eks:ListClusters, iam:PassRole]',
] as const;

/** The `risk:` of a fixture capability with an acceptance; `fields` replace the defaults. */
function acceptance(fields: Partial<Record<'level' | 'by' | 'on' | 'roles' | 'expires' | 'reason', string>> = {}): string {
  const all = {
    level: 'high',
    by: '[olga]',
    on: '2026-01-05',
    roles: '[operator, developer]',
    expires: '2027-01-05',
    reason: 'operators hand roles to the cluster nodes',
    ...fields,
  };
  const lines = ['risk:', `      level: ${all.level}`, '      accepted:'];
  for (const key of ['by', 'on', 'roles', 'expires', 'reason'] as const) if (all[key] !== '') lines.push(`        ${key}: ${all[key]}`);
  return lines.join('\n');
}

describe('risk acceptances cover the roles they name', () => {
  let copy: RolesCopy;
  beforeEach(() => {
    copy = copyRoles();
    copy.edit('capabilities.yaml', ...HIGH_STATEMENT);
  });
  afterEach(() => copy.remove());

  // The fixture's developer team has no maintainer: that warning is not about acceptances.
  const problems = (): string[] =>
    loadModel(copy.dir, '2026-11-22', 'roles')
      .problems.map(formatProblem)
      .filter((problem) => !problem.includes('has no active maintainer'));
  const accept = (fields: Parameters<typeof acceptance>[0] = {}, capability = 'cluster-read'): void =>
    copy.edit('capabilities.yaml', new RegExp(`(id: ${capability}\\n(?:.*\\n){2}\\s+)risk: \\w+`), `$1${acceptance(fields)}`);

  it('passes when the acceptance names every role that grants the capability, and the model carries it', () => {
    accept();
    expect(problems()).toEqual([]);
    const loaded = loadModel(copy.dir, '2026-11-22', 'roles');
    expect(loaded.model?.capabilities.find((capability) => capability.id === 'cluster-read')?.risk).toMatchObject({
      level: 'high',
      computed: 'high',
      accepted: {
        by: ['olga'],
        on: '2026-01-05',
        roles: ['developer', 'operator'],
        expires: '2027-01-05',
        reason: 'operators hand roles to the cluster nodes',
        at: { file: 'roles/capabilities.yaml', line: 10 },
      },
    });
  });

  it.each([
    [
      'a duty grants it through a role the acceptance does not name',
      { roles: '[developer]' },
      'roles/operator.yaml:6:20: duties[0].capabilities[0]: role "operator" grants capability "cluster-read", whose risk acceptance does not cover it (accepted for developer at roles/capabilities.yaml:10) (add operator to accepted.roles once the approvers have weighed the risk for it, or grant a narrower capability)',
    ],
    [
      'a baseline grants it through a role the acceptance does not name',
      { roles: '[operator]' },
      'roles/developer.yaml:8:17: baseline[0].capability: role "developer" grants capability "cluster-read", whose risk acceptance does not cover it (accepted for operator at roles/capabilities.yaml:10) (add developer to accepted.roles once the approvers have weighed the risk for it, or grant a narrower capability)',
    ],
    [
      'it is accepted by someone people.yaml does not know',
      { by: '[olgaa]' },
      'roles/capabilities.yaml:11:14: capabilities[0].risk.accepted.by[0]: unknown person "olgaa" (known: dev, ned, olga) (did you mean "olga"?)',
    ],
    [
      'it names a role that does not exist',
      { roles: '[operator, developer, operater]' },
      'roles/capabilities.yaml:13:38: capabilities[0].risk.accepted.roles[2]: unknown role "operater" (known: developer, operator) (did you mean "operator"?)',
    ],
    [
      'its level is declared below the computed high',
      { level: 'low' },
      /^roles\/capabilities\.yaml:9:7: capabilities\[0\]\.risk: declared risk "low" is lower than the computed "high": privilege-escalation: iam:PassRole on "\*" .*\(declare level high \(an acceptance does not lower it\), or narrow the actions\)$/,
    ],
  ] as const)('fails when %s', (_what, fields, expected) => {
    accept(fields);
    expect(problems()).toEqual([typeof expected === 'string' ? expected : expect.stringMatching(expected)]);
  });

  it('fails when it covers no role', () => {
    accept({ roles: '[]' });
    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^roles\/capabilities\.yaml:13:16: capabilities\[0\]\.risk\.accepted\.roles: too small: expected array to have >=1 items$/,
      ),
    );
  });

  it('fails when the old form "accepted: true" with a reason is used, with the new form as the hint', () => {
    copy.edit(
      'capabilities.yaml',
      'risk: low',
      'risk:\n      level: high\n      accepted: true\n      reason: olga said so in the ops channel',
    );
    expect(problems()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^roles\/capabilities\.yaml:10:17: capabilities\[0\]\.risk\.accepted: "accepted: true" no longer accepts a risk: say who accepted it, when and for which roles, .*hint: accepted: \{ by: \[person-id\], on: YYYY-MM-DD, roles: \[role-id\], expires: YYYY-MM-DD, reason: "…" \}/,
        ),
        'roles/capabilities.yaml:11:7: capabilities[0].risk.reason: unknown key (allowed: accepted, level)',
      ]),
    );
  });

  it('fails when a role is added to an accepted capability: the acceptance does not travel', () => {
    accept({ roles: '[operator, developer]' }, 'cluster-read');
    copy.edit('capabilities.yaml', 'risk: low\n    github', `${acceptance({ roles: '[developer]' })}\n    github`);
    copy.edit('capabilities.yaml', '{ name: api, permission: push }', '{ name: api, permission: admin }');
    copy.edit('operator.yaml', 'capabilities: [cluster-read]', 'capabilities: [cluster-read, code-push]');
    expect(problems()).toEqual([
      expect.stringMatching(
        /^roles\/operator\.yaml:6:34: duties\[0\]\.capabilities\[1\]: role "operator" grants capability "code-push", whose risk acceptance does not cover it \(accepted for developer at roles\/capabilities\.yaml:\d+\)/,
      ),
    ]);
  });

  it('warns when it names a role that does not grant the capability, on a capability whose computed risk is not high', () => {
    accept();
    accept({ level: 'medium', roles: '[operator, developer]' }, 'ops-oncall');
    expect(problems()).toEqual([
      expect.stringMatching(
        /^roles\/capabilities\.yaml:\d+:\d+: warning: capabilities\[2\]\.risk\.accepted\.roles\[1\]: role "developer" does not grant capability "ops-oncall": the acceptance is stale for it \(remove developer from accepted\.roles\)$/,
      ),
    ]);
  });
});
