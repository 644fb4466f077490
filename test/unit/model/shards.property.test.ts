import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { jumpHash, shardKey } from '../../../src/model/layout/jump-hash';
import { planShards, smallestCommonShardCount, smallestShardCount } from '../../../src/model/layout/shards';
import { shardResources, type PersonLoad } from '../../../src/model/layout/stack-resources';
import type { AccessModel } from '../../../src/model/types';
import { DEFAULT_FIXTURE, fixtureModel, type FixturePerson } from '../../helpers/fixture-model';

/** Buckets from the reference C implementation of the paper (g++, x86-64), as key, buckets, bucket. */
const REFERENCE: readonly (readonly [bigint, number, number])[] = [
  [0n, 1000, 0],
  [1n, 10, 6],
  [1n, 99, 55],
  [1n, 1000, 549],
  [1n, 65536, 21134],
  [1n, 2147483647, 262355607],
  [42n, 2, 1],
  [42n, 3, 2],
  [42n, 10, 2],
  [42n, 1000, 571],
  [3735928559n, 10, 5],
  [3735928559n, 65536, 64244],
  [18446744073709551615n, 10, 9],
  [18446744073709551615n, 1000, 313],
  [9223372036854775808n, 3, 1],
  [9223372036854775808n, 2147483647, 1119800965],
  [1234567890123456789n, 100, 96],
  [1234567890123456789n, 65536, 5233],
];

const ROLES = DEFAULT_FIXTURE.roles.map((role) => role.id);
const key = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const personIds = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,5})?$/), { minLength: 1, maxLength: 40 });

/** A person whose roles follow from their id alone, so that nobody's access changes when others come or go. */
function person(id: string): FixturePerson {
  const code = [...id].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  const roles = [ROLES[code % ROLES.length], ROLES[(code >> 2) % ROLES.length]].filter((role): role is string => role !== undefined);
  return { id, name: `Person ${id}`, email: `${id}@example.com`, github: `gh-${id}`, roles: [...new Set(roles)], start: '2020-01-06' };
}

function modelOf(ids: readonly string[]): AccessModel {
  return fixtureModel({ people: ids.map((id) => person(id)), owners: [] });
}

/** Every person's shard stack in every family of the plan, by family base stack then person id. */
function placements(model: AccessModel, shards: number): Map<string, string> {
  const placed = new Map<string, string>();
  for (const family of planShards(model, { maxResources: 1_000, shards }).families) {
    family.shards.forEach((shard, index) => shard.people.forEach((id) => placed.set(`${family.base.stack}/${id}`, String(index))));
  }
  return placed;
}

