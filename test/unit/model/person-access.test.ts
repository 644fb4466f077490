import {
  accessSummary,
  grantCount,
  personCapabilities,
  personEntry,
  personGrants,
  roleEntry,
} from '../../../src/model/build/person-access';
import type { AccessModel, Grant, PersonAccess } from '../../../src/model/types';
import { loadModel } from '../../../src/pipeline/load-model';
import { EXAMPLE_ROLES, VALID_FIXTURE } from '../../helpers/roles-dir';

function modelOf(dir: string, asOf = '2026-11-22'): AccessModel {
  const loaded = loadModel(dir, asOf, 'roles');
  if (!loaded.model) throw new Error(`invalid: ${JSON.stringify(loaded.problems)}`);
  return loaded.model;
}

const RANK = { low: 0, medium: 1, high: 2 } as const;

/** What a person holds, computed the long way: every justification of every role, expanded on its own. */
function expected(model: AccessModel, person: PersonAccess): { capabilities: string[]; grants: Map<string, Grant['because']> } {
  const grants = new Map<string, Grant['because']>();
  const capabilities = new Set<string>();
  if (person.status !== 'active') return { capabilities: [], grants };
  for (const role of model.roles.filter((candidate) => person.roles.includes(candidate.id))) {
    role.capabilities.forEach((capability) => capabilities.add(capability.id));
    for (const grant of role.grants) grants.set(grant.id, [...(grants.get(grant.id) ?? []), ...grant.because]);
  }
  return { capabilities: [...capabilities].sort(), grants };
}

describe.each([
  ['the fixture', VALID_FIXTURE],
  ['the example org', EXAMPLE_ROLES],
])("a person's access resolved from their roles: %s", (_label, dir) => {
  const models = ['2026-03-01', '2026-11-22', '2027-01-01'].map((asOf) => modelOf(dir, asOf));

  it('is the union of their roles, with every justification of every role, and nothing unless active', () => {
    for (const model of models) {
      for (const person of model.people) {
        const want = expected(model, person);
        const grants = personGrants(model, person);
        expect(personCapabilities(model, person).map((capability) => capability.id)).toEqual(want.capabilities);
        expect(grants.map((grant) => grant.id)).toEqual([...want.grants.keys()].sort());
        for (const grant of grants)
          expect([...grant.because].sort((a, b) => a.roleId.localeCompare(b.roleId))).toEqual(
            expect.arrayContaining([...(want.grants.get(grant.id) ?? [])]),
          );
        for (const grant of grants) expect(grant.because).toHaveLength(want.grants.get(grant.id)?.length ?? -1);
      }
    }
  });

  it('summarises what views resolve: counts, highest risk and baseline-only capabilities', () => {
    for (const model of models) {
      for (const person of model.people) {
        const grants = personGrants(model, person);
        const capabilities = personCapabilities(model, person);
        const summary = accessSummary(model, person);
        expect(summary.grants).toBe(grants.length);
        expect(grantCount(model, person)).toBe(grants.length);
        expect([...summary.capabilities].sort()).toEqual(capabilities.map((capability) => capability.id));
        const highest = grants.reduce<keyof typeof RANK | '-'>(
          (top, grant) => (top === '-' || RANK[grant.risk] > RANK[top] ? grant.risk : top),
          '-',
        );
        expect(summary.highest).toBe(highest);
        expect(summary.baselineOnly).toEqual(
          capabilities
            .filter((capability) => capability.because.every((because) => because.reason.kind !== 'duty'))
            .map((capability) => capability.id),
        );
      }
    }
  });

  it('keeps people in the model free of per-person copies of role access', () => {
    for (const person of models[1]?.people ?? []) {
      expect(Object.keys(person)).not.toContain('grants');
      expect(Object.keys(person)).not.toContain('capabilities');
    }
  });

  it('prints entries in the order explain --json has always used', () => {
    const model = models[1];
    const person = model?.people.find((candidate) => candidate.status === 'active');
    if (!model || !person) throw new Error('expected an active person');
    const keys = Object.keys(personEntry(model, person));
    expect(keys.slice(keys.indexOf('at'), keys.indexOf('at') + 3)).toEqual(['at', 'capabilities', 'grants']);
    expect(Object.keys(roleEntry(model.roles[0]) ?? {})).toEqual(['id', 'title', 'jd', 'at', 'capabilities', 'members']);
  });
});
