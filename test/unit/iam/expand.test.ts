import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import {
  compareActions,
  createActionCatalog,
  expandAccess,
  expandWildcard,
  findCatalogAction,
  summariseWildcard,
} from '../../../src/model/iam';

const catalog = loadActionCatalog();

const levelsOf = (action: string): readonly string[] => {
  const [service, name] = action.split(':') as [string, string];
  return findCatalogAction(catalog, service, name)?.levels ?? [];
};

describe('expandWildcard', () => {
  it('expands ec2:Describe* to every EC2 Describe action and nothing else', () => {
    const actions = expandWildcard('ec2:Describe*', catalog);
    expect(actions.length).toBeGreaterThan(100);
    expect(actions).toContain('ec2:DescribeInstances');
    expect(actions.every((action) => action.startsWith('ec2:Describe'))).toBe(true);
  });

  it.each([
    ['s3:*Object', ['s3:DeleteObject', 's3:GetObject', 's3:PutObject']],
    ['s3:Get?bject', ['s3:GetObject']],
    ['s3:getobject', ['s3:GetObject']],
    ['s3:GetObjects', []],
    ['nope:*', []],
  ])('expands %j to include %j', (pattern, expected) => {
    const actions = expandWildcard(pattern, catalog);
    expect(actions).toEqual(expect.arrayContaining(expected));
    if (expected.length === 0) expect(actions).toEqual([]);
  });

  it('expands service:* to every action of the service', () => {
    expect(expandWildcard('sts:*', catalog)).toHaveLength(catalog.actions('sts')?.length ?? -1);
  });

  it('expands * to every action of every service, sorted', () => {
    const all = expandWildcard('*', catalog);
    const total = catalog.services().reduce((sum, service) => sum + (catalog.actions(service)?.length ?? 0), 0);
    expect(all).toHaveLength(total);
    expect([...all].sort(compareActions)).toEqual(all);
  });
});

describe('summariseWildcard', () => {
  it('counts per service and lists only the first actions', () => {
    const summary = summariseWildcard('ec2:Describe*', catalog, 3);
    expect(summary.sample).toHaveLength(3);
    expect(summary.truncated).toBe(true);
    expect(summary.services).toEqual([{ service: 'ec2', count: summary.total }]);
  });
});

describe('expandAccess', () => {
  it('expands eks list+read to Describe and List actions and no write', () => {
    const actions = expandAccess({ service: 'eks', levels: ['list', 'read'], resources: ['*'], except: [] }, catalog);
    expect(actions).toEqual(expect.arrayContaining(['eks:DescribeCluster', 'eks:ListClusters']));
    expect(actions).not.toContain('eks:CreateCluster');
    expect(actions.every((action) => levelsOf(action).some((level) => level === 'list' || level === 'read'))).toBe(true);
  });

  it('keeps permission management and tagging out of write', () => {
    const actions = expandAccess({ service: 'iam', levels: ['write'], resources: ['*'], except: [] }, catalog);
    expect(actions).toContain('iam:PassRole');
    expect(actions).not.toContain('iam:AttachRolePolicy');
    expect(actions).not.toContain('iam:TagRole');
  });

  it('removes except entries, patterns included', () => {
    const actions = expandAccess({ service: 's3', levels: ['write'], resources: ['*'], except: ['s3:Delete*', 's3:putobject'] }, catalog);
    expect(actions).toContain('s3:CreateBucket');
    expect(actions.filter((action) => action.startsWith('s3:Delete'))).toEqual([]);
    expect(actions).not.toContain('s3:PutObject');
  });

  it('sorts case-insensitively and is empty for an unknown service', () => {
    const small = createActionCatalog({
      x: { b: { name: 'b', accessLevel: 'Read' }, a: { name: 'A', accessLevel: 'Read' }, c: { name: 'C', accessLevel: 'Write' } },
    });
    expect(expandAccess({ service: 'x', levels: ['read'], resources: ['*'], except: [] }, small)).toEqual(['x:A', 'x:b']);
    expect(expandAccess({ service: 'y', levels: ['read'], resources: ['*'], except: [] }, small)).toEqual([]);
  });
});
