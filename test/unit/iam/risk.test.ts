import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import {
  computeRisk,
  ESCALATION_RULES,
  expandWildcard,
  isBroadResource,
  MANAGED_POLICY_RATINGS,
  type Statement,
  type RiskCategory,
} from '../../../src/model/iam';

const catalog = loadActionCatalog();
const allow = (actions: readonly string[], resources: readonly string[] = ['*']): Statement => ({
  effect: 'Allow',
  actions,
  resources,
});
const risk = (...statements: Statement[]) => computeRisk({ statements }, catalog);
const categories = (...statements: Statement[]): RiskCategory[] => risk(...statements).reasons.map((reason) => reason.category);

describe('ESCALATION_RULES', () => {
  it.each(ESCALATION_RULES.flatMap((rule) => rule.actions))('names %j, which exists in the catalog', (action) => {
    expect(expandWildcard(action, catalog)).toEqual([action]);
  });

  it.each(ESCALATION_RULES.map((rule) => [rule.id, rule] as const))('%s is reported as high privilege escalation', (id, rule) => {
    const result = risk(allow(rule.actions));
    expect(result.level).toBe('high');
    expect(result.reasons).toContainEqual(
      expect.objectContaining({
        category: 'privilege-escalation',
        level: 'high',
        actions: [...rule.actions].sort(),
        why: expect.stringContaining(`(${id})`),
      }),
    );
  });
});

