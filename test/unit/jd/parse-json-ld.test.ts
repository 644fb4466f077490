import { parseJobDescription } from '../../../src/jd';
import type { JobDescription } from '../../../src/jd';

function posting(fields: Record<string, unknown>, space?: number): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Data Engineer', ...fields }, null, space);
}

function summarise(jd: JobDescription): [string, string, string[]][] {
  return jd.sections.map((section) => [section.heading, section.kind, section.items.map((item) => item.text)]);
}

describe('parseJobDescription on json-ld', () => {
  it('puts items on the line of the description when the json is pretty-printed', () => {
    const jd = parseJobDescription(posting({ description: '<h2>Responsibilities</h2><ul><li>Run Kafka</li></ul>' }, 2));
    expect(jd.sections).toEqual([{ heading: 'Responsibilities', kind: 'duties', line: 5, items: [{ text: 'Run Kafka', line: 5 }] }]);
  });

  it("finds the line of the posting description, not of another object's description", () => {
    const text = JSON.stringify(
      {
        hiringOrganization: { description: 'A company' },
        '@type': 'JobPosting',
        title: 'SRE',
        description: '<p>Responsibilities:</p><ul><li>Patch</li></ul>',
      },
      null,
      2,
    );
    expect(parseJobDescription(text).sections[0]?.items).toEqual([{ text: 'Patch', line: 7 }]);
  });

  it('reads headings from bold lines, paragraphs and list items, with entities escaped twice', () => {
    const html =
      '<p>Intro &amp;amp; more</p><p><b>Your Role</b></p><ul><li>Build &amp;lt;pipelines&amp;gt;</li></ul><strong>Skills</strong><br>Go<br>SQL';
    expect(summarise(parseJobDescription(posting({ description: html })))).toEqual([
      ['', 'other', ['Intro & more']],
      ['Your Role', 'duties', ['Build <pipelines>']],
      ['Skills', 'requirements', ['Go', 'SQL']],
    ]);
  });

  it('reads prose paragraphs separated by <br><br> as items of the current section', () => {
    const html = '<strong>Responsibilities</strong><br><br>You run the clusters.<br><br>You fix the pipelines.';
    expect(summarise(parseJobDescription(posting({ description: html })))).toEqual([
      ['Responsibilities', 'duties', ['You run the clusters.', 'You fix the pipelines.']],
    ]);
  });

  it('reads short text before a list as its heading, of the kind of the heading above', () => {
    const html = '<h2>Responsibilities</h2><p>Things you will touch</p><ul><li>Patch</li></ul>';
    expect(summarise(parseJobDescription(posting({ description: html })))).toEqual([
      ['Responsibilities', 'duties', []],
      ['Things you will touch', 'duties', ['Patch']],
    ]);
  });

  it('keeps a sentence before a list as an item', () => {
    const html = '<h2>Benefits</h2><p>We offer a lot.</p><ul><li>Lunch</li></ul>';
    expect(summarise(parseJobDescription(posting({ description: html })))).toEqual([
      ['Benefits', 'benefits', ['We offer a lot.', 'Lunch']],
    ]);
  });

  it('drops the colon of a written heading', () => {
    const html = '<h2>Responsibilities:</h2><ul><li>Patch</li></ul>';
    expect(summarise(parseJobDescription(posting({ description: html })))).toEqual([['Responsibilities', 'duties', ['Patch']]]);
  });

  it('reads nested lists as separate items', () => {
    const html = '<h3>Responsibilities</h3><ul><li>Run databases<ul><li>PostgreSQL</li><li>Redis</li></ul></li><li>On-call</li></ul>';
    expect(summarise(parseJobDescription(posting({ description: html })))[0]?.[2]).toEqual([
      'Run databases',
      'PostgreSQL',
      'Redis',
      'On-call',
    ]);
  });

  it('adds the responsibilities and qualifications properties as sections', () => {
    const jd = parseJobDescription(
      posting({ responsibilities: 'Run Kafka', qualifications: ['Go', 'SQL'], skills: { '@type': 'DefinedTerm' } }),
    );
    expect(summarise(jd)).toEqual([
      ['Responsibilities', 'duties', ['Run Kafka']],
      ['Qualifications', 'requirements', ['Go', 'SQL']],
    ]);
  });

  it('finds the JobPosting in a @graph', () => {
    const text = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebPage' }, { '@type': ['JobPosting'], title: 'SRE' }],
    });
    expect(parseJobDescription(text).title).toBe('SRE');
  });

  it('accepts a full schema.org type IRI', () => {
    expect(parseJobDescription(JSON.stringify({ '@type': 'http://schema.org/JobPosting', title: 'SRE' })).title).toBe('SRE');
  });

  it('skips script and style contents', () => {
    const html = '<style>li { color: red }</style><h2>Duties</h2><ul><li>Patch</li></ul><script>alert(1)</script>';
    expect(summarise(parseJobDescription(posting({ description: html })))).toEqual([['Duties', 'duties', ['Patch']]]);
  });
});
