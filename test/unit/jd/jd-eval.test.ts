import { loadRoles } from '../../../src/load/load-roles';
import { suggestCapabilities } from '../../../src/model/draft/suggest-capabilities';
import { EXAMPLE_ROLES } from '../../helpers/roles-dir';
import { comparable, evalCases, matchCounts, precisionRecall, readCase } from '../../helpers/jd-eval';

/**
 * The evaluation set (test/fixtures/jd-eval): JDs written for it in the styles that defeated the old
 * reader, each with the title, duties and capability suggestions a careful reader expects. The README
 * reports the figures this test holds.
 */
const cases = evalCases();
const catalog = loadRoles(EXAMPLE_ROLES, 'roles').bundle.capabilities.map((capability) => capability.value);
const found = cases.map((evalCase) => ({ evalCase, roles: readCase(evalCase) }));
const roles = found.flatMap(({ evalCase, roles: read }) => read.map((role) => ({ name: evalCase.name, ...role })));

function suggestedFor(duties: readonly string[]): string[] {
  return [...new Set(duties.flatMap((duty) => suggestCapabilities(duty, catalog).map((suggestion) => suggestion.capabilityId)))].sort();
}

describe('the JD evaluation set', () => {
  it('has at least 12 documents, multi-role pages among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    expect(cases.filter((evalCase) => evalCase.roles.length > 1).length).toBeGreaterThanOrEqual(3);
  });

  it.each(roles.map((role) => [role.name, role.expected.anchor ?? '', role] as const))(
    '%s%s: the title and every duty, nothing else',
    (_name, _anchor, role) => {
      expect(role.title === undefined ? undefined : comparable(role.title)).toBe(comparable(role.expected.title));
      expect(role.duties.map(comparable)).toEqual(role.expected.duties.map(comparable));
    },
  );

  it('finds duties with recall and precision of at least 0.95', () => {
    const figures = precisionRecall(roles.map((role) => matchCounts(role.duties, role.expected.duties)));
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('suggests capabilities with precision of at least 0.8 at recall of at least 0.7', () => {
    const figures = precisionRecall(roles.map((role) => matchCounts(suggestedFor(role.duties), role.expected.capabilities)));
    expect(figures.precision).toBeGreaterThanOrEqual(0.8);
    expect(figures.recall).toBeGreaterThanOrEqual(0.7);
  });
});
