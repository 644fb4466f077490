import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Folder of the seed job descriptions, beside the project root (see /work/shared/seeds/README.md). */
export const SEEDS_DIR = path.resolve(__dirname, '../../../../shared/seeds');

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

/** Reads one seed job description as UTF-8. */
export function readSeed(name: SeedName): string {
  return readFileSync(path.join(SEEDS_DIR, SEED_FILES[name]), 'utf8');
}
