import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { checkAccessPlacement, checkStatementPlacement, type AccessGrant, type Statement } from '../../../src/model/iam';

const catalog = loadActionCatalog();
const statement = (actions: string[], resources: string[], effect: 'Allow' | 'Deny' = 'Allow'): Statement => ({
  effect,
  actions,
  resources,
});
const access = (overrides: Partial<AccessGrant>): AccessGrant => ({
  service: 's3',
  levels: ['read'],
  resources: ['*'],
  except: [],
  ...overrides,
});

describe('checkStatementPlacement', () => {
  it('accepts actions that each act on some resource of the statement', () => {
    expect(
      checkStatementPlacement(statement(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*']), catalog),
    ).toEqual([]);
  });

  it('fails when an object action names only a bucket, listing the types it takes and their ARN formats', () => {
    expect(checkStatementPlacement(statement(['s3:GetObject'], ['arn:aws:s3:::logs']), catalog)).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'actions',
        index: 0,
        message: expect.stringContaining(
          "s3:GetObject can act on none of the statement's resources, so the statement grants nothing with it: it takes accesspointobject",
        ),
      }),
    ]);
    const [finding] = checkStatementPlacement(statement(['s3:GetObject'], ['arn:aws:s3:::logs']), catalog);
    expect(finding?.message).toContain('object (arn:${Partition}:s3:::${BucketName}/${ObjectName})');
  });

  it('fails when a wildcard-only action names an ARN, hinting at "*"', () => {
    expect(checkStatementPlacement(statement(['eks:ListClusters'], ['arn:aws:eks:eu-west-1:1:cluster/*']), catalog)).toEqual([
      expect.objectContaining({
        field: 'actions',
        message: expect.stringContaining('no resource: AWS authorizes it only on "*"'),
        hint: 'put it in a statement with resources: ["*"]',
      }),
    ]);
  });

  it('fails when a deny can never apply', () => {
    expect(checkStatementPlacement(statement(['iam:DeletePolicy'], ['arn:aws:iam::1:role/app/*'], 'Deny'), catalog)).toEqual([
      expect.objectContaining({ message: expect.stringContaining('the statement denies nothing with it') }),
    ]);
  });

  it('fails when a resource fits none of the actions, naming its service', () => {
    expect(
      checkStatementPlacement(statement(['eks:DescribeCluster'], ['arn:aws:eks:eu-west-1:1:cluster/*', 'arn:aws:s3:::logs']), catalog),
    ).toEqual([
      expect.objectContaining({
        field: 'resources',
        index: 1,
        message: 'resource "arn:aws:s3:::logs" is of no type the statement\'s actions act on: it is an ARN of s3',
      }),
    ]);
  });

  it('judges a wildcard pattern by the actions it covers', () => {
    expect(checkStatementPlacement(statement(['s3:Get*'], ['arn:aws:s3:::logs']), catalog)).toEqual([]);
    expect(checkStatementPlacement(statement(['eks:List*'], ['arn:aws:s3:::logs']), catalog)).toEqual([
      expect.objectContaining({ field: 'actions', message: expect.stringContaining('(the actions it covers)') }),
    ]);
  });
});

describe('checkAccessPlacement', () => {
  it('accepts levels of which some actions fit the resources', () => {
    expect(checkAccessPlacement(access({ service: 'eks', resources: ['arn:aws:eks:eu-west-1:1:cluster/*'] }), catalog)).toEqual([]);
  });

  it('fails when the service does not match the resources', () => {
    expect(checkAccessPlacement(access({ resources: ['arn:aws:eks:eu-west-1:1:cluster/*'] }), catalog)).toEqual([
      expect.objectContaining({
        field: 'resources',
        message: expect.stringMatching(/^none of the \d+ read actions of s3 can act on these resources: it is an ARN of eks$/),
      }),
    ]);
  });

  it('fails when only wildcard-only actions are asked for on ARNs, hinting at wildcardOnly', () => {
    expect(
      checkAccessPlacement(
        access({ service: 'autoscaling', levels: ['list'], resources: ['arn:aws:autoscaling:eu-west-1:1:autoScalingGroup:*'] }),
        catalog,
      ),
    ).toEqual([expect.objectContaining({ hint: 'they take no resource: use resources: ["*"], or wildcardOnly: include' })]);
  });

  it('fails when one resource of several fits no action of the levels', () => {
    expect(
      checkAccessPlacement(
        access({ service: 'eks', resources: ['arn:aws:eks:eu-west-1:1:cluster/*', 'arn:aws:eks:eu-west-1:1:clusters/*'] }),
        catalog,
      ),
    ).toEqual([
      expect.objectContaining({
        field: 'resources',
        index: 1,
        message: expect.stringContaining('"arn:aws:eks:eu-west-1:1:clusters/*" is of no type'),
      }),
    ]);
  });
});