describe('computeRisk: privilege escalation', () => {
  it.each([
    ['iam:PassRole on *', [allow(['iam:PassRole'])], 'PassAnyRole'],
    ['iam:PassRole on every role', [allow(['iam:PassRole'], ['arn:aws:iam::123456789012:role/*'])], 'PassAnyRole'],
    ['sts:AssumeRole on *', [allow(['sts:AssumeRole'])], 'AssumeAnyRole'],
    ['lambda:UpdateFunctionCode on *', [allow(['lambda:UpdateFunctionCode'])], 'EditExistingLambdaFunctionWithRole'],
    [
      'PassRole + ec2:RunInstances',
      [allow(['ec2:RunInstances'], ['arn:aws:ec2:*:*:instance/*']), allow(['iam:PassRole'])],
      'CreateEC2WithExistingInstanceProfile',
    ],
    ['iam:Put*Policy through a wildcard', [allow(['iam:Put*Policy'], ['arn:aws:iam::123456789012:role/app'])], 'PutRolePolicy'],
    ['iam:* through a wildcard', [allow(['iam:*'], ['arn:aws:iam::123456789012:user/bob'])], 'CreateAccessKey'],
    ['iam permissions level through access', [], 'AttachRolePolicy'],
  ])('reports %s', (_, statements, id) => {
    const result =
      statements.length > 0
        ? risk(...statements)
        : computeRisk({ access: [{ service: 'iam', levels: ['permissions'], resources: ['*'], except: [] }] }, catalog);
    expect(result.reasons.map((reason) => reason.why)).toContainEqual(expect.stringContaining(`(${id})`));
  });

  it("does not report managing only one's own access keys", () => {
    expect(categories(allow(['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], ['arn:aws:iam::*:user/${aws:username}']))).not.toContain(
      'privilege-escalation',
    );
  });

  it.each([
    ['iam:PassRole scoped to one role', [allow(['iam:PassRole'], ['arn:aws:iam::123456789012:role/lambda-exec'])]],
    ['sts:AssumeRole scoped to one role', [allow(['sts:AssumeRole'], ['arn:aws:iam::123456789012:role/deploy'])]],
    [
      'lambda:UpdateFunctionCode on one function',
      [allow(['lambda:UpdateFunctionCode'], ['arn:aws:lambda:eu-west-1:123456789012:function:api'])],
    ],
    [
      'a combination when iam:PassRole is scoped',
      [allow(['lambda:CreateFunction', 'lambda:InvokeFunction']), allow(['iam:PassRole'], ['arn:aws:iam::123456789012:role/fn'])],
    ],
  ])('rates %s medium: it acts with permissions rolecall cannot see, but only those', (_, statements) => {
    const escalations = risk(...statements).reasons.filter((reason) => reason.category === 'privilege-escalation');
    expect(escalations.length).toBeGreaterThan(0);
    expect(escalations.every((reason) => reason.level === 'medium' && reason.why.includes('limited to them'))).toBe(true);
  });
});

describe('computeRisk: other categories', () => {
  it.each<[string, Statement, RiskCategory, 'low' | 'medium' | 'high']>([
    ['permission management on one bucket', allow(['s3:PutBucketPolicy'], ['arn:aws:s3:::logs']), 'permissions-management', 'medium'],
    ['permission management on every bucket', allow(['s3:PutBucketPolicy']), 'permissions-management', 'high'],
    ['reading every secret', allow(['secretsmanager:GetSecretValue']), 'data-exfiltration', 'high'],
    ['reading every parameter', allow(['ssm:GetParameters'], ['arn:aws:ssm:*:*:parameter/*']), 'data-exfiltration', 'high'],
    ['reading every object', allow(['s3:GetObject'], ['arn:aws:s3:::*/*']), 'data-exfiltration', 'high'],
    ['decrypting with any key', allow(['kms:Decrypt']), 'data-exfiltration', 'high'],
    ['scanning every table', allow(['dynamodb:Scan']), 'data-exfiltration', 'high'],
    ['terminating any instance', allow(['ec2:TerminateInstances']), 'destructive', 'medium'],
    ['deleting any bucket through a wildcard', allow(['s3:Delete*']), 'destructive', 'medium'],
    ['the * action', allow(['*']), 'broad', 'high'],
    ['service:* on every resource', allow(['s3:*']), 'broad', 'high'],
    ['service:* on one bucket', allow(['s3:*'], ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*']), 'broad', 'medium'],
  ])('rates %s', (_, statement, category, level) => {
    expect(risk(statement).reasons).toContainEqual(expect.objectContaining({ category, level }));
  });

  it.each([
    ['reading objects of one bucket', allow(['s3:GetObject'], ['arn:aws:s3:::logs/*'])],
    ['terminating tagged instances by name prefix', allow(['ec2:TerminateInstances'], ['arn:aws:ec2:*:*:instance/ci-*'])],
    ['describing everything', allow(['ec2:Describe*', 'eks:ListClusters'])],
  ])('rates %s low', (_, statement) => {
    expect(risk(statement)).toEqual({ level: 'low', reasons: [] });
  });

  it('ignores deny statements, however broad', () => {
    expect(risk({ effect: 'Deny', actions: ['*'], resources: ['*'] })).toEqual({ level: 'low', reasons: [] });
  });

  it('names the actions and resources of each reason, sorted, highest level first', () => {
    const result = risk(allow(['ec2:TerminateInstances', 'secretsmanager:GetSecretValue']));
    expect(result.reasons).toEqual([
      {
        category: 'data-exfiltration',
        level: 'high',
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['*'],
        why: 'reads every secret value',
      },
      {
        category: 'destructive',
        level: 'medium',
        actions: ['ec2:TerminateInstances'],
        resources: ['*'],
        why: 'deletes or terminates any resource of its kind',
      },
    ]);
  });

  it('does not depend on statement order', () => {
    const statements = [allow(['iam:PassRole']), allow(['ec2:RunInstances', 's3:GetObject']), allow(['s3:*'], ['arn:aws:s3:::a'])];
    expect(risk(...[...statements].reverse())).toEqual(risk(...statements));
  });
});

describe('computeRisk: managed policies', () => {
  it.each([
    ['arn:aws:iam::aws:policy/AdministratorAccess', 'high'],
    ['arn:aws:iam::aws:policy/IAMFullAccess', 'high'],
    ['arn:aws:iam::aws:policy/PowerUserAccess', 'high'],
    ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'high'],
    ['arn:aws:iam::aws:policy/readonlyaccess', 'high'],
    ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'low'],
    ['arn:aws:iam::aws:policy/SecurityAudit', 'low'],
    ['arn:aws-us-gov:iam::aws:policy/AdministratorAccess', 'high'],
    ['arn:aws:iam::aws:policy/AmazonSomethingNew', 'medium'],
    ['arn:aws:iam::123456789012:policy/team-extra', 'medium'],
  ])('rates %s %s', (arn, level) => {
    const result = computeRisk({ managedPolicies: [arn] }, catalog);
    expect(result.level).toBe(level);
    expect(result.reasons).toEqual([expect.objectContaining({ actions: [arn], level })]);
  });

  it('rates every table entry with a reason', () => {
    for (const rating of Object.values(MANAGED_POLICY_RATINGS)) expect(rating.why).toMatch(/^[a-z]/);
  });
});

describe('isBroadResource', () => {
  it.each([
    ['*', true],
    ['arn:aws:s3:::*', true],
    ['arn:aws:s3:::*/*', true],
    ['arn:aws:iam::123456789012:role/*', true],
    ['arn:aws:iam::*:role/*', true],
    ['arn:aws:secretsmanager:*:*:secret:*', true],
    ['arn:aws:ec2:*:*:instance/*', true],
    ['arn:aws:iam::123456789012:role/deploy-*', false],
    ['arn:aws:s3:::logs/*', false],
    ['arn:aws:s3:::team-*', false],
    ['arn:aws:iam::123456789012:role/app', false],
  ])('%j → %j', (resource, expected) => {
    expect(isBroadResource(resource)).toBe(expected);
  });
});
