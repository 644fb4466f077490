import { headingTokens } from './heading-tokens';
import type { SectionKind, SectionVocabulary } from './types';

/**
 * Heading phrases that give a section its kind. A heading takes the kind of the longest phrase it contains
 * (see `classifyHeading`), so "purpose of the area" (other) wins over nothing and "purpose of the position"
 * (duties) needs no generic "purpose" entry. `#` stands for any number.
 */
export const DEFAULT_SECTION_VOCABULARY: SectionVocabulary = {
  duties: [
    'responsibilities',
    'responsible for',
    'accountabilities',
    'duties',
    'main duties',
    'key activities',
    'activities',
    'tasks',
    'purpose of the position',
    'purpose of the role',
    'purpose of the job',
    'what the job involves',
    'the job involves',
    'what you will do',
    "what you'll do",
    'what you will be doing',
    "what you'll be doing",
    'what you will work on',
    'day to day',
    'a day in the life',
    'in this role you will',
    'about the role',
    'the role',
    'your role',
    'your mission',
    'the team today',
    'the team tomorrow',
    'challenges',
    'onwards',
    'first # months',
    'first # days',
    'first # weeks',
  ],
  requirements: [
    'requirements',
    'skills',
    'key skills',
    'qualifications',
    'basics you need',
    'what you need',
    'what you bring',
    'what we are looking for',
    "what we're looking for",
    'what we look for',
    'who you are',
    'about you',
    'your profile',
    'experience',
    'competencies',
    'must have',
    'nice to have',
    'desirable',
    'preferred',
    'bonus points',
    'ideal candidate',
  ],
  other: [
    'about us',
    'who we are',
    'about the company',
    'about your team',
    'about the team',
    'purpose of the area',
    'identification',
    'definitions',
    'performance standards',
    'values',
    'rules of behavior',
    'rules of behaviour',
    'what we care about',
    'benefits',
    'perks',
    'what we offer',
    'compensation',
    'salary',
    'process',
    'hiring process',
    'interview process',
    'how to apply',
    'equal opportunity',
    'diversity',
    'culture',
    'location',
  ],
};

const KINDS: readonly SectionKind[] = ['duties', 'requirements', 'other'];

function phraseKey(phrase: string): string {
  return headingTokens(phrase).join(' ');
}

/**
 * Extends a vocabulary with extra phrases (from org.yaml). A phrase given in `extra` takes its kind from
 * `extra`, even when `base` files it under another kind, so a team can move "the role" to `other`.
 */
export function mergeVocabulary(base: SectionVocabulary, extra: Partial<SectionVocabulary>): SectionVocabulary {
  const claimed = new Map<string, SectionKind>();
  for (const kind of KINDS) {
    for (const phrase of extra[kind] ?? []) claimed.set(phraseKey(phrase), kind);
  }
  const merged = (kind: SectionKind): readonly string[] => {
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
  return { duties: merged('duties'), requirements: merged('requirements'), other: merged('other') };
}
