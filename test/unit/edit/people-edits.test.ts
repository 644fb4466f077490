import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { addPerson, removePeople, setEnd, type EditResult } from '../../../src/edit/people-edits';
import { EXAMPLE_ROLES, VALID_FIXTURE } from '../../helpers/roles-dir';

const example = readFileSync(join(EXAMPLE_ROLES, 'people.yaml'), 'utf8');
const fixture = readFileSync(join(VALID_FIXTURE, 'people.yaml'), 'utf8');
const hire = {
  id: 'new-hire',
  name: 'New Hire',
  email: 'new.hire@example.com',
  github: 'new-hire',
  roles: ['operator'],
  start: '2026-12-01',
};

const edited = (result: EditResult): string => {
  if ('error' in result) throw new Error(`edit refused: ${JSON.stringify(result.error)}`);
  return result.text;
};
const people = (text: string): Record<string, unknown>[] => (parse(text) as { people: Record<string, unknown>[] }).people;

describe('addPerson', () => {
  it.each([
    ['the example org', example],
    ['the fixture', fixture],
  ])('appends after the last entry of %s and changes no other byte', (_what, text) => {
    const after = edited(addPerson(text, hire));
    const body = text.endsWith('\n') ? text : `${text}\n`;
    expect(after.startsWith(body)).toBe(true);
    expect(people(after)).toEqual([...people(text), hire]);
    expect(after.slice(body.length)).toMatch(/^\n? {2}- id: new-hire\n {4}name: New Hire\n/);
  });

  it('writes the roles the way the last entry does', () => {
    const block =
      'people:\n  - id: a\n    name: A\n    email: a@example.com\n    github: a\n    roles:\n      - operator\n    start: 2026-01-01\n';
    const after = edited(addPerson(block, { ...hire, roles: ['operator', 'developer'] }));
    expect(after).toBe(
      `${block}  - id: new-hire\n    name: New Hire\n    email: new.hire@example.com\n    github: new-hire\n    roles:\n      - operator\n      - developer\n    start: 2026-12-01\n`,
    );
  });

  it('writes any name so that YAML reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), fc.constantFrom(example, fixture), (name, text) => {
        const after = edited(addPerson(text, { ...hire, name }));
        expect(people(after).at(-1)).toEqual({ ...hire, name });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a list it would have to rewrite, at its position', () => {
    const result = addPerson('# people\npeople: []\n', hire);
    expect(result).toEqual({ error: expect.objectContaining({ line: 2, column: 9, message: expect.stringContaining('one-line list') }) });
    expect(addPerson('people:\n  - {id: a, name: A}\n', hire)).toEqual({
      error: expect.objectContaining({ line: 2, message: expect.stringContaining('not a block mapping') }),
    });
  });
});

describe('setEnd', () => {
  it('adds end after start, keeping the keys after it, and replaces an end in place', () => {
    const added = edited(setEnd(example, 'amara-okafor', '2026-12-31'));
    expect(added.split('\n').filter((line, index) => line !== example.split('\n')[index])[0]).toBe('    end: 2026-12-31');
    expect(people(added).find((person) => person['id'] === 'amara-okafor')).toMatchObject({
      end: '2026-12-31',
      oncallOptOut: expect.any(Object),
    });
    const replaced = edited(setEnd(example, 'tomasz-wrobel', '2026-07-31'));
    expect(replaced).toBe(example.replace('end: 2026-06-30', 'end: 2026-07-31'));
  });

  it('names a person who is not there', () => {
    expect(setEnd(example, 'nobody', '2026-12-31')).toEqual({
      error: expect.objectContaining({ message: 'no person with id "nobody" in people.yaml' }),
    });
  });
});

describe('removePeople', () => {
  it('deletes the entries with the comments right above them, and nothing else', () => {
    const after = edited(removePeople(example, new Set(['tomasz-wrobel', 'amara-okafor'])));
    expect(people(after).map((person) => person['id'])).toEqual(
      people(example)
        .map((person) => person['id'])
        .filter((id) => id !== 'tomasz-wrobel' && id !== 'amara-okafor'),
    );
    expect(after).not.toContain('Head of Platform');
    expect(after).not.toContain('Left the company');
    expect(after).toContain('# SRE lead;');
    expect(after).not.toMatch(/\n\n\n/);
    expect(after.startsWith(example.slice(0, example.indexOf('people:\n') + 8))).toBe(true);
  });
});
