import fc from 'fast-check';
import { generateOrg } from '../../../bench/generate-org';
import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { orgFiles, orgSpecArbitrary, withOrgDir } from '../../helpers/arbitrary-org';
import { personView, roleView } from '../../helpers/person-view';
import { VALID_FIXTURE } from '../../helpers/roles-dir';

/**
 * The model `explain ID` builds from the part of the organisation the id depends on says the same about
 * that person (or role) as the whole organisation's model: access, team memberships and who maintains,
 * rotation positions. Compared as `personView`s, for every person and role of each directory.
 */
function focusMismatches(dir: string, asOf: string): { checked: number; mismatches: { id: string; differences: Record<string, unknown> }[] } {
  const whole = loadModel(dir, asOf, 'roles');
  const errors = whole.problems.filter((problem) => problem.severity === 'error').map(formatProblem);
  if (errors.length || !whole.model) throw new Error(`the organisation is not valid as of ${asOf}:\n${errors.join('\n')}`);
  const model = whole.model;
  const mismatches: { id: string; differences: Record<string, unknown> }[] = [];
  const ids = [...model.people.map((person) => ({ id: person.id, view: personView })), ...model.roles.map((role) => ({ id: role.id, view: roleView }))];
  for (const { id, view } of ids) {
    const focused = loadModel(dir, asOf, 'roles', { focus: id });
    const focusedView = focused.model ? view(focused.model, id) : focused.problems.map(formatProblem);
    const wholeView = view(model, id);
    const differences = differencesOf(focusedView, wholeView);
    if (Object.keys(differences).length) mismatches.push({ id, differences });
  }
  return { checked: ids.length, mismatches };
}

/** Where two views differ, by path (`github.teams`), down to a few levels: what each model says there. */
function differencesOf(focused: unknown, whole: unknown, path = '', depth = 3): Record<string, unknown> {
  if (JSON.stringify(focused) === JSON.stringify(whole)) return {};
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (depth === 0 || !isRecord(focused) || !isRecord(whole)) return { [path || '.']: { focused, whole } };
  const keys = [...new Set([...Object.keys(focused), ...Object.keys(whole)])];
  return Object.assign({}, ...keys.map((key) => differencesOf(focused[key], whole[key], path ? `${path}.${key}` : key, depth - 1)));
}

describe('explain tells the truth about the person: the focused model agrees with the whole one', () => {
  it.each(['2024-06-03', '2025-03-03', '2026-03-02', '2027-01-04'])('for every person and role of the valid fixture, as of %s', (asOf) => {
    const { checked, mismatches } = focusMismatches(VALID_FIXTURE, asOf);
    expect(checked).toBe(5);
    expect(mismatches).toEqual([]);
  });

  it.each([
    [300, 3],
    [500, 3],
  ])('for every person and role of a generated organisation of %i people (seed %i)', (people, seed) => {
    const asOf = '2026-03-02';
    const org = generateOrg({ people, asOf, seed });
    const { checked, mismatches } = withOrgDir(org.files, (dir) => focusMismatches(dir, asOf));
    expect(checked).toBeGreaterThan(people);
    expect(mismatches.map(({ id, differences }) => `${id}: ${Object.keys(differences).join(', ')}`)).toEqual([]);
  }, 300_000);

  it('for every person and role of small organisations made to reach fallback maintainers, shared teams and rotations', () => {
    fc.assert(
      fc.property(orgSpecArbitrary, (spec) => {
        const { mismatches } = withOrgDir(orgFiles(spec), (dir) => focusMismatches(dir, spec.asOf));
        expect(mismatches).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});
