import { MAX_SHARDS, type StacksConfig } from '../../schema/org';
import { jumpHash, JumpWalk, shardKey } from './jump-hash';
import { peopleShardStackName } from './stack-names';
import { shardResources, stackFamilyLoads, type PersonLoad, type StackFamilyKind } from './stack-resources';
import type { AccessModel } from '../types';

/**
 * Where every per-person resource goes when org.yaml has a `stacks:` block. A person's shard is the jump
 * consistent hash of their id among the family's shard count, so with the count fixed, adding or
 * removing a person never moves anyone else, and one more shard only moves people into the new one.
 * Pure: the same model and block give the same plan on every machine.
 */

/** One people shard stack and what it holds. */
export interface PeopleShard {
  /** Stack name, e.g. `aws-prod-people-03`. */
  readonly stack: string;
  /** People placed here who have a resource in the family, sorted by id. */
  readonly people: readonly string[];
  /** Resources (data sources included) the stack holds. */
  readonly resources: number;
}

/** A base stack and its people shards. */
export interface StackFamilyPlan {
  readonly kind: StackFamilyKind;
  /** The account, for an `aws-account` family. */
  readonly account?: string;
  readonly base: { readonly stack: string; readonly resources: number };
  /** The shards, `01` first; as many as the plan's count, empty ones too (their stacks must stay to be emptied). */
  readonly shards: readonly PeopleShard[];
  /** The person whose resources alone are the most a shard holds for one person, when anyone has one. */
  readonly largest?: { readonly personId: string; readonly resources: number };
}

/** Every sharded family of stacks. */
export interface ShardPlan {
  readonly maxResources: number;
  /** The pinned shard count (org.yaml `stacks.shards`), when there is one. */
  readonly pinned?: number;
  readonly families: readonly StackFamilyPlan[];
}

/**
 * Plans the stacks of `model` under org.yaml's `stacks:` block: `config.shards` people shards per
 * family when pinned, else per family the smallest count whose every shard fits `maxResources` (or
 * {@link MAX_SHARDS} when none does, which `checkShards` reports).
 */
export function planShards(model: AccessModel, config: StacksConfig): ShardPlan {
  const keys = new Map<string, bigint>();
  const keyOf = (personId: string): bigint => {
    let key = keys.get(personId);
    if (key === undefined) keys.set(personId, (key = shardKey(personId)));
    return key;
  };
  const families = stackFamilyLoads(model).map((family): StackFamilyPlan => {
    const count = config.shards ?? smallestShardCount(family.people, config.maxResources, keyOf) ?? MAX_SHARDS;
    const placed: PersonLoad[][] = Array.from({ length: count }, () => []);
    for (const person of family.people) placed[jumpHash(keyOf(person.personId), count)]?.push(person);
    const largest = family.people
      .map((person) => ({ personId: person.personId, resources: shardResources([person]) }))
      .reduce<{ personId: string; resources: number } | undefined>(
        (top, person) => (top && top.resources >= person.resources ? top : person),
        undefined,
      );
    return {
      kind: family.kind,
      ...(family.account !== undefined ? { account: family.account } : {}),
      base: { stack: family.base, resources: family.baseResources },
      shards: placed.map((people, index) => ({
        stack: peopleShardStackName(family.base, index),
        people: people.map((person) => person.personId),
        resources: shardResources(people),
      })),
      ...(largest ? { largest } : {}),
    };
  });
  return { maxResources: config.maxResources, ...(config.shards !== undefined ? { pinned: config.shards } : {}), families };
}

/**
 * The smallest shard count, at most {@link MAX_SHARDS}, at which every shard of `people` holds at most
 * `max` resources; undefined when there is none. Counts are tried in turn, but people are not placed
 * again for each: each person's jump walk says at which count they move, and only those who move are
 * taken out of one shard and put in the new one, so the search costs about one step per person per
 * jump (the logarithm of the count), not one placement per person per count.
 */
export function smallestShardCount(
  people: readonly PersonLoad[],
  max: number,
  keyOf: (personId: string) => bigint = shardKey,
): number | undefined {
  const shards = [new ShardLoad()];
  const due = new Map<number, { person: PersonLoad; walk: JumpWalk }[]>();
  const schedule = (entry: { person: PersonLoad; walk: JumpWalk }): void => {
    // A walk that jumps at count `next` moves when there are `next + 1` shards: only counts tried matter.
    if (entry.walk.next >= MAX_SHARDS) return;
    const list = due.get(entry.walk.next);
    if (list) list.push(entry);
    else due.set(entry.walk.next, [entry]);
  };
  for (const person of people) {
    shards[0]?.add(person);
    schedule({ person, walk: new JumpWalk(keyOf(person.personId)) });
  }
  let over = shards.filter((shard) => shard.resources() > max).length;
  for (let count = 1; ; count++) {
    if (over === 0) return count;
    if (count === MAX_SHARDS) return undefined;
    const fresh = new ShardLoad();
    shards.push(fresh);
    for (const entry of due.get(count) ?? []) {
      const from = shards[entry.walk.bucket];
      if (!from) throw new Error(`internal: shard ${entry.walk.bucket} of ${count} missing`);
      const was = from.resources() > max;
      from.remove(entry.person);
      if (was && from.resources() <= max) over -= 1;
      entry.walk.advance();
      fresh.add(entry.person);
      schedule(entry);
    }
    due.delete(count);
    if (fresh.resources() > max) over += 1;
  }
}

/** How far past the largest per-family count {@link smallestCommonShardCount} looks. */
const COMMON_SEARCH = 64;

/**
 * The smallest shard count at which every family's shards fit `max`, as one pinned `stacks.shards`
 * applies to all of them; undefined when none is found. Fitting is not monotone in the count (a new
 * shard takes people from all the others, and can itself overflow), so counts from the largest of the
 * families' own smallest counts are tried in turn, placing everyone again, for at most
 * {@link COMMON_SEARCH} more.
 */
export function smallestCommonShardCount(
  families: readonly (readonly PersonLoad[])[],
  max: number,
  keyOf: (personId: string) => bigint = shardKey,
): number | undefined {
  let from = 1;
  for (const people of families) {
    const count = smallestShardCount(people, max, keyOf);
    if (count === undefined) return undefined;
    from = Math.max(from, count);
  }
  const fits = (count: number): boolean =>
    families.every((people) => {
      const placed: PersonLoad[][] = Array.from({ length: count }, () => []);
      for (const person of people) placed[jumpHash(keyOf(person.personId), count)]?.push(person);
      return placed.every((shard) => shardResources(shard) <= max);
    });
  for (let count = from; count <= Math.min(MAX_SHARDS, from + COMMON_SEARCH); count++) if (fits(count)) return count;
  return undefined;
}

/** The running resource count of one shard while people come and go. */
class ShardLoad {
  private own = 0;
  private readonly lookups = new Map<string, number>();

  add(person: PersonLoad): void {
    this.own += person.resources;
    for (const lookup of person.lookups) this.lookups.set(lookup, (this.lookups.get(lookup) ?? 0) + 1);
  }

  remove(person: PersonLoad): void {
    this.own -= person.resources;
    for (const lookup of person.lookups) {
      const left = (this.lookups.get(lookup) ?? 0) - 1;
      if (left > 0) this.lookups.set(lookup, left);
      else this.lookups.delete(lookup);
    }
  }

  resources(): number {
    return this.own + this.lookups.size;
  }
}
