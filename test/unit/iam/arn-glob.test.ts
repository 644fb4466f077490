import fc from 'fast-check';
import { formatTokens, globCovers, globMatches, globsIntersect, patternTokens } from '../../../src/model/iam';

const meets = (pattern: string, format: string): boolean => globsIntersect(patternTokens(pattern), formatTokens(format));

describe('ARN patterns against ARN formats', () => {
  it.each([
    ['arn:aws:eks:eu-west-1:111111111111:cluster/*', 'arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}', true],
    [
      'arn:aws:eks:eu-west-1:111111111111:cluster/*',
      'arn:${Partition}:eks:${Region}:${Account}:nodegroup/${ClusterName}/${NodegroupName}/${UUID}',
      false,
    ],
    [
      'arn:aws:eks:eu-west-1:111111111111:addon/*',
      'arn:${Partition}:eks:${Region}:${Account}:addon/${ClusterName}/${AddonName}/${UUID}',
      true,
    ],
    ['arn:aws:s3:::logs', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', false],
    ['arn:aws:s3:::logs/*', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', true],
    ['arn:aws:s3:::logs/*', 'arn:${Partition}:s3:::${BucketName}', false],
    ['arn:aws:s3:::logs*', 'arn:${Partition}:s3:::${BucketName}', true],
    ['arn:aws:s3:eu-west-1::logs', 'arn:${Partition}:s3:::${BucketName}', false],
    ['arn:aws:s3:*:*:logs', 'arn:${Partition}:s3:::${BucketName}', true],
    [
      'arn:aws:logs:eu-west-1:1:log-group:*',
      'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}',
      true,
    ],
    ['arn:aws:logs:eu-west-1:1:log-group:/aws/x', 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}', true],
    ['arn:aws:iam::1:role/app/deploy', 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', true],
    ['arn:aws:iam:eu-west-1:1:role/x', 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', false],
    ['arn:aws:ssm:eu-west-1:1:session/${aws:username}-*', 'arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}', true],
    ['*', 'arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}', true],
    ['arn:aws:iam::1:role?', 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', false],
  ])('%s against %s: %s', (pattern, format, expected) => {
    expect(meets(pattern, format)).toBe(expected);
  });

  it('matches plain text exactly, with * spanning : and /', () => {
    expect(globMatches(patternTokens('arn:aws:iam::*'), 'arn:aws:iam::1:role/a/b')).toBe(true);
    expect(globMatches(patternTokens('role/?'), 'role/ab')).toBe(false);
    expect(globMatches(patternTokens('*'), '*')).toBe(true);
    expect(globMatches(patternTokens('arn:*'), '*')).toBe(false);
  });
});

describe('one policy pattern covering another', () => {
  const covers = (outer: string, inner: string): boolean => globCovers(patternTokens(outer), patternTokens(inner));

  it.each([
    ['arn:aws:s3:::data/*', 'arn:aws:s3:::data/secret/*', true],
    ['arn:aws:s3:::data/secret/*', 'arn:aws:s3:::data/*', false],
    ['*', 'arn:aws:s3:::data/?', true],
    ['arn:aws:s3:::data/?', 'arn:aws:s3:::data/*', false],
    ['arn:aws:s3:::data/*', 'arn:aws:s3:::data/', true],
    ['arn:aws:s3:::data/x', 'arn:aws:s3:::data/x', true],
    ['arn:aws:s3:::data/x', 'arn:aws:s3:::data/y', false],
    ['arn:aws:s3:::*/logs', 'arn:aws:s3:::a/b/logs', true],
    ['arn:aws:ssm:*:1:session/*', 'arn:aws:ssm:*:1:session/${aws:username}-*', true],
    ['arn:aws:ssm:*:1:session/${aws:username}-*', 'arn:aws:ssm:*:1:session/*', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(covers(outer, inner)).toBe(expected);
  });

  it('never claims a cover that a string disproves', () => {
    const pattern = fc.stringMatching(/^[ab/*?]{0,6}$/);
    const text = fc.stringMatching(/^[ab/]{0,8}$/);
    fc.assert(
      fc.property(pattern, pattern, text, (outer, inner, sample) => {
        if (covers(outer, inner) && globMatches(patternTokens(inner), sample)) expect(globMatches(patternTokens(outer), sample)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
