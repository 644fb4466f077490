import { createHash } from 'node:crypto';

/**
 * Jump consistent hash (Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm", 2014,
 * https://arxiv.org/abs/1406.2294): a key's bucket among `n` buckets, such that going from `n` to
 * `n + 1` buckets moves a key only into the new bucket, and about `1/(n+1)` of the keys move. Pure
 * arithmetic on the key: no table, nothing stored, the same on every machine.
 */

const MASK_64 = (1n << 64n) - 1n;
const MULTIPLIER = 2862933555777941757n;
const TWO_TO_31 = 2 ** 31;

/** The 64-bit key a person is placed by: the first eight bytes of sha256 of their id, big-endian. */
export function shardKey(personId: string): bigint {
  return createHash('sha256').update(personId, 'utf8').digest().readBigUInt64BE(0);
}

/**
 * A key's walk through its jump points: the key is in `bucket` for every bucket count from
 * `bucket + 1` up to `next`, and in `next` from `next + 1` buckets on. Walking is how the smallest
 * bucket count that fits is found without placing every key again for each count.
 */
export class JumpWalk {
  /** The key's bucket while there are at most {@link next} buckets. */
  public bucket = 0;
  /** The bucket the key jumps to once there are more buckets than this number. */
  public next: number;
  private state: bigint;

  constructor(key: bigint) {
    this.state = key & MASK_64;
    this.next = this.step();
  }

  /** Moves the key to its next jump point. */
  advance(): void {
    this.bucket = this.next;
    this.next = this.step();
  }

  private step(): number {
    // The reference's 64-bit linear congruential step, then a double division, truncated.
    this.state = (this.state * MULTIPLIER + 1n) & MASK_64;
    return Math.floor((this.bucket + 1) * (TWO_TO_31 / (Number(this.state >> 33n) + 1)));
  }
}

/** The bucket, from 0 to `buckets - 1`, of `key` among `buckets` buckets. */
export function jumpHash(key: bigint, buckets: number): number {
  if (!Number.isInteger(buckets) || buckets < 1)
    throw new Error(`jumpHash: expected a whole number of buckets of at least 1, got ${buckets}`);
  const walk = new JumpWalk(key);
  while (walk.next < buckets) walk.advance();
  return walk.bucket;
}
