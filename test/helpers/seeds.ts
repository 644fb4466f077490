import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Folder of the seed job descriptions, beside the project root. A clone without it still runs the
 * suite: the seed tests are skipped with a visible line, unless ROLECALL_REQUIRE_SEEDS=1 (CI sets it),
 * which turns the missing folder into a failing test.
 */
export const SEEDS_DIR = path.resolve(__dirname, '../../../shared/seeds');

/** The seed files, by a short name used in test titles. */
export const SEED_FILES = {
  '000': '000_89da86671658412b.txt',
  '001': '001_cc9c3fe27c2cd4dc.txt',
  '002': '002_d0ff996159fdbdb7.txt',
  '003': '003_21b2e3dd9ad680a4.txt',
  '004': '004_0df1fa43d1f3e8a1.txt',
} as const;

/** A seed's short name. */
export type SeedName = keyof typeof SEED_FILES;

/** True when every seed file is there. */
export const SEEDS_PRESENT = Object.values(SEED_FILES).every((file) => existsSync(path.join(SEEDS_DIR, file)));

const REQUIRED = process.env.ROLECALL_REQUIRE_SEEDS === '1';

let announced = false;

/** `it`, or `it.skip` with one visible line when the seeds are missing and not required. */
export function seedIt(): jest.It {
  if (SEEDS_PRESENT || REQUIRED) return it;
  if (!announced) {
    announced = true;
    process.stderr.write(
      `seed tests skipped: no seed job descriptions in ${path.relative(process.cwd(), SEEDS_DIR)} (ROLECALL_REQUIRE_SEEDS=1 makes this a failure)\n`,
    );
  }
  return it.skip;
}

/** `describe` for a block that reads seeds: skipped when they are missing, failing when they are required. */
export function describeSeeds(title: string, body: () => void): void {
  if (SEEDS_PRESENT) return describe(title, body);
  if (REQUIRED)
    return describe(title, () =>
      it('needs the seed job descriptions beside the project', () => expect(SEEDS_DIR).toBe('a folder holding every seed')),
    );
  // The body is not run: a block may read seeds while its tests are being collected.
  seedIt()(`${title}: needs the seed job descriptions`, () => undefined);
}

/** Reads one seed job description as UTF-8. */
export function readSeed(name: SeedName): string {
  return readFileSync(path.join(SEEDS_DIR, SEED_FILES[name]), 'utf8');
}
