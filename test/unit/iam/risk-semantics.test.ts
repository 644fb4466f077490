import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { computedRiskOf } from '../../../src/model/build/capability-risk';
import { computeRisk, readConditions, type Statement } from '../../../src/model/iam';
import type { CapabilityFile } from '../../../src/schema';

const catalog = loadActionCatalog();
const allow = (actions: string[], resources: string[], conditions?: Statement['conditions']): Statement => ({
  effect: 'Allow',
  actions,
  resources,
  ...(conditions ? { conditions } : {}),
});
const level = (...statements: Statement[]): string => computeRisk({ statements }, catalog).level;

describe('risk cannot be escaped by spelling', () => {
  it.each([
    ['iam:PassRole on role*', allow(['iam:PassRole'], ['arn:aws:iam::111111111111:role*'])],
    ['iam:PassRole on role/?*', allow(['iam:PassRole'], ['arn:aws:iam::111111111111:role/?*'])],
    ["iam:PassRole on every account's roles", allow(['iam:PassRole'], ['arn:aws:iam::*:*'])],
    ['iam:passrole in lower case', allow(['iam:passrole'], ['arn:aws:iam::111111111111:role/*'])],
    ['iam:Pass* on role*', allow(['iam:Pass*'], ['arn:aws:iam::111111111111:role*'])],
    [
      'secretsmanager:GetSecretValue on secret*',
      allow(['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:eu-west-1:111111111111:secret*']),
    ],
    ['secretsmanager:GetSecretValue on arn:*', allow(['secretsmanager:GetSecretValue'], ['arn:*'])],
    ['s3:GetObject on *', allow(['s3:GetObject'], ['*'])],
    ['s3:GetObject on every bucket', allow(['s3:GetObject'], ['arn:aws:s3:::*'])],
    ['sts:AssumeRole on role*', allow(['sts:AssumeRole'], ['arn:aws:iam::111111111111:role*'])],
  ])('rates %s high', (_name, statement) => {
    expect(level(statement)).toBe('high');
  });

  it('rates iam:PassRole on role/?* with ec2:RunInstances as the instance-profile escalation', () => {
    const risk = computeRisk(
      { statements: [allow(['iam:PassRole'], ['arn:aws:iam::111111111111:role/?*']), allow(['ec2:RunInstances'], ['*'])] },
      catalog,
    );
    expect(risk.reasons.map((reason) => reason.why)).toContainEqual(expect.stringContaining('(CreateEC2WithExistingInstanceProfile)'));
  });

  it.each([
    ['iam:PassRole on deploy roles', allow(['iam:PassRole'], ['arn:aws:iam::111111111111:role/deploy-*'])],
    ['s3:GetObject on one bucket', allow(['s3:GetObject'], ['arn:aws:s3:::logs/*'])],
    ['secrets of one path', allow(['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:eu-west-1:111111111111:secret:ci/*'])],
  ])('rates %s below high', (_name, statement) => {
    expect(level(statement)).not.toBe('high');
  });

  it('does not rate a grant that can never be used (PassRole on an S3 ARN)', () => {
    expect(level(allow(['iam:PassRole'], ['arn:aws:s3:::*']))).toBe('low');
  });
});

describe('conditions', () => {
  it('rates a broad statement narrowed by a resource tag as scoped, and says so', () => {
    const tagged = allow(['ec2:TerminateInstances'], ['*'], { StringEquals: { 'aws:ResourceTag/team': 'core' } });
    const risk = computeRisk({ statements: [tagged] }, catalog);
    expect(risk.level).toBe('low');
    expect(risk.conditions).toEqual([expect.objectContaining({ condition: 'StringEquals aws:ResourceTag/team', effect: 'resources' })]);
  });

  it('keeps the level under MFA and network conditions, and lists them as taken into account', () => {
    const mfa = allow(['s3:GetObject'], ['*'], {
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
    });
    const risk = computeRisk({ statements: [mfa] }, catalog);
    expect(risk.level).toBe('high');
    expect(risk.conditions?.map((note) => note.effect)).toEqual(['context', 'context']);
  });

  it.each([
    ['StringEqualsIfExists', 'aws:ResourceTag/team', 'core', /IfExists holds when the key is missing/],
    ['ForAllValues:StringEquals', 'aws:ResourceTag/team', 'core', /ForAllValues holds when the key is missing/],
    ['StringNotEquals', 'aws:ResourceTag/team', 'core', /does not narrow to named values/],
    ['StringLike', 'aws:ResourceTag/team', '*', /a wildcard value matches anything/],
    ['Bool', 'aws:MultiFactorAuthPresent', 'false', /does not require it/],
    ['StringEquals', 'iam:PassedToService', 'ec2.amazonaws.com', /not which roles/],
    ['StringEquals', 'aws:UserAgent', 'x', /does not rate this key/],
  ])('does not take %s %s = %s into account', (operator, key, value, why) => {
    const reading = readConditions({ [operator]: { [key]: value } });
    expect(reading.narrowsResources).toBe(false);
    expect(reading.notes).toEqual([expect.objectContaining({ effect: 'ignored', why: expect.stringMatching(why) })]);
    expect(level(allow(['s3:GetObject'], ['*'], { [operator]: { [key]: value } }))).toBe('high');
  });
});

describe('GitHub permissions', () => {
  const capability = (permission: 'admin' | 'maintain' | 'push'): CapabilityFile => ({
    id: 'repo',
    description: 'a repository',
    keywords: [],
    risk: 'low',
    aws: [],
    github: { repositories: [{ name: 'platform-infra', permission }], teams: [], existingTeams: [] },
  });

  it.each([
    ['admin', 'high', 'repository-admin'],
    ['maintain', 'medium', 'repository-maintain'],
    ['push', 'low', undefined],
  ] as const)('rates repository %s %s', (permission, expected, category) => {
    const risk = computedRiskOf(capability(permission), catalog);
    expect(risk.level).toBe(expected);
    expect(risk.reasons[0]?.category).toBe(category);
  });
});
