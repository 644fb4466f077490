import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import type { AccessModel } from '../../../src/model/types';
import { loadModel } from '../../../src/pipeline/load-model';
import { diffModels } from '../../../src/review';
import { copyRoles, EXAMPLE_ROLES } from '../../helpers/roles-dir';

/**
 * `diff` loads both sides in one process, and files the sides share give both models the same objects,
 * which lets the diff skip roles that certainly did not change. It must say exactly what it says of two
 * models that share nothing (the head copied through JSON), whatever the edit.
 */
const AS_OF = '2026-11-22';
const catalog = loadActionCatalog();

const edits: [string, (copy: ReturnType<typeof copyRoles>) => void][] = [
  [
    'a hire',
    (copy) =>
      copy.edit(
        'people.yaml',
        /(\npeople:\n)/,
        '$1  - id: new-hire\n    name: New Hire\n    email: new.hire@northwindlabs.example\n    github: new-hire-gh\n    roles: [site-reliability-engineer]\n    start: 2026-01-05\n',
      ),
  ],
  [
    'a widened capability',
    (copy) =>
      copy.edit(
        'capabilities.yaml',
        'actions: [s3:ListBucket, s3:GetBucketVersioning]',
        'actions: [s3:ListBucket, s3:GetBucketVersioning, s3:DeleteBucket]',
      ),
  ],
  [
    'a reworded duty',
    (copy) => {
      const role = copy.read('site-reliability-engineer.yaml');
      const quote = /quote: "([^"]+)"/.exec(role)?.[1] ?? /quote: (.+)/.exec(role)?.[1];
      if (!quote) throw new Error('test setup: no quote');
      copy.edit('site-reliability-engineer.yaml', quote, quote.slice(0, Math.max(12, Math.floor(quote.length / 2))).trimEnd());
    },
  ],
  [
    'an account id',
    (copy) => {
      const id = /id: '(\d{12})'/.exec(copy.read('org.yaml'))?.[1] ?? '';
      copy.edit('org.yaml', new RegExp(id, 'g'), `${id.slice(0, 11)}${id.endsWith('9') ? '8' : '9'}`);
    },
  ],
];

describe.each(edits)('a diff between models that share objects: %s', (_what, edit) => {
  it('is the diff between models that share none', () => {
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      const base = loadModel(copy.dir, AS_OF, 'roles').model;
      edit(copy);
      const head = loadModel(copy.dir, AS_OF, 'roles').model;
      if (!base || !head) throw new Error('test setup: a side does not load');
      const unshared = JSON.parse(JSON.stringify(head)) as AccessModel;
      const diff = diffModels(base, head, { catalog });
      expect(diff).toEqual(diffModels(base, unshared, { catalog }));
      expect(
        diff.people.length +
          diff.roles.length +
          diff.capabilities.length +
          diff.justifications.duties.length +
          diff.justifications.rejustified.length +
          diff.settings.length,
      ).toBeGreaterThan(0);
    } finally {
      copy.remove();
    }
  });
});

it('shares the grant targets of unchanged capabilities between the two models, so the short cut is taken', () => {
  const copy = copyRoles(EXAMPLE_ROLES);
  try {
    const base = loadModel(copy.dir, AS_OF, 'roles').model;
    edits[0]?.[1](copy);
    const head = loadModel(copy.dir, AS_OF, 'roles').model;
    const target = (model: AccessModel | undefined) =>
      model?.roles.find((role) => role.id === 'site-reliability-engineer')?.grants[0]?.target;
    expect(target(head)).toBeDefined();
    expect(target(head)).toBe(target(base));
  } finally {
    copy.remove();
  }
});
