import { classifyHeading, DEFAULT_SECTION_VOCABULARY, mergeVocabulary } from '../../../src/jd';
import type { SectionKind } from '../../../src/jd';
import { headingTokens } from '../../../src/jd/heading-tokens';

describe('classifyHeading with the default vocabulary', () => {
  it.each<[string, SectionKind]>([
    ['Responsibilities', 'duties'],
    ['KEY ACTIVITIES', 'duties'],
    ['PURPOSE OF THE POSITION', 'duties'],
    ['What the job involves', 'duties'],
    ['Main duties for first 3 month', 'duties'],
    ['6 month and onwards', 'duties'],
    ['The Team Today', 'duties'],
    ['The Team Tomorrow', 'duties'],
    ['CHALLENGES', 'duties'],
    ["What you'll do", 'duties'],
    ['What You’ll Do', 'duties'],
    ['KEY SKILLS', 'requirements'],
    ['Requirements', 'requirements'],
    ['Qualifications', 'requirements'],
    ['What Are The Basics You Need', 'requirements'],
    ['About You', 'requirements'],
    ['Desirable', 'requirements'],
    ['Benefits', 'other'],
    ['VALUES AND RULES OF BEHAVIOR', 'other'],
    ['About The Process', 'other'],
    ['About us', 'other'],
    ['Who We Are', 'other'],
    ['PERFORMANCE STANDARDS', 'other'],
    ['Identification', 'other'],
    ['Definitions', 'other'],
    ['PURPOSE OF THE AREA', 'other'],
    ['About Your Team', 'other'],
    ['What We Care About', 'other'],
  ])('files "%s" under %s', (heading, kind) => {
    expect(classifyHeading(heading, DEFAULT_SECTION_VOCABULARY)?.kind).toBe(kind);
  });

  it.each(['Cloud Engineer', 'Job Description', 'Platform Engineer (job description)', 'Some of the services we run'])(
    'leaves "%s" unclassified',
    (heading) => {
      expect(classifyHeading(heading, DEFAULT_SECTION_VOCABULARY)).toBeUndefined();
    },
  );

  it('matches whole words, so "about you" does not match "About Your Team"', () => {
    expect(classifyHeading('About Your Team', DEFAULT_SECTION_VOCABULARY)?.phrase).toBe('about your team');
  });

  it('prefers the longest phrase', () => {
    expect(classifyHeading('Values and responsibilities of the team today', DEFAULT_SECTION_VOCABULARY)).toEqual({
      kind: 'duties',
      phrase: 'the team today',
    });
  });
});

describe('headingTokens', () => {
  it.each([
    ['Main duties for first 3 month', ['main', 'duty', 'for', 'first', '#', 'month']],
    ["What You'll Do", ['what', 'youll', 'do']],
    ['Responsibilities & Qualities', ['responsibility', 'quality']],
    ['Process', ['process']],
  ])('folds "%s"', (text, tokens) => {
    expect(headingTokens(text)).toEqual(tokens);
  });
});

describe('mergeVocabulary', () => {
  it('extends the defaults with extra phrases', () => {
    const vocabulary = mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { duties: ['on-call duties', 'Missionen'] });
    expect(classifyHeading('Missionen', vocabulary)?.kind).toBe('duties');
    expect(classifyHeading('Benefits', vocabulary)?.kind).toBe('other');
    expect(vocabulary.duties).toEqual(expect.arrayContaining([...DEFAULT_SECTION_VOCABULARY.duties, 'Missionen']));
  });

  it('moves a phrase to the kind the extra vocabulary gives it', () => {
    const vocabulary = mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { other: ['About the role'] });
    expect(classifyHeading('About the role', vocabulary)?.kind).toBe('other');
    expect(vocabulary.duties).not.toContain('about the role');
  });

  it('does not repeat a phrase already in the base', () => {
    const vocabulary = mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { requirements: ['Qualifications'] });
    expect(vocabulary.requirements.filter((phrase) => phrase.toLowerCase() === 'qualifications')).toHaveLength(1);
  });

  it('leaves the base untouched', () => {
    const before = JSON.stringify(DEFAULT_SECTION_VOCABULARY);
    mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { other: ['responsibilities'] });
    expect(JSON.stringify(DEFAULT_SECTION_VOCABULARY)).toBe(before);
  });
});
