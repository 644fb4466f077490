import { parseJobDescription } from '../../../src/jd';
import type { JobDescription, SectionKind } from '../../../src/jd';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

function kinds(jd: JobDescription): [string, SectionKind, number][] {
  return jd.sections.map((section) => [section.heading, section.kind, section.items.length]);
}

describe('parseJobDescription on markdown', () => {
  it('opens sections at lines ending with ":" and classifies them', () => {
    const jd = parseJobDescription(
      lines('# Engineer', '', 'What you will do:', '- Run the platform', '', 'Requirements:', '', '* Go', '* Terraform'),
    );
    expect(kinds(jd)).toEqual([
      ['Engineer', 'other', 0],
      ['What you will do', 'duties', 1],
      ['Requirements', 'requirements', 2],
    ]);
  });

  it('gives an unclassified introducing line the kind of the heading above it', () => {
    const jd = parseJobDescription(
      lines('## Responsibilities', '', 'In your first weeks:', '', '- Learn the stack', '', '## Benefits', '', 'Including:', '- Lunch'),
    );
    expect(kinds(jd)).toEqual([
      ['Responsibilities', 'duties', 0],
      ['In your first weeks', 'duties', 1],
      ['Benefits', 'benefits', 0],
      ['Including', 'benefits', 1],
    ]);
  });

  it('treats a bold line standing alone as a heading', () => {
    const jd = parseJobDescription(lines('**What you will do**', '', '- Ship features', '', '**Perks**', '', '- Lunch'));
    expect(kinds(jd)).toEqual([
      ['What you will do', 'duties', 1],
      ['Perks', 'benefits', 1],
    ]);
  });

  it('treats a bold first line followed by prose as a heading above that prose', () => {
    const jd = parseJobDescription(lines('**Responsibilities**', 'You will run our clusters.'));
    expect(jd.sections).toEqual([
      {
        heading: 'Responsibilities',
        kind: 'duties',
        line: 1,
        items: [{ text: 'You will run our clusters.', line: 2 }],
      },
    ]);
  });

  it('does not take a long sentence ending with a period for a heading', () => {
    const jd = parseJobDescription(lines('## Responsibilities', '', 'You will run our clusters and keep them patched.', '', '- Patch'));
    expect(kinds(jd)).toEqual([['Responsibilities', 'duties', 2]]);
  });

  it('joins lines of wrapped prose and splits lines that each start an entry', () => {
    const jd = parseJobDescription(
      lines(
        '## Duties',
        '',
        'You will look after the databases and',
        'the backups of every service.',
        '',
        'Public Github account (bonus)',
        'Kafka experience (bonus)',
      ),
    );
    expect(jd.sections[0]?.items).toEqual([
      { text: 'You will look after the databases and the backups of every service.', line: 3 },
      { text: 'Public Github account (bonus)', line: 6 },
      { text: 'Kafka experience (bonus)', line: 7 },
    ]);
  });

  it('moves "(Desirable)" lines under a duties heading to a requirements section', () => {
    const jd = parseJobDescription(lines('## Duties', '', '- Run Kafka', '- (Desirable) Kafka certification', '- Patch servers'));
    expect(jd.sections).toEqual([
      { heading: 'Duties', kind: 'duties', line: 1, items: [{ text: 'Run Kafka', line: 3 }] },
      {
        heading: 'Desirable',
        kind: 'requirements',
        line: 4,
        items: [{ text: '(Desirable) Kafka certification', line: 4 }],
      },
      { heading: 'Duties', kind: 'duties', line: 1, items: [{ text: 'Patch servers', line: 5 }] },
    ]);
  });

  it('reads nested bullets as items of their own', () => {
    const jd = parseJobDescription(lines('## Duties', '', '- Operate databases:', '  - PostgreSQL', '  - MongoDB'));
    expect(jd.sections[0]?.items.map((item) => [item.text, item.line])).toEqual([
      ['Operate databases:', 3],
      ['PostgreSQL', 4],
      ['MongoDB', 5],
    ]);
  });

  it('reads bullets indented by four spaces, which markdown calls code, as items', () => {
    const jd = parseJobDescription(lines('## Duties', '', 'We run things.', '', '    * Build - ship it', '    * Share - talk'));
    expect(jd.sections[0]?.items.map((item) => item.text)).toEqual(['We run things.', 'Build - ship it', 'Share - talk']);
  });

  it('reads html blocks inside markdown', () => {
    const jd = parseJobDescription(lines('# Engineer', '', '<h2>Responsibilities</h2>', '<ul>', '<li>Run &amp; fix</li>', '</ul>'));
    expect(jd.sections[1]).toEqual({
      heading: 'Responsibilities',
      kind: 'duties',
      line: 3,
      items: [{ text: 'Run & fix', line: 5 }],
    });
  });

  it('drops inline html tags and keeps link text', () => {
    const jd = parseJobDescription(lines('## Duties', '', '- Run <b>our</b> [Grafana](https://grafana.example) dashboards<br>daily'));
    expect(jd.sections[0]?.items[0]?.text).toBe('Run our Grafana dashboards daily');
  });

  it('keeps a backslash the author escaped', () => {
    const jd = parseJobDescription(lines('## Duties', '', '- Map C:\\\\ drives'));
    expect(jd.sections[0]?.items[0]?.text).toBe('Map C:\\ drives');
  });

  it('returns a document without duties rather than failing', () => {
    const jd = parseJobDescription(lines('# Engineer', '', '## Benefits', '', '- Lunch'));
    expect(jd.sections.some((section) => section.kind === 'duties')).toBe(false);
  });
});

describe('titles', () => {
  it.each([
    ['a front matter title', lines('---', 'title: Data Engineer', '---', '', '# Something else'), 'Data Engineer'],
    ['the heading when the front matter title is generic', lines('---', 'title: Job Advert', '---', '', '# SRE (job description)'), 'SRE'],
    ['a numeric front matter title', lines('---', 'title: 42', '---'), '42'],
    ['the "Position:" item over a heading', lines('# Acme', '', '### Identification', '', '* Position: Cloud Engineer'), 'Cloud Engineer'],
    ['the first specific heading', lines('# Job Description', '', '## Responsibilities', '', '## Cloud Engineer'), 'Cloud Engineer'],
    ['a heading without its generic part', lines('# Job Description: Cloud Engineer'), 'Cloud Engineer'],
    ['a heading keeping a parenthetical that is not generic', lines('# SRE (Remote Europe)'), 'SRE (Remote Europe)'],
    ['the generic front matter title when nothing better exists', lines('---', 'title: job advert', '---', '', 'Some text.'), 'job advert'],
  ])('takes %s', (_name, text, title) => {
    expect(parseJobDescription(text).title).toBe(title);
  });
});
