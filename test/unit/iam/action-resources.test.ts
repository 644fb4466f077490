import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { canActOn, describeResourceTypes, isBroadFor, placeAccess, placeStatement } from '../../../src/model/iam';

const catalog = loadActionCatalog();

describe('canActOn: dead grants of the example org and common mistakes', () => {
  it.each([
    ['eks:DescribeAddonVersions', 'arn:aws:eks:eu-west-1:111111111111:cluster/*', false],
    ['eks:DescribeClusterVersions', 'arn:aws:eks:eu-west-1:111111111111:cluster/*', false],
    ['eks:DescribeCluster', 'arn:aws:eks:eu-west-1:111111111111:cluster/*', true],
    ['logs:GetLogDelivery', 'arn:aws:logs:eu-west-1:111111111111:log-group:*', false],
    ['logs:StopLiveTail', 'arn:aws:logs:eu-west-1:111111111111:log-group:*', false],
    ['logs:GetLogEvents', 'arn:aws:logs:eu-west-1:111111111111:log-group:*', true],
    ['codebuild:BatchGetReportGroups', 'arn:aws:codebuild:eu-west-1:111111111111:project/*', false],
    ['codebuild:BatchGetProjects', 'arn:aws:codebuild:eu-west-1:111111111111:project/*', true],
    ['s3:GetObject', 'arn:aws:s3:::northwind-logs', false],
    ['s3:GetObject', 'arn:aws:s3:::northwind-logs/*', true],
    ['s3:ListBucket', 'arn:aws:s3:::northwind-logs/*', false],
    ['s3:GetObject', 'arn:aws:eks:eu-west-1:111111111111:cluster/*', false],
    ['eks:ListClusters', '*', true],
    ['eks:ListClusters', 'arn:aws:eks:eu-west-1:111111111111:cluster/*', false],
    ['s3:Get*', 'arn:aws:s3:::northwind-logs', true],
    ['*', 'arn:aws:s3:::northwind-logs', true],
  ])('%s on %s: %s', (action, resource, expected) => {
    expect(canActOn(catalog, action, resource)).toBe(expected);
  });

  it('ignores the case of the action, as IAM does', () => {
    expect(canActOn(catalog, 'EKS:describeaddonversions', 'arn:aws:eks:eu-west-1:111111111111:cluster/*')).toBe(false);
  });
});

describe('isBroadFor: every spelling of "all of a type"', () => {
  it.each([
    ['iam:PassRole', 'arn:aws:iam::111111111111:role/*', true],
    ['iam:PassRole', 'arn:aws:iam::111111111111:role*', true],
    ['iam:PassRole', 'arn:aws:iam::111111111111:role/?*', true],
    ['iam:PassRole', 'arn:aws:iam::111111111111:*', true],
    ['iam:PassRole', 'arn:aws:iam::*:role/*', true],
    ['iam:PassRole', 'arn:*', true],
    ['iam:PassRole', '*', true],
    ['iam:PassRole', 'arn:aws:iam::111111111111:role/deploy-*', false],
    ['iam:PassRole', 'arn:aws:iam::111111111111:role/*/*', false],
    ['iam:PassRole', 'arn:aws:iam::111111111111:role/${aws:username}', false],
    ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret*', true],
    ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:*', true],
    ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db-*', false],
    ['s3:GetObject', 'arn:aws:s3:::*', true],
    ['s3:GetObject', 'arn:aws:s3:::*/*', true],
    ['s3:GetObject', 'arn:aws:s3:::logs/*', false],
  ])('%s on %s: %s', (action, resource, expected) => {
    expect(isBroadFor(catalog, action, resource)).toBe(expected);
  });
});

describe('placeStatement', () => {
  it('keeps each action only with the resources it acts on, grouping actions that share them', () => {
    const placed = placeStatement(
      {
        effect: 'Allow',
        actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'],
        resources: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
      },
      catalog,
    );
    expect(placed.statements).toEqual([
      { effect: 'Allow', actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::logs/*'] },
      { effect: 'Allow', actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::logs'] },
    ]);
    expect(placed.unusable).toEqual([]);
    expect(placed.unusedResources).toEqual([]);
  });

  it('keeps conditions on every part', () => {
    const conditions = { StringEquals: { 'aws:ResourceTag/team': 'core' } };
    const placed = placeStatement({ effect: 'Allow', actions: ['ec2:StartInstances'], resources: ['*'], conditions }, catalog);
    expect(placed.statements).toEqual([{ effect: 'Allow', actions: ['ec2:StartInstances'], resources: ['*'], conditions }]);
  });

  it('reports wildcard-only actions on ARNs as unusable', () => {
    const placed = placeStatement(
      { effect: 'Allow', actions: ['eks:ListClusters'], resources: ['arn:aws:eks:eu-west-1:1:cluster/*'] },
      catalog,
    );
    expect(placed.statements).toEqual([]);
    expect(placed.unusable).toEqual([{ action: 'eks:ListClusters', wildcardOnly: true }]);
  });
});

describe('placeAccess', () => {
  const read = { service: 'eks', levels: ['read' as const], resources: ['arn:aws:eks:eu-west-1:1:cluster/*'], except: [] };

  it('leaves out wildcard-only actions and actions of other resource types, and says why', () => {
    const placed = placeAccess(read, catalog);
    const granted = placed.statements.flatMap((statement) => statement.actions);
    expect(granted).toContain('eks:DescribeCluster');
    expect(granted).not.toContain('eks:DescribeAddonVersions');
    expect(placed.leftOut).toContainEqual({ action: 'eks:DescribeAddonVersions', why: 'wildcard-only' });
    expect(placed.leftOut).toContainEqual({ action: 'eks:DescribeNodegroup', why: 'no-matching-resource' });
  });

  it('grants wildcard-only actions on "*" when asked to', () => {
    const placed = placeAccess({ ...read, wildcardOnly: 'include' }, catalog);
    expect(placed.statements).toContainEqual(
      expect.objectContaining({ resources: ['*'], actions: expect.arrayContaining(['eks:DescribeAddonVersions']) }),
    );
    expect(placed.leftOut.filter((left) => left.why === 'wildcard-only')).toEqual([]);
  });

  it('describes what an action takes, for messages', () => {
    expect(describeResourceTypes(catalog, 'eks:ListClusters')).toBe('no resource: AWS authorizes it only on "*"');
    expect(describeResourceTypes(catalog, 'eks:DescribeCluster')).toBe(
      'cluster (arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName})',
    );
  });
});
