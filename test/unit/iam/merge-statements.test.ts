import { canonicalActions, mergeStatements, type Statement } from '../../../src/model/iam';

describe('canonicalActions', () => {
  it.each([
    ['de-duplicates ignoring case', ['s3:GetObject', 's3:getobject', 's3:GetObject'], ['s3:GetObject']],
    ['sorts ignoring case', ['s3:putObject', 'ec2:RunInstances', 's3:GetObject'], ['ec2:RunInstances', 's3:GetObject', 's3:putObject']],
    ['drops actions a prefix pattern covers', ['s3:GetObject', 's3:Get*', 's3:PutObject'], ['s3:Get*', 's3:PutObject']],
    ['drops narrower patterns', ['s3:Get*', 's3:G*', 's3:Get?bject'], ['s3:G*']],
    ['keeps everything under a service wildcard out', ['s3:*', 's3:GetObject', 'ec2:RunInstances'], ['ec2:RunInstances', 's3:*']],
    ['keeps only *', ['*', 's3:GetObject', 'ec2:*'], ['*']],
    ['keeps actions a ? pattern only seems to cover', ['s3:Get?', 's3:Get*x'], ['s3:Get*x', 's3:Get?']],
  ])('%s', (_, input, expected) => {
    expect(canonicalActions(input)).toEqual(expected);
  });
});

describe('mergeStatements', () => {
  const allow = (actions: readonly string[], resources: readonly string[] = ['*'], conditions?: Statement['conditions']): Statement =>
    conditions === undefined ? { effect: 'Allow', actions, resources } : { effect: 'Allow', actions, resources, conditions };

  it('merges statements with equal effect, resources and conditions', () => {
    const merged = mergeStatements([allow(['s3:PutObject'], ['b', 'a']), allow(['s3:GetObject'], ['a', 'b', 'a'])]);
    expect(merged).toEqual([
      { Sid: expect.stringMatching(/^Allow[0-9A-F]{8}$/), Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['a', 'b'] },
    ]);
  });

  it('keeps statements apart when effect, resources or conditions differ', () => {
    const merged = mergeStatements([
      allow(['s3:GetObject'], ['a']),
      allow(['s3:GetObject'], ['b']),
      allow(['s3:GetObject'], ['a'], { Bool: { 'aws:SecureTransport': true } }),
      { effect: 'Deny', actions: ['s3:GetObject'], resources: ['a'] },
    ]);
    expect(merged).toHaveLength(4);
    expect(new Set(merged.map((statement) => statement.Sid)).size).toBe(4);
  });

  it('normalises conditions so that equal conditions merge', () => {
    const merged = mergeStatements([
      allow(['s3:GetObject'], ['*'], { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'], 'aws:PrincipalTag/team': ['b', 'a'] } }),
      allow(['s3:PutObject'], ['*'], { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b', 'a'], 'aws:RequestedRegion': 'eu-west-1' } }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.Condition).toEqual({ StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'], 'aws:RequestedRegion': 'eu-west-1' } });
  });

  it('collapses resources to * when * is among them', () => {
    expect(mergeStatements([allow(['s3:GetObject'], ['arn:aws:s3:::a/*', '*'])])[0]?.Resource).toEqual(['*']);
  });

  it('keeps a Sid when actions change', () => {
    const before = mergeStatements([allow(['s3:GetObject'], ['a'])]);
    const after = mergeStatements([allow(['s3:GetObject', 's3:PutObject'], ['a'])]);
    expect(after[0]?.Sid).toBe(before[0]?.Sid);
  });
});
