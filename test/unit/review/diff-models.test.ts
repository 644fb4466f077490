import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { expandWildcard } from '../../../src/model/iam/expand';
import type { AccessModel } from '../../../src/model/types';
import { diffModels, isEmptyDiff, mirrorDiff, type AccessDiff } from '../../../src/review';
import { buildSpec, type ModelSpec } from '../../helpers/arbitrary-model';
import { editedModel } from '../../helpers/edited-model';
import { VALID_FIXTURE, type RolesCopy } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';
const catalog = loadActionCatalog();

type Edit = (copy: RolesCopy) => void;

const modelOf = (edits: readonly Edit[]): AccessModel => editedModel(VALID_FIXTURE, AS_OF, edits);

const base = modelOf([]);
const diffTo = (...edits: Edit[]): AccessDiff => diffModels(base, modelOf(edits), { catalog });

const splitClusterRead: Edit[] = [
  (copy) =>
    copy.edit(
      'capabilities.yaml',
      /  - id: cluster-read\n[\s\S]*?resources: \["\*"\]\n/,
      [
        '  - id: cluster-describe',
        '    description: Describe the clusters',
        '    risk: low',
        '    aws:',
        '      - accounts: [prod, staging]',
        '        statements:',
        '          - actions: [eks:DescribeCluster]',
        '            resources: ["*"]',
        '  - id: cluster-list',
        '    description: List the clusters',
        '    risk: low',
        '    aws:',
        '      - accounts: [staging, prod]',
        '        statements:',
        '          - actions: [eks:ListClusters]',
        '            resources: ["*"]',
        '',
      ].join('\n'),
    ),
  (copy) => copy.edit('operator.yaml', 'capabilities: [cluster-read]', 'capabilities: [cluster-list, cluster-describe]'),
  (copy) =>
    copy.edit(
      'developer.yaml',
      '  - capability: cluster-read\n    reason: developers debug their services on the clusters',
      '  - capability: cluster-describe\n    reason: developers debug their services on the clusters\n  - capability: cluster-list\n    reason: developers   debug their services on the clusters',
    ),
];

