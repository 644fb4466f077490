import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import type { AccessModel } from '../../../src/model/types';
import { checkGate, diffModels, mirrorDiff, summarise, type AccessDiff } from '../../../src/review';
import { checkMassRemoval } from '../../../src/review/mass-removal';
import { editedModel } from '../../helpers/edited-model';
import { VALID_FIXTURE, type RolesCopy } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';
const catalog = loadActionCatalog();

type Edit = (copy: RolesCopy) => void;

/** A capability reading the data bucket in prod, with a deny on its secret part; `deny` replaces the deny statement. */
function dataRead(deny: string | null = 'arn:aws:s3:::data/secret/*', allow = 'arn:aws:s3:::data/*'): string {
  return [
    '  - id: data-read',
    '    description: Read the data bucket',
    '    keywords: [data]',
    '    risk: medium',
    '    aws:',
    '      - accounts: [prod]',
    '        statements:',
    '          - actions: [s3:GetObject]',
    `            resources: ["${allow}"]`,
    ...(deny === null ? [] : ['          - effect: Deny', '            actions: [s3:GetObject]', `            resources: ["${deny}"]`]),
    '',
  ].join('\n');
}

const addCapability =
  (text: string): Edit =>
  (copy) =>
    copy.edit('capabilities.yaml', 'capabilities:\n', `capabilities:\n${text}`);
const grantTo =
  (role: 'operator' | 'developer'): Edit =>
  (copy) =>
    role === 'operator'
      ? copy.edit('operator.yaml', 'capabilities: [cluster-read]', 'capabilities: [cluster-read, data-read]')
      : copy.edit('developer.yaml', 'capabilities: [code-push]', 'capabilities: [code-push, data-read]');

const modelOf = (edits: readonly Edit[]): AccessModel => editedModel(VALID_FIXTURE, AS_OF, edits);

/** Risk items as `kind capability`, sorted. */
const kinds = (diff: AccessDiff): string[] => diff.risks.map((item) => `${item.kind} ${item.capability ?? '-'}`).sort();
const withDataRead = [addCapability(dataRead()), grantTo('operator')];

interface Case {
  readonly what: string;
  readonly base: readonly Edit[];
  readonly head: readonly Edit[];
  /** Every risk item of the diff. */
  readonly risks: readonly string[];
  /** Whether `--fail-on medium` fails. */
  readonly fails: boolean;
  readonly gaining: number;
  readonly losing: number;
}

describe('the diff compares net effective access: the allow minus the deny', () => {
  const cases: Case[] = [
    {
      what: 'deny and allow removed together (the capability dropped): access lost, no deny lifted',
      base: withDataRead,
      head: [],
      risks: ['access-lost data-read'],
      fails: false,
      gaining: 0,
      losing: 2,
    },
    {
      what: 'deny removed while the allow stays: the access it blocked is gained',
      base: withDataRead,
      head: [addCapability(dataRead(null)), grantTo('operator')],
      risks: ['deny-removed data-read'],
      fails: true,
      gaining: 2,
      losing: 0,
    },
    {
      what: 'deny added over kept access: access lost, never gained',
      base: [addCapability(dataRead(null)), grantTo('operator')],
      head: withDataRead,
      risks: ['deny-added data-read'],
      fails: false,
      gaining: 0,
      losing: 2,
    },
    {
      what: 'deny added together with the allow it narrows: access gained, no deny row',
      base: [],
      head: withDataRead,
      risks: ['access-gained data-read'],
      fails: true,
      gaining: 2,
      losing: 0,
    },
    {
      what: 'deny narrowed: what it no longer blocks is gained',
      base: withDataRead,
      head: [addCapability(dataRead('arn:aws:s3:::data/secret/keys/*')), grantTo('operator')],
      risks: ['deny-removed data-read'],
      fails: true,
      gaining: 2,
      losing: 0,
    },
    {
      what: 'deny widened: what it now blocks is lost, nothing gained',
      base: withDataRead,
      head: [addCapability(dataRead('arn:aws:s3:::data/*')), grantTo('operator')],
      risks: ['deny-added data-read'],
      fails: false,
      gaining: 0,
      losing: 2,
    },
    {
      what: 'deny on access nobody is allowed, removed: nothing changes in effect',
      base: [addCapability(dataRead('arn:aws:s3:::other/*')), grantTo('operator')],
      head: [addCapability(dataRead(null)), grantTo('operator')],
      risks: [],
      fails: false,
      gaining: 0,
      losing: 0,
    },
  ];

  it.each(cases)('$what', ({ base, head, risks, fails, gaining, losing }) => {
    const before = modelOf(base);
    const after = modelOf(head);
    const diff = diffModels(before, after, { catalog });
    expect(kinds(diff)).toEqual([...risks].sort());
    expect(checkGate(diff, 'medium').failed).toBe(fails);
    const summary = summarise(diff);
    expect([summary.people.gainingAccess, summary.people.losingAccess]).toEqual([gaining, losing]);
    // The same rule read from the other side: the diff of b and a mirrors the diff of a and b.
    expect(diffModels(after, before, { catalog })).toEqual(mirrorDiff(diff));
  });
});