describe('jump consistent hash', () => {
  it.each(REFERENCE)('puts key %s among %i buckets in bucket %i, as the reference implementation does', (value, buckets, bucket) => {
    expect(jumpHash(value, buckets)).toBe(bucket);
  });

  it('keys a person by the first eight bytes of sha256 of their id', () => {
    expect(shardKey('amara-okafor').toString(16).padStart(16, '0')).toBe(
      createHash('sha256').update('amara-okafor').digest('hex').slice(0, 16),
    );
    expect(shardKey('amara-okafor')).toBe(0x98c4_f12b_4e8c_3930n);
  });

  it('keeps every key in its bucket or moves it into the new one when a bucket is added', () => {
    fc.assert(
      fc.property(key, fc.integer({ min: 1, max: 5_000 }), (value, buckets) => {
        const before = jumpHash(value, buckets);
        const after = jumpHash(value, buckets + 1);
        expect(before).toBeLessThan(buckets);
        expect([before, buckets]).toContain(after);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('people shards (pinned count)', () => {
  it('never moves anyone else when a person is added or removed', () => {
    fc.assert(
      fc.property(personIds, fc.integer({ min: 1, max: 12 }), fc.nat(), (ids, shards, pick) => {
        const removed = ids[pick % ids.length] ?? '';
        const all = placements(modelOf(ids), shards);
        const without = placements(modelOf(ids.filter((id) => id !== removed)), shards);
        for (const [entry, shard] of without) expect({ entry, shard }).toEqual({ entry, shard: all.get(entry) });
        expect([...all.keys()].filter((entry) => !without.has(entry)).every((entry) => entry.endsWith(`/${removed}`))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('only moves people into the new shard when one is added', () => {
    fc.assert(
      fc.property(personIds, fc.integer({ min: 1, max: 30 }), (ids, shards) => {
        const before = placements(modelOf(ids), shards);
        const after = placements(modelOf(ids), shards + 1);
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [entry, shard] of after) expect([before.get(entry), String(shards)]).toContain(shard);
      }),
      { numRuns: 60 },
    );
  });

  it('numbers the shard stacks from 01, two digits until the hundredth', () => {
    const plan = planShards(modelOf(['a', 'b']), { maxResources: 1_000, shards: 100 });
    const names = plan.families.find((family) => family.base.stack === 'github')?.shards.map((shard) => shard.stack) ?? [];
    expect(names.slice(0, 2)).toEqual(['github-people-01', 'github-people-02']);
    expect(names.slice(-2)).toEqual(['github-people-99', 'github-people-100']);
  });
});

describe('people shards (count chosen)', () => {
  const loads = fc.uniqueArray(
    fc.record({
      personId: fc.stringMatching(/^[a-z]{1,6}$/),
      resources: fc.integer({ min: 1, max: 6 }),
      lookups: fc.uniqueArray(fc.constantFrom('g1', 'g2', 'g3', 'g4'), { maxLength: 3 }).map((groups) => groups.sort()),
    }),
    { selector: (load) => load.personId, maxLength: 60 },
  );

  it('chooses the smallest count whose every shard fits, as placing everyone again for each count would', () => {
    fc.assert(
      fc.property(loads, fc.integer({ min: 1, max: 40 }), (people: PersonLoad[], max) => {
        const fits = (count: number): boolean => {
          const shards: PersonLoad[][] = Array.from({ length: count }, () => []);
          for (const load of people) shards[jumpHash(shardKey(load.personId), count)]?.push(load);
          return shards.every((shard) => shardResources(shard) <= max);
        };
        let brute: number | undefined;
        for (let count = 1; count <= 200 && brute === undefined; count++) if (fits(count)) brute = count;
        const found = smallestShardCount(people, max);
        if (brute !== undefined) expect(found).toBe(brute);
        else expect(found === undefined || found > 200).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds, for a pinned count, the smallest that fits every family at once, or none', () => {
    fc.assert(
      fc.property(fc.array(loads, { minLength: 1, maxLength: 3 }), fc.integer({ min: 6, max: 40 }), (families: PersonLoad[][], max) => {
        const fitsAll = (count: number): boolean =>
          families.every((people) => {
            const shards: PersonLoad[][] = Array.from({ length: count }, () => []);
            for (const load of people) shards[jumpHash(shardKey(load.personId), count)]?.push(load);
            return shards.every((shard) => shardResources(shard) <= max);
          });
        const found = smallestCommonShardCount(families, max);
        if (found === undefined) return;
        expect(fitsAll(found)).toBe(true);
        for (let count = 1; count < found; count++) expect({ count, fits: fitsAll(count) }).toEqual({ count, fits: false });
      }),
      { numRuns: 200 },
    );
  });

  it('plans shards that each fit, counting the resources of everyone placed there', () => {
    const model = modelOf(Array.from({ length: 40 }, (_, index) => `p${index}`));
    const plan = planShards(model, { maxResources: 12 });
    for (const family of plan.families) {
      expect(family.shards.length).toBeGreaterThan(1);
      for (const shard of family.shards) expect(shard.resources).toBeLessThanOrEqual(12);
      const placed = family.shards.flatMap((shard) => shard.people);
      expect(new Set(placed).size).toBe(placed.length);
    }
  });

  it('keeps one shard, empty or not, when everyone fits in it', () => {
    const plan = planShards(modelOf(['a']), { maxResources: 1_000 });
    expect(plan.families.map((family) => family.shards.length)).toEqual(plan.families.map(() => 1));
    expect(plan.pinned).toBeUndefined();
  });
});
