import { parseJobDescription } from '../../../src/jd';
import type { JobDescription, SectionKind } from '../../../src/jd';

function kinds(jd: JobDescription): [string, SectionKind, number][] {
  return jd.sections.map((section) => [section.heading, section.kind, section.items.length]);
}

function duties(jd: JobDescription): string[] {
  return jd.sections.filter((section) => section.kind === 'duties').flatMap((section) => section.items.map((item) => item.text));
}

describe('a heading decides before its parent', () => {
  const jd = parseJobDescription(
    [
      '# Tasks and Responsibilities of our Platform Team',
      '',
      'We run the platform every product team builds on.',
      '',
      '## What you will do',
      '',
      '- Patch the clusters',
      '',
      'What we expect from candidates:',
      '',
      '- Five years with Linux',
      '',
      '## The office',
      '',
      '- A desk by the window',
      '',
      '## Apply',
      '',
      '- Send a letter',
      '',
      '## Working here',
      '',
      '- Fridays off',
    ].join('\n'),
  );

  it("does not pass the page heading's words to the sections under it", () => {
    expect(kinds(jd)).toEqual([
      ['Tasks and Responsibilities of our Platform Team', 'about', 1],
      ['What you will do', 'duties', 1],
      ['What we expect from candidates', 'requirements', 1],
      ['The office', 'about', 1],
      ['Apply', 'process', 1],
      ['Working here', 'other', 1],
    ]);
    expect(duties(jd)).toEqual(['Patch the clusters']);
  });

  it('still reads a page that is one duties list under its heading', () => {
    expect(duties(parseJobDescription('# Responsibilities\n\n- Patch the clusters\n'))).toEqual(['Patch the clusters']);
  });

  it("passes a section heading's kind to bold sub-objectives under it", () => {
    const objectives = parseJobDescription(
      '# SRE\n\n## Key objectives\n\n**Reliable platform**\n\n- Keep the error budget\n\n**Fast feedback**\n\n- Shorten the build\n',
    );
    expect(duties(objectives)).toEqual(['Keep the error budget', 'Shorten the build']);
  });
});

describe('prose after a list', () => {
  it('is classified on its own: pay grade and apply lines are no duties, a "you will" line is', () => {
    const jd = parseJobDescription(
      [
        '## Responsibilities',
        '',
        '- Run the pipelines',
        '',
        'You will also join the on-call rotation once a month.',
        '',
        'Pay grade E4, see the salary bands page.',
        '',
        'Questions? Write to the hiring team.',
        '',
        'We look forward to hearing from you.',
      ].join('\n'),
    );
    expect(duties(jd)).toEqual(['Run the pipelines', 'You will also join the on-call rotation once a month.']);
    expect(jd.sections.map((section) => section.kind)).toEqual(['duties', 'benefits', 'process']);
  });

  it('stays in its section when it names nothing, as prose before a list does', () => {
    const jd = parseJobDescription(
      '## Responsibilities\n\nWe build the platform.\n\n- Run the pipelines\n\nOccasionally travel to the data centre.\n',
    );
    expect(duties(jd)).toEqual(['We build the platform.', 'Run the pipelines', 'Occasionally travel to the data centre.']);
  });
});

describe('a heading that names several kinds', () => {
  it('sorts its items: a benefit under "Responsibilities and benefits" never becomes a duty', () => {
    const jd = parseJobDescription(
      '## Responsibilities and benefits\n\n- Apply Terraform to production\n- 30 days of paid holiday\n- A pension and a competitive salary\n',
    );
    expect(duties(jd)).toEqual(['Apply Terraform to production']);
    expect(kinds(jd)).toEqual([
      ['Responsibilities and benefits', 'duties', 1],
      ['Responsibilities and benefits', 'benefits', 2],
    ]);
  });

  it('reads "Benefits of the role" and "Perks of the role" as benefits', () => {
    const jd = parseJobDescription('## Benefits of the role\n\n- Remote work\n\n## Perks of the role\n\n- Lunch\n');
    expect(duties(jd)).toEqual([]);
  });
});

describe('org.yaml jdSections', () => {
  it('can make challenges duties again, or a custom heading anything', () => {
    const text = '## Challenges\n\n- Keep costs down\n\n## Missionen\n\n- Betrieb der Plattform\n';
    expect(duties(parseJobDescription(text))).toEqual([]);
    expect(duties(parseJobDescription(text, { vocabulary: { duties: ['challenges', 'Missionen'] } }))).toEqual([
      'Keep costs down',
      'Betrieb der Plattform',
    ]);
    expect(duties(parseJobDescription('## Responsibilities\n\n- x y z\n', { vocabulary: { other: ['responsibilities'] } }))).toEqual([]);
  });
});
