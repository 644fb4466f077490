import { headingTokens } from './heading-tokens';
import { SECTION_KINDS, type SectionVocabulary, type VocabularyKind } from './types';

/**
 * Words and phrases that give a section its kind (see `classifyHeading`). A single word is a head noun:
 * it counts where a heading names its subject ("Key objectives", "Perks of the role" has the head
 * "perks"), never in what follows "of", "for", "in" ("the role" in "Benefits of the role" says nothing).
 * A phrase counts when it starts in that head part, so "purpose of the area" (context) beats "purpose"
 * (duties). Words are compared after folding: lower case, plurals singular, "you'll" is "you will",
 * `#` stands for any number.
 */
export const DEFAULT_SECTION_VOCABULARY: SectionVocabulary = {
  duties: [
    'responsibilities',
    'responsible for',
    'accountabilities',
    'duties',
    'tasks',
    'activities',
    'objectives',
    'key results',
    'outcomes',
    'deliverables',
    'expectations of the role',
    'purpose',
    'purpose of the position',
    'purpose of the role',
    'purpose of the job',
    'impact',
    'your impact',
    'mission',
    'your mission',
    'what the job involves',
    'the job involves',
    'what you will do',
    'what you will be doing',
    'what you will work on',
    'you will',
    'you will be',
    'in this role',
    'in the role',
    'on the job',
    'day to day',
    'a day in the life',
    'the role',
    'about the role',
    'your role',
    'role overview',
    'the job',
    'the position',
    'the team today',
    'the team tomorrow',
    'onwards',
    'first # months',
    'first # days',
    'first # weeks',
    'focus areas',
    'areas of focus',
    'scope',
    'ownership',
    'what you will own',
  ],
  requirements: [
    'requirements',
    'skills',
    'qualifications',
    'qualities',
    'competencies',
    'experience',
    'profile',
    'basics you need',
    'what you need',
    'what you will need',
    'what you bring',
    'what you will bring',
    'what we are looking for',
    'what we look for',
    'we are looking for',
    'who you are',
    'about you',
    'your profile',
    'must have',
    'nice to have',
    'desirable',
    'preferred',
    'bonus points',
    'bonus point',
    'ideal candidate',
    'candidate',
    'what we expect',
    'you have',
    'you are',
    'knowledge',
    'education',
  ],
  context: [
    'challenges',
    'purpose of the area',
    'purpose of the team',
    'purpose of the department',
    'the team',
    'our team',
    'your team',
    'about the team',
    'about your team',
    'the problem',
    'context',
    'background',
    'where you fit',
    'who you will work with',
    'tech stack',
    'our stack',
    'stack',
    'tools we use',
    'technology',
  ],
  benefits: [
    'benefits',
    'perks',
    'what we offer',
    'we offer',
    'compensation',
    'salary',
    'pay',
    'pay grade',
    'pay range',
    'salary range',
    'salary band',
    'rewards',
    'package',
    'remuneration',
    'holidays',
    'vacation',
    'pension',
    'equity',
    'working hours',
    'why join us',
    'why work with us',
    'in return',
  ],
  process: [
    'process',
    'hiring process',
    'interview process',
    'recruitment',
    'how to apply',
    'apply',
    'application',
    'next steps',
    'questions',
    'contact',
    'interested',
    'timeline',
    'how we hire',
  ],
  about: [
    'about us',
    'who we are',
    'about the company',
    'company',
    'our company',
    'our purpose',
    'our mission',
    'identification',
    'definitions',
    'performance standards',
    'values',
    'our values',
    'rules of behavior',
    'rules of behaviour',
    'what we care about',
    'equal opportunity',
    'diversity',
    'inclusion',
    'culture',
    'location',
    'office',
    'the office',
    'remote',
    'at a glance',
    'in detail',
    'overview',
    'summary',
    'introduction',
    'legal',
    'privacy',
    'disclaimer',
  ],
};

function phraseKey(phrase: string): string {
  return headingTokens(phrase).join(' ');
}

/**
 * Extends a vocabulary with extra phrases (from org.yaml). A phrase given in `extra` takes its kind from
 * `extra`, even when `base` files it under another kind, so a team can move "challenges" to `duties`.
 */
export function mergeVocabulary(base: SectionVocabulary, extra: Partial<SectionVocabulary>): SectionVocabulary {
  const claimed = new Map<string, VocabularyKind>();
  for (const kind of SECTION_KINDS) {
    for (const phrase of extra[kind] ?? []) claimed.set(phraseKey(phrase), kind);
  }
  const merged = (kind: VocabularyKind): readonly string[] => {
    const seen = new Set<string>();
    const phrases: string[] = [];
    for (const phrase of [...base[kind], ...(extra[kind] ?? [])]) {
      const key = phraseKey(phrase);
      const owner = claimed.get(key) ?? kind;
      if (key.length === 0 || owner !== kind || seen.has(key)) continue;
      seen.add(key);
      phrases.push(phrase);
    }
    return phrases;
  };
  return Object.fromEntries(SECTION_KINDS.map((kind) => [kind, merged(kind)])) as unknown as SectionVocabulary;
}

/** org.yaml `jdSections`: phrases by kind, `other` being the older name of `about`. */
export type ReaderSections = Partial<Record<VocabularyKind | 'other', readonly string[]>>;

/**
 * The vocabulary every reader of an organisation's JDs uses (`validate`, `jd parse`, `jd draft`): the
 * built-in one extended with org.yaml `jdSections`.
 */
export function readerVocabulary(sections: ReaderSections | undefined): SectionVocabulary {
  if (sections === undefined) return DEFAULT_SECTION_VOCABULARY;
  const { other = [], about = [], ...rest } = sections;
  return mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { ...rest, about: [...about, ...other] });
}
