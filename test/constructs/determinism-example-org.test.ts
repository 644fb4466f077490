import fc from 'fast-check';
import { isSeq, parseDocument } from 'yaml';
import { loadModel } from '../../src/pipeline/load-model';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../helpers/roles-dir';
import { synthApp } from '../helpers/synth-app';

function synthesize(copy: RolesCopy): Map<string, string> {
  const loaded = loadModel(copy.dir, '2026-11-22', 'roles');
  if (!loaded.model) throw new Error('example org invalid');
  return new Map(synthApp(loaded.model).files);
}

/** Reorders the list at `path` of a YAML file with a seeded shuffle, keeping comments with their entries. */
function shuffle(copy: RolesCopy, file: string, path: readonly (string | number)[], seed: number): void {
  const doc = parseDocument(copy.read(file));
  const node = doc.getIn(path, true);
  if (!isSeq(node)) throw new Error(`${file}: ${path.join('.')} is not a list`);
  let state = seed;
  const items = [...node.items];
  for (let index = items.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [items[index], items[other]] = [items[other], items[index]];
  }
  node.items = items;
  copy.write(file, doc.toString());
}

describe('synthesis of the example org', () => {
  const baseline = (() => {
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      return synthesize(copy);
    } finally {
      copy.remove();
    }
  })();

  it('is byte-identical across runs', () => {
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      expect(synthesize(copy)).toEqual(baseline);
    } finally {
      copy.remove();
    }
  });

  it('is byte-identical whatever the order of people, capabilities, rotations, duties and roles of a person', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const copy = copyRoles(EXAMPLE_ROLES);
        try {
          shuffle(copy, 'people.yaml', ['people'], seed);
          shuffle(copy, 'capabilities.yaml', ['capabilities'], seed + 1);
          shuffle(copy, 'capabilities.yaml', ['rotations'], seed + 2);
          shuffle(copy, 'site-reliability-engineer.yaml', ['duties'], seed + 3);
          shuffle(copy, 'people.yaml', ['people', 0, 'roles'], seed + 4);
          shuffle(copy, 'org.yaml', ['github', 'owners'], seed + 5);
          expect(synthesize(copy)).toEqual(baseline);
        } finally {
          copy.remove();
        }
      }),
      { numRuns: 8, seed: 77 },
    );
  });
});
