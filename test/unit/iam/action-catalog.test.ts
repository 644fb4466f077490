import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { accessLevelsOf, createActionCatalog, findCatalogAction } from '../../../src/model/iam';

describe('accessLevelsOf', () => {
  it.each([
    ['List', ['list']],
    ['Read', ['read']],
    ['Write', ['write']],
    ['Tagging, Write', ['tagging']],
    ['Permissions management, Write', ['permissions']],
    ['Tagging', ['tagging']],
    ['Permissions management', ['permissions']],
    ['Something new', []],
  ])('maps %j to %j', (level, expected) => {
    expect(accessLevelsOf(level)).toEqual(expected);
  });
});

describe('createActionCatalog', () => {
  const catalog = createActionCatalog({
    s3: {
      putobject: { name: 'PutObject', accessLevel: 'Write' },
      getobject: { name: 'GetObject', accessLevel: 'Read' },
    },
    iam: { passrole: { name: 'PassRole', accessLevel: 'Write' } },
  });

  it('lists services sorted', () => {
    expect(catalog.services()).toEqual(['iam', 's3']);
  });

  it('lists actions sorted by name with their levels', () => {
    expect(catalog.actions('s3')).toEqual([
      { name: 'GetObject', levels: ['read'] },
      { name: 'PutObject', levels: ['write'] },
    ]);
  });

  it('answers undefined for an unknown service', () => {
    expect(catalog.actions('ec2')).toBeUndefined();
  });

  it('finds an action in any case', () => {
    expect(findCatalogAction(catalog, 'S3', 'getOBJECT')?.name).toBe('GetObject');
    expect(findCatalogAction(catalog, 's3', 'GetObjects')).toBeUndefined();
  });
});

describe('loadActionCatalog', () => {
  it('reads the pinned Service Authorization Reference', () => {
    const catalog = loadActionCatalog();
    expect(catalog.services().length).toBeGreaterThan(400);
    expect(catalog.services()).toContain('s3');
    expect(findCatalogAction(catalog, 's3', 'getobject')).toEqual({
      name: 'GetObject',
      levels: ['read'],
      resourceTypes: ['accesspointobject', 'object'],
    });
    expect(catalog.resourceTypes('s3')?.get('object')).toEqual({
      name: 'object',
      arn: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
    });
    expect(findCatalogAction(catalog, 'eks', 'ListClusters')?.resourceTypes).toEqual([]);
    expect(findCatalogAction(catalog, 'iam', 'AttachRolePolicy')?.levels).toEqual(['permissions']);
    expect(findCatalogAction(catalog, 'iam', 'TagRole')?.levels).toEqual(['tagging']);
  });

  it('returns the same shared catalog and the same action lists on every call', () => {
    expect(loadActionCatalog()).toBe(loadActionCatalog());
    expect(loadActionCatalog().actions('s3')).toBe(loadActionCatalog().actions('s3'));
  });

  it('reads a service file only when its actions are asked for', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rolecall-iam-data-'));
    mkdirSync(join(dataDir, 'actions'));
    writeFileSync(join(dataDir, 'actions', 'good.json'), JSON.stringify({ doit: { name: 'DoIt', accessLevel: 'Write' } }));
    writeFileSync(join(dataDir, 'actions', 'broken.json'), '{ not json');
    const catalog = loadActionCatalog({ dataDir });
    expect(catalog.services()).toEqual(['broken', 'good']);
    expect(catalog.actions('good')).toEqual([{ name: 'DoIt', levels: ['write'] }]);
    expect(() => catalog.actions('broken')).toThrow(SyntaxError);
  });

  it('never reads a file for a prefix that is not a service', () => {
    const catalog = loadActionCatalog();
    expect(catalog.actions('../package')).toBeUndefined();
    expect(catalog.actions('nope')).toBeUndefined();
  });
});
