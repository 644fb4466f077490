import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

const managed = (count: number): string =>
  Array.from({ length: count }, (_, index) => `arn:aws:iam::111111111111:policy/team-policy-${String(index).padStart(2, '0')}`).join(', ');

describe('AWS quotas, checked when the model is built', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  const problems = (): string[] =>
    loadModel(copy.dir, '2026-11-22', 'roles')
      .problems.filter((p) => p.severity === 'error')
      .map(formatProblem);
  const attach = (count: number, mode?: string): void => {
    if (mode) copy.edit('org.yaml', 'mode: iam-groups', `mode: ${mode}`);
    copy.edit(
      'capabilities.yaml',
      '      - accounts: [prod, staging]\n',
      `      - accounts: [prod, staging]\n        managedPolicies: [${managed(count)}]\n`,
    );
  };

  it('compiles 9 managed policies on a group, which also carries the MFA policy', () => {
    attach(9);
    expect(problems()).toEqual([]);
  });

  it('fails when a role would attach 10 policies and the MFA policy to its IAM group, naming the role and account', () => {
    attach(10);
    expect(problems()).toEqual([
      expect.stringMatching(
        /^roles\/developer\.yaml:\d+:\d+: id: role "developer" in AWS account prod: the group needs 10 managed policy attachments plus 1 for the MFA policy, more than the 10 IAM allows per group/,
      ),
      expect.stringMatching(/^roles\/developer\.yaml:\d+:\d+: id: role "developer" in AWS account staging: /),
      expect.stringMatching(/^roles\/operator\.yaml:\d+:\d+: id: role "operator" in AWS account prod: /),
      expect.stringMatching(/^roles\/operator\.yaml:\d+:\d+: id: role "operator" in AWS account staging: /),
    ]);
  });

  it('allows 20 managed policies on an Identity Center permission set, with a warning', () => {
    attach(20, 'identity-center');
    const loaded = loadModel(copy.dir, '2026-11-22', 'roles');
    expect(loaded.model).toBeDefined();
    expect(loaded.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(/warning: id: role "operator" in AWS account prod: .*quota/),
    );
  });

  it('fails when a permission set would have 21 managed policies', () => {
    attach(21, 'identity-center');
    expect(problems()).toContainEqual(
      expect.stringMatching(/role "operator" in AWS account prod: the permission set has 21 managed policies, more than the 20/),
    );
  });

  it('splits a large statement into customer-managed policies instead of failing', () => {
    const many = Array.from(
      { length: 190 },
      (_, index) => `arn:aws:eks:eu-west-1:111111111111:cluster/cluster-${String(index).padStart(3, '0')}`,
    );
    copy.edit(
      'capabilities.yaml',
      '          - actions: [eks:DescribeCluster, eks:ListClusters]\n            resources: ["*"]\n  - id: code-push',
      // ListClusters takes no resource: on cluster ARNs it would be a dead grant, which validate refuses.
      `          - actions: [eks:DescribeCluster]\n            resources: [${many.map((arn) => `"${arn}"`).join(', ')}]\n  - id: code-push`,
    );
    const loaded = loadModel(copy.dir, '2026-11-22', 'roles');
    const operator = loaded.model?.aws.roles
      .find((role) => role.roleId === 'operator')
      ?.accounts.find((account) => account.account === 'prod');
    expect(operator?.policies.inline).toEqual([]);
    expect(operator?.policies.managed.length).toBeGreaterThanOrEqual(2);
    for (const policy of operator?.policies.managed ?? []) expect(policy.document.length).toBeLessThanOrEqual(6144);
  });

  it('fails when a person would be in more than 10 IAM groups in an account', () => {
    const roles = Array.from({ length: 10 }, (_, index) => `extra-${index}`);
    for (const id of roles) {
      copy.write(
        `${id}.yaml`,
        `id: ${id}\ntitle: Extra ${id}\njd: jd/operator.md\nduties:\n  - quote: keep the kubernetes clusters healthy\n    capabilities: [cluster-read]\n`,
      );
    }
    copy.edit('people.yaml', 'roles: [operator]', `roles: [operator, ${roles.join(', ')}]`);
    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^roles\/people\.yaml:\d+:\d+: people\[0\]\.roles: olga would be in 11 IAM groups in account prod; a user can be in at most 10 \(merge roles, or use aws\.mode identity-center\)$/,
      ),
    );
  });
});

describe('Incident Manager rotations', () => {
  it('fails when a rotation would hold more than 30 contacts', () => {
    const copy = copyRoles();
    try {
      const extra = Array.from({ length: 29 }, (_, index) => {
        const id = `oncaller-${String(index).padStart(2, '0')}`;
        return `  - id: ${id}\n    name: On Caller ${index}\n    email: ${id}@fixture.example\n    github: ${id}\n    roles: [operator]\n    start: 2024-01-01\n`;
      }).join('');
      copy.write('people.yaml', `${copy.read('people.yaml')}${extra}`);
      const problems = loadModel(copy.dir, '2026-11-22', 'roles').problems.map(formatProblem);
      expect(problems).toContainEqual(
        expect.stringMatching(
          /^roles\/capabilities\.yaml:2:9: rotations\[0\]\.id: rotation "ops-primary" would have 31 contacts on 2026-11-22; Incident Manager allows at most 30 \(split it/,
        ),
      );
      expect(loadModel(copy.dir, '2026-11-22', 'roles').model).toBeUndefined();
    } finally {
      copy.remove();
    }
  });
});
