import { classifyHeading, DEFAULT_SECTION_VOCABULARY, mergeVocabulary } from '../../../src/jd';
import type { VocabularyKind } from '../../../src/jd';
import { classifyItem } from '../../../src/jd/classify-heading';
import { headingTokens } from '../../../src/jd/heading-tokens';

describe('classifyHeading with the default vocabulary', () => {
  it.each<[string, VocabularyKind]>([
    ['Responsibilities', 'duties'],
    ['KEY ACTIVITIES', 'duties'],
    ['PURPOSE OF THE POSITION', 'duties'],
    ['What the job involves', 'duties'],
    ['Main duties for first 3 month', 'duties'],
    ['6 month and onwards', 'duties'],
    ['The Team Today', 'duties'],
    ['The Team Tomorrow', 'duties'],
    ["What you'll do", 'duties'],
    ['What You’ll Do', 'duties'],
    ['You will:', 'duties'],
    ['As a Platform Engineer you will', 'duties'],
    ['Key objectives', 'duties'],
    ['3. KEY OBJECTIVES', 'duties'],
    ['Purpose', 'duties'],
    ['Your impact', 'duties'],
    ['In this role', 'duties'],
    ['Your first 90 days', 'duties'],
    ['Tasks and Responsibilities of our Platform Team', 'duties'],
    ['KEY SKILLS', 'requirements'],
    ['Requirements', 'requirements'],
    ['Qualifications', 'requirements'],
    ['What Are The Basics You Need', 'requirements'],
    ['About You', 'requirements'],
    ['Desirable', 'requirements'],
    ['What we expect from candidates', 'requirements'],
    ['What you will bring to the team', 'requirements'],
    ['CHALLENGES', 'context'],
    ['PURPOSE OF THE AREA', 'context'],
    ['Purpose of the team', 'context'],
    ['About Your Team', 'context'],
    ['Benefits', 'benefits'],
    ['Benefits of the role', 'benefits'],
    ['Perks of the role', 'benefits'],
    ['Pay grade', 'benefits'],
    ['About The Process', 'process'],
    ['Apply', 'process'],
    ['Apply for this job', 'process'],
    ['Our hiring process', 'process'],
    ['VALUES AND RULES OF BEHAVIOR', 'about'],
    ['About us', 'about'],
    ['Who We Are', 'about'],
    ['PERFORMANCE STANDARDS', 'about'],
    ['Identification', 'about'],
    ['Definitions', 'about'],
    ['What We Care About', 'about'],
    ['The office', 'about'],
  ])('files "%s" under %s', (heading, kind) => {
    expect(classifyHeading(heading, DEFAULT_SECTION_VOCABULARY)?.kind).toBe(kind);
  });

  it.each(['Cloud Engineer', 'Job Description', 'Platform Engineer (job description)', 'Some of the services we run', 'Reliable platform'])(
    'leaves "%s" unclassified',
    (heading) => {
      expect(classifyHeading(heading, DEFAULT_SECTION_VOCABULARY)).toBeUndefined();
    },
  );

  it('matches whole words, so "about you" does not match "About Your Team"', () => {
    expect(classifyHeading('About Your Team', DEFAULT_SECTION_VOCABULARY)?.phrase).toBe('about your team');
  });

  it('reads the head, not what follows "of": "the role" says nothing in "Benefits of the role"', () => {
    expect(classifyHeading('Benefits of the role', DEFAULT_SECTION_VOCABULARY)).toMatchObject({ kind: 'benefits', phrase: 'benefits' });
  });

  it('lists every kind of a coordinated heading, duties decisive', () => {
    expect(classifyHeading('Responsibilities and benefits', DEFAULT_SECTION_VOCABULARY)).toEqual({
      kind: 'duties',
      phrase: 'responsibilities',
      kinds: ['duties', 'benefits'],
    });
    expect(classifyHeading('Values & responsibilities of the team today', DEFAULT_SECTION_VOCABULARY)?.kinds).toEqual(['about', 'duties']);
  });

  it('prefers the longest phrase, then the last word of a part (the head noun)', () => {
    expect(classifyHeading('Purpose of the area', DEFAULT_SECTION_VOCABULARY)?.phrase).toBe('purpose of the area');
    expect(classifyHeading('Company benefits', DEFAULT_SECTION_VOCABULARY)?.kind).toBe('benefits');
  });
});

describe('classifyItem', () => {
  it('files an item of a mixed section under another kind its words name', () => {
    const kinds = ['duties', 'benefits'] as const;
    expect(classifyItem('25 days of paid holiday', kinds, DEFAULT_SECTION_VOCABULARY)).toBe('benefits');
    expect(classifyItem('A competitive salary and a pension', kinds, DEFAULT_SECTION_VOCABULARY)).toBe('benefits');
    expect(classifyItem('Run the Terraform pipelines', kinds, DEFAULT_SECTION_VOCABULARY)).toBeUndefined();
  });
});

describe('headingTokens', () => {
  it.each([
    ['Main duties for first 3 month', ['main', 'duty', 'for', 'first', '#', 'month']],
    ["What You'll Do", ['what', 'you', 'will', 'do']],
    ['What you’re good at', ['what', 'you', 'are', 'good', 'at']],
    ['Responsibilities & Qualities', ['responsibility', 'quality']],
    ['Process', ['process']],
  ])('folds "%s"', (text, tokens) => {
    expect(headingTokens(text)).toEqual(tokens);
  });

  it('turns "&", "/" and "," into "and" when asked, to split coordinated headings', () => {
    expect(headingTokens('Duties/benefits, perks', { conjunctions: true })).toEqual(['duty', 'and', 'benefit', 'and', 'perk']);
  });
});

describe('mergeVocabulary', () => {
  it('extends the defaults with extra phrases', () => {
    const vocabulary = mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { duties: ['on-call duties', 'Missionen'] });
    expect(classifyHeading('Missionen', vocabulary)?.kind).toBe('duties');
    expect(classifyHeading('Benefits', vocabulary)?.kind).toBe('benefits');
    expect(vocabulary.duties).toEqual(expect.arrayContaining([...DEFAULT_SECTION_VOCABULARY.duties, 'Missionen']));
  });

  it('moves a phrase to the kind the extra vocabulary gives it: challenges can be duties', () => {
    const vocabulary = mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { duties: ['Challenges'], about: ['About the role'] });
    expect(classifyHeading('CHALLENGES', vocabulary)?.kind).toBe('duties');
    expect(classifyHeading('About the role', vocabulary)?.kind).toBe('about');
    expect(vocabulary.duties).not.toContain('about the role');
    expect(vocabulary.context).not.toContain('challenges');
  });

  it('does not repeat a phrase already in the base', () => {
    const vocabulary = mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { requirements: ['Qualifications'] });
    expect(vocabulary.requirements.filter((phrase) => phrase.toLowerCase() === 'qualifications')).toHaveLength(1);
  });

  it('leaves the base untouched', () => {
    const before = JSON.stringify(DEFAULT_SECTION_VOCABULARY);
    mergeVocabulary(DEFAULT_SECTION_VOCABULARY, { about: ['responsibilities'] });
    expect(JSON.stringify(DEFAULT_SECTION_VOCABULARY)).toBe(before);
  });
});
