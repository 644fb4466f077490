import { headingTokens } from './heading-tokens';

/**
 * Words of a heading that names a job ("Site Reliability Engineer", "Head of Data"): a heading that names
 * none is a page ("Engineering handbook") or a part of one role ("Reliability"), never a job title.
 */
const JOB_NOUNS: ReadonlySet<string> = new Set(
  [
    'engineer',
    'developer',
    'programmer',
    'architect',
    'administrator',
    'admin',
    'analyst',
    'scientist',
    'designer',
    'manager',
    'lead',
    'head',
    'director',
    'officer',
    'specialist',
    'consultant',
    'technician',
    'operator',
    'sre',
    'devops',
    'intern',
    'apprentice',
    'researcher',
    'tester',
    'owner',
    'coordinator',
    'strategist',
    'writer',
    'principal',
    'staff',
    'fellow',
    'advocate',
    'expert',
    'partner',
    'associate',
  ].map((noun) => headingTokens(noun).join(' ')),
);

/** Whether a title names a job: one of its words, outside brackets, is a job noun. */
export function namesJobTitle(title: string): boolean {
  return headingTokens(title.replace(/\([^)]*\)/g, ' ')).some((word) => JOB_NOUNS.has(word));
}