describe('diffModels on the fixture: no access change, no diff', () => {
  it.each<[string, Edit[]]>([
    ['the same files', []],
    [
      'people and capabilities reordered and reflowed',
      [
        (copy) =>
          copy.write(
            'people.yaml',
            copy.read('people.yaml').replace(/(  - id: olga[\s\S]*?)(  - id: dev[\s\S]*?)(  - id: ned[\s\S]*)/, '$3\n$2$1'),
          ),
        (copy) =>
          copy.edit(
            'capabilities.yaml',
            'actions: [eks:DescribeCluster, eks:ListClusters]',
            'actions:\n              - eks:ListClusters\n              - eks:describecluster',
          ),
        (copy) => copy.edit('capabilities.yaml', 'accounts: [prod, staging]', 'accounts: [staging, prod]'),
      ],
    ],
    ['a capability split in two with the same grants and reasons', splitClusterRead],
    [
      'a title and a description edited',
      [
        (copy) => copy.edit('operator.yaml', 'title: Operator', 'title: Site Operator'),
        (copy) => copy.edit('capabilities.yaml', 'description: Read the Kubernetes clusters', 'description: Look at the clusters'),
      ],
    ],
  ])('%s', (_what, edits) => {
    const diff = diffTo(...edits);
    expect(diff).toEqual(diffModels(base, base, { catalog }));
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('a wildcard action and the actions it stands for, written out', () => {
    const wildcard = modelOf([
      (copy) =>
        copy.edit('capabilities.yaml', 'actions: [eks:DescribeCluster, eks:ListClusters]', 'actions: [eks:Describe*, eks:ListClusters]'),
    ]);
    const written = expandWildcard('eks:Describe*', catalog).join(', ');
    const explicit = modelOf([
      (copy) =>
        copy.edit('capabilities.yaml', 'actions: [eks:DescribeCluster, eks:ListClusters]', `actions: [${written}, eks:ListClusters]`),
    ]);
    expect(isEmptyDiff(diffModels(wildcard, explicit, { catalog }))).toBe(true);
    expect(isEmptyDiff(diffModels(base, wildcard, { catalog }))).toBe(false);
  });
});

describe('diffModels on the fixture: what each change reports', () => {
  it('reports a widened capability per person, role and capability, grouped by service and access level', () => {
    const diff = diffTo((copy) =>
      copy.edit(
        'capabilities.yaml',
        'actions: [eks:DescribeCluster, eks:ListClusters]',
        'actions: [eks:DescribeCluster, eks:ListClusters, eks:DescribeNodegroup]',
      ),
    );
    expect(diff.capabilities.map((capability) => capability.id)).toEqual(['cluster-read']);
    expect(diff.people.map((person) => person.id)).toEqual(['dev', 'ned', 'olga']);
    expect(diff.people[0]?.aws.gained).toEqual([
      {
        account: 'prod',
        accountId: '111111111111',
        effect: 'Allow',
        service: 'eks',
        level: 'read',
        actions: ['eks:DescribeNodegroup'],
        resources: ['*'],
        risk: 'low',
        capabilities: ['cluster-read'],
      },
      {
        account: 'staging',
        accountId: '222222222222',
        effect: 'Allow',
        service: 'eks',
        level: 'read',
        actions: ['eks:DescribeNodegroup'],
        resources: ['*'],
        risk: 'low',
        capabilities: ['cluster-read'],
      },
    ]);
    expect(diff.risks).toEqual([
      {
        level: 'low',
        kind: 'access-gained',
        capability: 'cluster-read',
        roles: ['developer', 'operator'],
        people: ['dev', 'ned', 'olga'],
        accepted: false,
      },
    ]);
  });

  it('reports a raised repository permission with its risk', () => {
    const diff = diffTo(
      (copy) => copy.edit('capabilities.yaml', '{ name: web, permission: pull }', '{ name: web, permission: admin }'),
      (copy) =>
        copy.edit(
          'capabilities.yaml',
          'keywords: [code, services]\n    risk: low',
          'keywords: [code, services]\n    risk:\n      level: high\n      accepted: { by: [olga], on: 2026-01-05, roles: [developer], reason: the web team administers its repository }',
        ),
    );
    expect(diff.people.find((person) => person.id === 'dev')?.github.repositories).toEqual([
      { name: 'web', from: 'pull', to: 'admin', risk: 'high' },
    ]);
    expect(diff.risks.map((item) => [item.level, item.kind, item.capability, item.accepted])).toEqual([
      ['high', 'access-gained', 'code-push', true],
      ['high', 'acceptance-added', 'code-push', undefined],
      ['high', 'risk-raised', 'code-push', undefined],
    ]);
  });

  it('reports a duty removed whose access another reason still justifies', () => {
    const baseline = (copy: RolesCopy): void =>
      copy.edit(
        'operator.yaml',
        'baseline: []',
        'baseline:\n  - capability: cluster-read\n    reason: operators look at the clusters all day',
      );
    const withBaseline = modelOf([baseline]);
    const diff = diffModels(
      withBaseline,
      modelOf([
        baseline,
        (copy) => copy.edit('operator.yaml', /  - quote: keep the kubernetes clusters healthy\n    capabilities: \[cluster-read\]\n/, ''),
      ]),
      { catalog },
    );
    expect(diff.people).toEqual([]);
    expect(diff.justifications.duties).toEqual([
      {
        role: 'operator',
        change: 'removed',
        quote: 'keep the kubernetes clusters healthy',
        at: { file: 'roles/operator.yaml', line: 5 },
        capabilities: ['cluster-read'],
      },
    ]);
    expect(diff.justifications.rejustified).toEqual([
      expect.objectContaining({
        role: 'operator',
        before: [
          { kind: 'baseline', text: 'operators look at the clusters all day' },
          { kind: 'duty', text: 'keep the kubernetes clusters healthy' },
        ],
        after: [{ kind: 'baseline', text: 'operators look at the clusters all day' }],
      }),
    ]);
  });

  it('reports a quote the JD now anchors in another passage', () => {
    const diff = diffTo((copy) =>
      copy.edit('jd/operator.md', '* Keep the Kubernetes clusters healthy', '* Keep the Kubernetes clusters healthy and patched'),
    );
    expect(diff.justifications.anchors).toEqual([
      {
        role: 'operator',
        quote: 'keep the kubernetes clusters healthy',
        from: expect.objectContaining({ text: 'Keep the Kubernetes clusters healthy' }),
        to: expect.objectContaining({ text: 'Keep the Kubernetes clusters healthy and patched' }),
      },
    ]);
    expect(diff.people).toEqual([]);
  });

  it('reports a person whose access is now scheduled to end, and one who has left', () => {
    const diff = diffTo(
      (copy) => copy.edit('people.yaml', 'end: 2026-12-31', 'end: 2026-11-01'),
      (copy) => copy.edit('people.yaml', 'start: 2024-05-06', 'start: 2024-05-06\n    end: 2026-12-31'),
    );
    expect(diff.people.map((person) => [person.id, person.end, person.status])).toEqual([
      ['dev', { name: 'end', to: '2026-12-31' }, undefined],
      ['ned', { name: 'end', from: '2026-12-31', to: '2026-11-01' }, { name: 'status', from: 'active', to: 'ended' }],
    ]);
    expect(diff.rotations).toEqual([{ id: 'ops-primary', change: 'changed', joined: [], left: ['ned'] }]);
  });
});

// Shrunk counterexamples of diff-properties.test.ts, kept as fixed cases.
describe('diffModels regressions', () => {
  const empty = { aws: [], managed: [], repositories: [], teams: [], rotations: [] };
  it.each<[string, ModelSpec, ModelSpec]>([
    [
      'one managed policy spelt in two cases is held on both sides, and read the same way from either',
      {
        capabilities: [{ id: 'c3', risk: 'low', ...empty, managed: [{ account: 'prod', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }],
        roles: [{ id: 'r1', jd: 'jd/a.md', capabilities: [{ id: 'c3', reasons: [{ kind: 'baseline', reason: 'everyone reads code' }] }] }],
        people: [],
      },
      {
        capabilities: [{ id: 'c2', risk: 'low', ...empty, managed: [{ account: 'prod', arn: 'arn:aws:iam::aws:policy/readonlyaccess' }] }],
        roles: [{ id: 'r3', jd: 'jd/a.md', capabilities: [{ id: 'c2', reasons: [{ kind: 'duty', quote: 'run the clusters' }] }] }],
        people: [],
      },
    ],
    [
      'an acceptance naming a role that is renamed on one side only',
      {
        capabilities: [{ id: 'c1', risk: 'low', accepted: { roles: ['r2'] }, ...empty }],
        roles: [
          { id: 'r0', jd: 'jd/a.md', capabilities: [] },
          { id: 'r2', jd: 'jd/a.md', capabilities: [] },
        ],
        people: [],
      },
      {
        capabilities: [{ id: 'c1', risk: 'low', accepted: { roles: ['r2'] }, ...empty }],
        roles: [
          { id: 'r0', jd: 'jd/a.md', capabilities: [] },
          { id: 'r1', jd: 'jd/a.md', capabilities: [] },
        ],
        people: [],
      },
    ],
    [
      'one action spelt in two cases in two statements of one capability',
      { capabilities: [], roles: [], people: [] },
      {
        capabilities: [
          {
            id: 'c1',
            risk: 'low',
            ...empty,
            aws: [
              { account: 'prod', effect: 'Allow', actions: ['s3:GetObject'], resources: ['*'], mfa: true },
              { account: 'prod', effect: 'Allow', actions: ['S3:getobject'], resources: ['*'], mfa: true },
            ],
          },
        ],
        roles: [{ id: 'r0', jd: 'jd/a.md', capabilities: [{ id: 'c1', reasons: [{ kind: 'duty', quote: 'run the clusters' }] }] }],
        people: [],
      },
    ],
  ])('%s', (_what, a, b) => {
    const before = buildSpec(a);
    const after = buildSpec(b);
    expect(diffModels(after, before)).toEqual(mirrorDiff(diffModels(before, after)));
    expect(JSON.stringify(diffModels(before, after))).toBe(
      JSON.stringify(
        diffModels(
          buildSpec({ ...a, capabilities: [...a.capabilities].reverse() }),
          buildSpec({
            ...b,
            capabilities: [...b.capabilities].map((capability) => ({ ...capability, aws: [...capability.aws].reverse() })),
          }),
        ),
      ),
    );
  });
});
