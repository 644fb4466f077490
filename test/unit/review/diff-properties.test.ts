import fc from 'fast-check';
import { createActionCatalog } from '../../../src/model/iam/action-catalog';
import { checkGate, diffModels, isEmptyDiff, mirrorDiff } from '../../../src/review';
import { EMPTY_ACCESS } from '../../../src/review/access-set';
import { diffAccessSets } from '../../../src/review/diff-access';
import { diffSide } from '../../../src/review/diff-side';
import { actionExpander } from '../../../src/review/expand-action';
import { personDeltas } from '../../../src/review/person-delta';
import { buildSpec, modelSpec, reversedSpec } from '../../helpers/arbitrary-model';

// A few services, so `s3:*` and `ec2:Describe*` expand as they would with the real reference.
const catalog = createActionCatalog({
  s3: {
    getobject: { name: 'GetObject', accessLevel: 'Read' },
    putobject: { name: 'PutObject', accessLevel: 'Write' },
    listbucket: { name: 'ListBucket', accessLevel: 'List' },
  },
  eks: { describecluster: { name: 'DescribeCluster', accessLevel: 'Read' } },
  ec2: {
    describeinstances: { name: 'DescribeInstances', accessLevel: 'List' },
    describevpcs: { name: 'DescribeVpcs', accessLevel: 'List' },
  },
});

describe.each([
  ['with a catalog', { catalog }],
  ['without a catalog', {}],
])('the access diff of generated models, %s', (_label, options) => {
  it('is empty between a model and itself', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => isEmptyDiff(diffModels(buildSpec(spec), buildSpec(spec), options))),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the entries the model was built from', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => isEmptyDiff(diffModels(buildSpec(spec), buildSpec(reversedSpec(spec)), options))),
      { numRuns: 200 },
    );
  });

  it('read the other way is its mirror image: gained is lost, added is removed, from is to', () => {
    fc.assert(
      fc.property(modelSpec, modelSpec, (a, b) => {
        const base = buildSpec(a);
        const head = buildSpec(b);
        expect(diffModels(head, base, options)).toEqual(mirrorDiff(diffModels(base, head, options)));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic to the byte', () => {
    fc.assert(
      fc.property(
        modelSpec,
        modelSpec,
        (a, b) =>
          JSON.stringify(diffModels(buildSpec(a), buildSpec(b), options)) ===
          JSON.stringify(diffModels(buildSpec(reversedSpec(a)), buildSpec(reversedSpec(b)), options)),
      ),
      { numRuns: 200 },
    );
  });

  it('compares a person with unchanged roles only where those roles changed, with the result of comparing all their access', () => {
    fc.assert(
      fc.property(modelSpec, modelSpec, (a, b) => {
        const expand = actionExpander('catalog' in options ? options.catalog : undefined);
        const base = diffSide(buildSpec(a), expand);
        const head = diffSide(buildSpec(b), expand);
        const deltaOf = personDeltas(base, head);
        for (const id of new Set([...base.people.keys(), ...head.people.keys()])) {
          const from = base.people.get(id);
          const to = head.people.get(id);
          const full = diffAccessSets(
            from ? base.personAccess(from).access : EMPTY_ACCESS,
            to ? head.personAccess(to).access : EMPTY_ACCESS,
          );
          expect(deltaOf(from, to)).toEqual(full);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('takes everything of a removed person away and gives them nothing', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const [gone] = spec.people;
        if (!gone) return;
        const diff = diffModels(buildSpec(spec), buildSpec({ ...spec, people: spec.people.slice(1) }), options);
        const person = diff.people.find((candidate) => candidate.id === gone.id);
        expect(person?.change).toBe('removed');
        expect([person?.aws.gained, person?.aws.policiesGained, person?.oncall.joined]).toEqual([[], [], []]);
        expect(person?.github.repositories.every((repository) => repository.to === undefined)).toBe(true);
        expect(diff.people.map((candidate) => candidate.id)).toEqual([gone.id]);
        // Denies go with the access they narrowed: a leaver's change is never a gain, so it passes the gate.
        expect(diff.risks.filter((item) => ['access-gained', 'deny-removed', 'owner-added'].includes(item.kind))).toEqual([]);
        expect(checkGate(diff, 'low').failed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
