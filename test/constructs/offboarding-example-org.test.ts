import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { parseDocument, isSeq } from 'yaml';
import { loadModel } from '../../src/pipeline/load-model';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../helpers/roles-dir';
import { synthApp } from '../helpers/synth-app';

const AS_OF = '2026-11-22';

interface Person {
  readonly id: string;
  readonly email: string;
  readonly github: string;
}

function peopleOf(copy: RolesCopy): Person[] {
  const doc = parseDocument(copy.read('people.yaml'));
  return (doc.toJS() as { people: Person[] }).people;
}

/** Every stack's bytes, synthesized from the YAML files through the model. */
function synthesize(copy: RolesCopy): string {
  const loaded = loadModel(copy.dir, AS_OF, 'roles');
  if (!loaded.model) throw new Error(`invalid: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  return [...synthApp(loaded.model).files.values()].join('\n');
}

/**
 * Removes `id` from people.yaml and from every list of person ids (owners, maintainers, risk approvers).
 * A risk acceptance needs an approver people.yaml knows: one the person gave alone passes to the first
 * person left, as an organisation has someone else take over the risk.
 */
function removePerson(copy: RolesCopy, id: string): void {
  const people = parseDocument(copy.read('people.yaml'));
  const list = people.get('people', true);
  if (isSeq(list)) list.items = list.items.filter((item) => (item as { get(key: string): unknown }).get('id') !== id);
  copy.write('people.yaml', people.toString());
  const successor = String((people.getIn(['people', 0, 'id']) as unknown) ?? '');
  for (const file of readdirSync(copy.dir).filter((name) => name.endsWith('.yaml') && name !== 'people.yaml')) {
    const text = copy.read(file);
    const doc = parseDocument(text);
    const capabilities = doc.get('capabilities', true);
    const approvers = isSeq(capabilities)
      ? capabilities.items.map((_, index) => doc.getIn(['capabilities', index, 'risk', 'accepted', 'by'], true))
      : [];
    const lists = [doc.getIn(['github', 'owners'], true), doc.get('maintainers', true), ...approvers];
    for (const node of lists)
      if (isSeq(node)) node.items = node.items.filter((item) => String((item as { value?: unknown }).value ?? item) !== id);
    for (const node of approvers) if (isSeq(node) && node.items.length === 0) node.items.push(doc.createNode(successor));
    if (lists.some((node) => isSeq(node))) copy.write(file, doc.toString());
  }
}

/** True when `text` mentions the person by id, e-mail or GitHub login (logins case-insensitively). */
function mentions(text: string, person: Person): string[] {
  const found: string[] = [];
  if (new RegExp(`\\b${person.id}\\b`).test(text)) found.push(`id ${person.id}`);
  if (text.toLowerCase().includes(person.email.toLowerCase())) found.push(`email ${person.email}`);
  if (new RegExp(`"${person.github}"|\\b${person.github}\\b`, 'i').test(text)) found.push(`login ${person.github}`);
  return found;
}

describe('offboarding on the example org, through the YAML files', () => {
  const everyone = peopleOf(copyRoles(EXAMPLE_ROLES));
  const active = everyone.filter((person) => mentions(synthesizeExample(), person).length > 0);

  function synthesizeExample(): string {
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      return synthesize(copy);
    } finally {
      copy.remove();
    }
  }

  it('has people with access to remove', () => expect(active.length).toBeGreaterThan(5));

  it.each(['end in the past', 'removed from people.yaml'] as const)('leaves nothing of a random person whose entry is %s', (how) => {
    fc.assert(
      fc.property(fc.constantFrom(...active), (person) => {
        const copy = copyRoles(EXAMPLE_ROLES);
        try {
          if (how === 'removed from people.yaml') removePerson(copy, person.id);
          else {
            const doc = parseDocument(copy.read('people.yaml'));
            const list = doc.get('people', true);
            if (!isSeq(list)) throw new Error('people is not a list');
            const entry = list.items.find((item) => (item as { get(key: string): unknown }).get('id') === person.id) as {
              set(key: string, value: unknown): void;
              get(key: string): unknown;
            };
            entry.set('end', '2026-11-01');
            if (String(entry.get('start')) > '2026-11-01') entry.set('start', '2026-10-01');
            copy.write('people.yaml', doc.toString());
          }
          expect(mentions(synthesize(copy), person)).toEqual([]);
        } finally {
          copy.remove();
        }
      }),
      { numRuns: 6, seed: 4242 },
    );
  });
});