describe('the commonest changes pass their own gate', () => {
  const base = modelOf(withDataRead);
  const gate = (diff: AccessDiff) => checkGate(diff, 'low');

  it('a leaver loses everything, denies included, and gains nothing', () => {
    const diff = diffModels(base, modelOf([...withDataRead, (copy) => copy.edit('people.yaml', 'end: 2026-12-31', 'end: 2026-11-01')]), {
      catalog,
    });
    expect(kinds(diff).every((kind) => kind.startsWith('access-lost'))).toBe(true);
    expect(kinds(diff)).toContain('access-lost data-read');
    expect(gate(diff).failed).toBe(false);
    expect(summarise(diff).people).toMatchObject({ gainingAccess: 0, losingAccess: 1 });
    expect(checkMassRemoval(diff, 3, { people: 5, percent: 10 }).losing.map((person) => person.id)).toEqual(['ned']);
  });

  it('a hire gains the allow with its deny as one gain, with no deny row', () => {
    const hire = (copy: RolesCopy): void =>
      copy.edit(
        'people.yaml',
        'people:\n',
        'people:\n  - id: hana\n    name: Hana Hire\n    email: hana@fixture.example\n    github: hana-hire\n    roles: [operator]\n    start: 2026-11-20\n',
      );
    const diff = diffModels(base, modelOf([...withDataRead, hire]), { catalog });
    expect(kinds(diff).filter((kind) => kind.startsWith('deny'))).toEqual([]);
    expect(kinds(diff)).toContain('access-gained data-read');
    expect(diff.people.find((person) => person.id === 'hana')?.capabilities.added).toEqual(
      expect.arrayContaining(['cluster-read', 'data-read']),
    );
    expect(summarise(diff).people).toMatchObject({ gainingAccess: 1, losingAccess: 0 });
  });

  it('a role change adds the capability with its deny as one gain', () => {
    const diff = diffModels(
      base,
      modelOf([...withDataRead, (copy) => copy.edit('people.yaml', 'roles: [developer]', 'roles: [developer, operator]')]),
      { catalog },
    );
    expect(kinds(diff).filter((kind) => kind.startsWith('deny'))).toEqual([]);
    expect(diff.people.map((person) => [person.id, person.capabilities.added])).toEqual([['dev', ['data-read', 'ops-oncall']]]);
  });

  it('a transfer between roles is a loss of one role and a gain of the other, never a lifted deny', () => {
    const diff = diffModels(
      base,
      modelOf([
        ...withDataRead,
        (copy) => copy.edit('people.yaml', 'roles: [operator]', 'roles: [developer]'),
        (copy) => copy.edit('operator.yaml', 'maintainers: [olga]', 'maintainers: [ned]'),
      ]),
      { catalog },
    );
    const olga = diff.people.find((person) => person.id === 'olga');
    expect(olga?.capabilities).toEqual({ added: ['code-push'], removed: ['data-read', 'ops-oncall'] });
    expect(kinds(diff)).toEqual(['access-gained code-push', 'access-lost data-read', 'access-lost ops-oncall']);
  });
});
