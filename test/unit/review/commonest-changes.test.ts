import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { addPerson, setEnd } from '../../../src/edit/people-edits';
import type { AccessModel } from '../../../src/model/types';
import { checkGate, diffModels, renderMarkdown } from '../../../src/review';
import { checkMassRemoval } from '../../../src/review/mass-removal';
import { DEFAULT_GUARDS } from '../../../src/schema/guards';
import { commentShapeProblems } from '../../helpers/comment-shape';
import { editedModel, loadEdited, type RolesEdit } from '../../helpers/edited-model';
import { EXAMPLE_ROLES, VALID_FIXTURE } from '../../helpers/roles-dir';

/**
 * The two changes an organisation makes most often, a leaver and a hire, for every person and every
 * role of an organisation: nothing here names a person or a role, so it holds for any roles directory.
 */
const AS_OF = '2026-11-22';
const catalog = loadActionCatalog();

const peopleEdit = (edit?: (people: string) => string): RolesEdit[] =>
  edit ? [(copy) => copy.write('people.yaml', edit(copy.read('people.yaml')))] : [];
const loadWith = (source: string, edit?: (people: string) => string): ReturnType<typeof loadEdited> =>
  loadEdited(source, AS_OF, peopleEdit(edit));
const modelWith = (source: string, edit?: (people: string) => string): AccessModel => editedModel(source, AS_OF, peopleEdit(edit));

/** A reviewer reads one hire or one leaver in a few screens: under this many characters, tables of at most 7 columns. */
const SHORT_COMMENT = 12_000;

function expectShortComment(diff: ReturnType<typeof diffModels>): void {
  const markdown = renderMarkdown({ base: { ref: 'main' }, head: { ref: 'working tree' }, diff, gate: checkGate(diff, 'high') });
  expect(markdown.length).toBeLessThan(SHORT_COMMENT);
  expect(markdown).not.toMatch(/not shown\*\*/);
  expect(commentShapeProblems(markdown, 'high')).toEqual([]);
}

const edited = (result: ReturnType<typeof setEnd>): string => {
  if ('error' in result) throw new Error(`test setup: ${result.error.message}`);
  return result.text;
};

describe.each([
  ['the example organisation', EXAMPLE_ROLES],
  ['the unit-test fixture', VALID_FIXTURE],
])('the commonest changes of %s', (_name, source) => {
  const base = modelWith(source);
  const active = base.people.filter((person) => person.status === 'active');

  it.each(active.map((person) => [person.id]))('%s leaving passes the strictest gate and is no mass removal', (id) => {
    const loaded = loadWith(source, (people) => edited(setEnd(people, id, '2026-11-21')));
    const head = loaded.model;
    if (!head) {
      // The one refusal a leaver can meet: the organisation would keep fewer owners than github.minOwners.
      expect(base.github.members.find((member) => member.personId === id)?.role).toBe('admin');
      expect(loaded.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message)).toEqual([
        expect.stringMatching(/github\.minOwners/),
      ]);
      return;
    }
    const diff = diffModels(base, head, { catalog });
    expect(diff.people.map((person) => person.id)).toContain(id);
    expect(diff.risks.filter((item) => ['access-gained', 'deny-removed', 'owner-added'].includes(item.kind))).toEqual([]);
    expect(checkGate(diff, 'low').failed).toBe(false);
    const removal = checkMassRemoval(diff, active.length, DEFAULT_GUARDS.massRemoval);
    expect(removal.losing.map((person) => person.id)).toEqual([id]);
    expect(removal.exceeded).toBe(false);
    expectShortComment(diff);
  });

  it.each(base.roles.map((role) => [role.id]))(
    'a hire into %s passes --fail-on high exactly when its high-risk capabilities are accepted for it',
    (roleId) => {
      const hire = {
        id: 'zz-new-hire',
        name: 'New Hire',
        email: 'zz-new-hire@hire.example',
        github: 'zz-new-hire',
        roles: [roleId],
        start: AS_OF,
      };
      const head = modelWith(source, (people) => edited(addPerson(people, hire)));
      const diff = diffModels(base, head, { catalog });
      const person = diff.people.find((candidate) => candidate.id === hire.id);
      const role = head.roles.find((candidate) => candidate.id === roleId);
      expect(person?.capabilities.added).toEqual((role?.capabilities.map((capability) => capability.id) ?? []).sort());
      // Denies come with the access they narrow: a hire never gains or loses a deny of its own.
      expect(diff.risks.filter((item) => item.kind.startsWith('deny-'))).toEqual([]);
      const unaccepted = (role?.capabilities ?? []).filter((held) => {
        const capability = head.capabilities.find((candidate) => candidate.id === held.id);
        const accepted = capability?.risk.accepted;
        return (
          capability?.risk.level === 'high' &&
          !(accepted && accepted.on <= AS_OF && (accepted.expires ?? '9999') >= AS_OF && accepted.roles.includes(roleId))
        );
      });
      expect(checkGate(diff, 'high').failed).toBe(unaccepted.length > 0);
      expectShortComment(diff);
    },
  );
});
