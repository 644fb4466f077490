import { classifyHeading } from './classify-heading';
import { headingTokens } from './heading-tokens';
import { namesJobTitle } from './job-nouns';
import { repairText } from './repair-text';
import type { JdSection, SectionVocabulary } from './types';

/**
 * Titles that name the kind of document rather than the job. Compared word by word after the same folding
 * as headings, so "Job Advert", "job adverts" and "JOB-ADVERT" all count.
 */
const GENERIC_TITLES: ReadonlySet<string> = new Set(
  [
    'job description',
    'job descriptions',
    'jd',
    'job',
    'job advert',
    'job advertisement',
    'job ad',
    'advert',
    'job posting',
    'job post',
    'posting',
    'job offer',
    'job opening',
    'opening',
    'vacancy',
    'open position',
    'position',
    'role',
    'role description',
    'position description',
    'job spec',
    'job specification',
    'career',
    'careers',
    'hiring',
    'we are hiring',
    'were hiring',
    'join us',
    'untitled',
  ].map((title) => headingTokens(title).join(' ')),
);

/** "Position: Cloud Engineer", as written in an identification list. */
const LABELLED_TITLE = /^(?:position|job title|title|role)\s*:\s*(.+)$/i;
/** A trailing "(job description)" or "[JD]". */
const TRAILING_BRACKET = /\s*[([]([^()[\]]*)[)\]]\s*$/;
/** "Job Description: Cloud Engineer", "Cloud Engineer - Job Description". */
const SEPARATED = /^(.+?)\s+[-–—|]\s+(.+)$|^(.+?):\s+(.+)$/;

/** Whether a title names the kind of document ("job advert") rather than the job. */
export function isGenericTitle(title: string): boolean {
  return GENERIC_TITLES.has(headingTokens(title).join(' '));
}

/** Repairs a title and removes generic parts: "Platform Engineer (job description)" is "Platform Engineer". */
export function cleanTitle(title: string): string {
  let cleaned = repairText(title);
  const bracket = TRAILING_BRACKET.exec(cleaned);
  if (bracket !== null && isGenericTitle(bracket[1] ?? '')) cleaned = cleaned.slice(0, bracket.index).trim();
  const separated = SEPARATED.exec(cleaned);
  const left = separated?.[1] ?? separated?.[3];
  const right = separated?.[2] ?? separated?.[4];
  if (left !== undefined && right !== undefined) {
    if (isGenericTitle(left) && !isGenericTitle(right)) return right.trim();
    if (isGenericTitle(right) && !isGenericTitle(left)) return left.trim();
  }
  return cleaned;
}

/** What a document says about its own title. */
export interface TitleSources {
  /** The title a document declares: front matter `title`. */
  readonly declared?: string;
  /** Texts of the headings written as headings (`#`, `<h1>`), in document order. */
  readonly headings: readonly string[];
  readonly sections: readonly JdSection[];
}

/**
 * Picks the title of a job description: the declared title unless it is generic ("job advert"), then a
 * "Position: …" item, then the first written heading that is neither generic nor a section heading
 * ("Responsibilities") and names a job ("Engineering handbook" does not), then the first such heading
 * that names none, then the first heading at all, and finally the declared title however generic.
 */
export function pickTitle(sources: TitleSources, vocabulary: SectionVocabulary): string {
  const declared = sources.declared === undefined ? '' : cleanTitle(sources.declared);
  if (declared !== '' && !isGenericTitle(declared)) return declared;
  for (const section of sources.sections) {
    for (const item of section.items) {
      const label = LABELLED_TITLE.exec(item.text)?.[1]?.trim();
      if (label !== undefined && label.split(/\s+/).length <= 8 && !isGenericTitle(label)) return cleanTitle(label);
    }
  }
  const headings = sources.headings.map(cleanTitle).filter((heading) => heading !== '');
  const specific = headings.filter((heading) => !isGenericTitle(heading) && classifyHeading(heading, vocabulary) === undefined);
  return specific.find(namesJobTitle) ?? specific[0] ?? headings[0] ?? declared;
}
