import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseJobDescription } from '../../src/jd';
import type { JobDescription } from '../../src/jd';
import { PROJECT_ROOT } from './roles-dir';

/** The evaluation set: JDs written for it, each with what a careful reader finds in it. */
export const JD_EVAL_DIR = join(PROJECT_ROOT, 'test/fixtures/jd-eval');

/** What a reader should find for one role of an evaluation JD. */
export interface ExpectedRole {
  readonly anchor: string | null;
  readonly title: string;
  readonly duties: readonly string[];
  readonly capabilities: readonly string[];
}

/** One document of the set with its expectations. */
export interface EvalCase {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly roles: readonly ExpectedRole[];
}

/** What the reader found for one expected role. */
export interface FoundRole {
  readonly expected: ExpectedRole;
  readonly title: string | undefined;
  /** Duty texts found, undefined when the role itself was not found. */
  readonly duties: readonly string[];
}

/** Every case of the set, sorted by name. */
export function evalCases(): EvalCase[] {
  return readdirSync(JD_EVAL_DIR)
    .filter((name) => name.endsWith('.expected.yaml'))
    .sort()
    .map((expectedName) => {
      const name = expectedName.slice(0, -'.expected.yaml'.length);
      const file = readdirSync(JD_EVAL_DIR).find((candidate) => candidate.startsWith(`${name}.`) && candidate !== expectedName);
      if (file === undefined) throw new Error(`test setup: no document for ${expectedName}`);
      const expected = parse(readFileSync(join(JD_EVAL_DIR, expectedName), 'utf8')) as { roles: ExpectedRole[] };
      return { name, file, text: readFileSync(join(JD_EVAL_DIR, file), 'utf8'), roles: expected.roles };
    });
}

/** Text compared without case, punctuation or spacing: what a reader would call the same duty. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function dutiesOf(jd: Pick<JobDescription, 'sections'>): string[] {
  return jd.sections.filter((section) => section.kind === 'duties').flatMap((section) => section.items.map((item) => item.text));
}

/** Reads a case as `validate` would, and picks each expected role (by anchor on a page with several). */
export function readCase(evalCase: EvalCase): FoundRole[] {
  const jd = parseJobDescription(evalCase.text);
  return evalCase.roles.map((expected) => {
    if (expected.anchor === null) {
      return { expected, title: jd.roles.length === 0 ? jd.title : undefined, duties: jd.roles.length === 0 ? dutiesOf(jd) : [] };
    }
    const role = jd.roles.find((candidate) => candidate.anchor === expected.anchor);
    return { expected, title: role?.title, duties: role === undefined ? [] : dutiesOf(role) };
  });
}

/** Matches found against expected as multisets of comparable texts. */
export function matchCounts(found: readonly string[], expected: readonly string[]): { found: number; expected: number; matched: number } {
  const left = new Map<string, number>();
  for (const text of expected) left.set(comparable(text), (left.get(comparable(text)) ?? 0) + 1);
  let matched = 0;
  for (const text of found) {
    const count = left.get(comparable(text)) ?? 0;
    if (count > 0) {
      matched += 1;
      left.set(comparable(text), count - 1);
    }
  }
  return { found: found.length, expected: expected.length, matched };
}

/** Precision and recall of summed counts; 1 when there is nothing to find or nothing found. */
export function precisionRecall(counts: readonly { found: number; expected: number; matched: number }[]): {
  precision: number;
  recall: number;
} {
  const found = counts.reduce((sum, count) => sum + count.found, 0);
  const expected = counts.reduce((sum, count) => sum + count.expected, 0);
  const matched = counts.reduce((sum, count) => sum + count.matched, 0);
  return { precision: found === 0 ? 1 : matched / found, recall: expected === 0 ? 1 : matched / expected };
}
