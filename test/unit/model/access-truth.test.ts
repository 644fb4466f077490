import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { personGrants } from '../../../src/model/build/person-access';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

const STATEMENT = '        statements:\n          - actions: [eks:DescribeCluster, eks:ListClusters]\n            resources: ["*"]\n';

describe('validate holds every grant to what AWS can use, and every risk to its real reach', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  const errors = (): string[] =>
    loadModel(copy.dir, '2026-11-22', 'roles')
      .problems.filter((p) => p.severity === 'error')
      .map(formatProblem);
  const replaceStatement = (yaml: string): void => copy.edit('capabilities.yaml', STATEMENT, yaml);

  it.each([
    [
      'iam:PassRole on role*',
      '        statements:\n          - actions: [iam:PassRole]\n            resources: ["arn:aws:iam::111111111111:role*"]\n',
      /^roles\/capabilities\.yaml:8:11: capabilities\[0\]\.risk: computed risk is high and not accepted: privilege-escalation: iam:PassRole on "arn:aws:iam::111111111111:role\*" \(can hand any role/,
    ],
    [
      'secretsmanager:GetSecretValue on secret*',
      '        statements:\n          - actions: [secretsmanager:GetSecretValue]\n            resources: ["arn:aws:secretsmanager:eu-west-1:111111111111:secret*"]\n',
      /^roles\/capabilities\.yaml:8:11: capabilities\[0\]\.risk: computed risk is high and not accepted: data-exfiltration: secretsmanager:GetSecretValue .*reads every secret value/,
    ],
    [
      'iam:PassRole on role/?* with ec2:RunInstances',
      '        statements:\n          - actions: [iam:PassRole]\n            resources: ["arn:aws:iam::111111111111:role/?*"]\n          - actions: [ec2:RunInstances]\n            resources: ["*"]\n',
      /^roles\/capabilities\.yaml:8:11: .*CreateEC2WithExistingInstanceProfile/,
    ],
    [
      's3:GetObject on *',
      '        statements:\n          - actions: [s3:GetObject]\n            resources: ["*"]\n',
      /^roles\/capabilities\.yaml:8:11: capabilities\[0\]\.risk: computed risk is high and not accepted: data-exfiltration: s3:GetObject on "\*" \(reads the objects of every bucket\)/,
    ],
  ])('fails when %s is declared low', (_name, yaml, expected) => {
    replaceStatement(yaml);
    expect(errors()).toContainEqual(expect.stringMatching(expected));
  });

  it('fails when a capability grants GitHub admin without accepting it', () => {
    copy.edit('capabilities.yaml', '{ name: api, permission: push }', '{ name: api, permission: admin }');
    expect(errors()).toContainEqual(
      expect.stringMatching(
        /^roles\/capabilities\.yaml:17:11: capabilities\[1\]\.risk: computed risk is high and not accepted: repository-admin: github:admin on "api"/,
      ),
    );
  });

  it('fails when an object action names a bucket, at the action, with the types and formats it takes', () => {
    replaceStatement('        statements:\n          - actions: [s3:GetObject]\n            resources: ["arn:aws:s3:::fixture-logs"]\n');
    expect(errors()).toEqual([
      expect.stringMatching(
        /^roles\/capabilities\.yaml:12:23: capabilities\[0\]\.aws\[0\]\.statements\[0\]\.actions\[0\]: s3:GetObject can act on none of the statement's resources.*object \(arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}\)/,
      ),
    ]);
  });

  it('fails when access names a service whose actions cannot act on the resources', () => {
    replaceStatement(
      '        access:\n          - service: s3\n            levels: [read]\n            resources: ["arn:aws:eks:eu-west-1:111111111111:cluster/*"]\n',
    );
    expect(errors()).toEqual([
      expect.stringMatching(
        /^roles\/capabilities\.yaml:14:24: capabilities\[0\]\.aws\[0\]\.access\[0\]\.resources: none of the \d+ read actions of s3 can act on these resources: it is an ARN of eks/,
      ),
    ]);
  });

  it('fails when a wildcard-only action stands on an ARN', () => {
    replaceStatement(
      '        statements:\n          - actions: [eks:DescribeCluster, eks:ListClusters]\n            resources: ["arn:aws:eks:eu-west-1:111111111111:cluster/*"]\n',
    );
    expect(errors()).toEqual([
      expect.stringMatching(
        /^roles\/capabilities\.yaml:12:44: .*actions\[1\]: eks:ListClusters can act on none .*only on "\*" \(put it in a statement with resources: \["\*"\]\)$/,
      ),
    ]);
  });

  it('grants only what can be used, and keeps what access levels left out for explain', () => {
    replaceStatement(
      '        access:\n          - service: eks\n            levels: [list, read]\n            resources: ["arn:aws:eks:eu-west-1:111111111111:cluster/*"]\n',
    );
    const model = loadModel(copy.dir, '2026-11-22', 'roles').model;
    const olga = model?.people.find((person) => person.id === 'olga');
    const grant = model && olga ? personGrants(model, olga).find((candidate) => candidate.id === 'cluster-read/aws:prod') : undefined;
    if (grant?.target.backend !== 'aws') throw new Error('expected the AWS grant');
    const actions = grant.target.statements.flatMap((statement) => statement.actions);
    expect(actions).toContain('eks:DescribeCluster');
    expect(actions).not.toContain('eks:ListClusters');
    expect(grant.target.leftOut).toContainEqual({
      action: 'eks:ListClusters',
      why: 'wildcard-only',
      resources: ['arn:aws:eks:eu-west-1:111111111111:cluster/*'],
    });
  });

  it('rates a GitHub organisation owner high, justified by org.yaml', () => {
    const olga = loadModel(copy.dir, '2026-11-22', 'roles').model?.people.find((person) => person.id === 'olga');
    expect(olga?.githubOwner).toEqual({ risk: 'high', at: { file: 'roles/org.yaml', line: expect.any(Number) } });
  });
});
