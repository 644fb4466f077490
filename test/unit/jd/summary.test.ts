import { jobDescriptionSummary, parseJobDescription } from '../../../src/jd';
import { readSeed, seedIt } from '../../helpers/seeds';

describe('jobDescriptionSummary', () => {
  it('flattens duties and requirements with their line and section heading', () => {
    const jd = parseJobDescription('# SRE\n\n## Duties\n\n- Patch\n- Page\n\n## Skills\n\n- Go\n\n## Benefits\n\n- Lunch\n');
    expect(jobDescriptionSummary(jd)).toEqual({
      title: 'SRE',
      format: 'markdown',
      sections: [
        { heading: 'SRE', kind: 'about', line: 1, items: 0 },
        { heading: 'Duties', kind: 'duties', line: 3, items: 2 },
        { heading: 'Skills', kind: 'requirements', line: 8, items: 1 },
        { heading: 'Benefits', kind: 'benefits', line: 12, items: 1 },
      ],
      duties: [
        { text: 'Patch', line: 5, section: 'Duties' },
        { text: 'Page', line: 6, section: 'Duties' },
      ],
      requirements: [{ text: 'Go', line: 10, section: 'Skills' }],
    });
  });

  seedIt()('summarises seed 003 with 25 duties from two sections', () => {
    const summary = jobDescriptionSummary(parseJobDescription(readSeed('003')));
    expect(summary.duties).toHaveLength(25);
    expect(new Set(summary.duties.map((duty) => duty.section))).toEqual(new Set(['Main duties for first 3 month', '6 month and onwards']));
    expect(summary.requirements.length).toBeGreaterThan(20);
  });

  seedIt()('is plain json', () => {
    const summary = jobDescriptionSummary(parseJobDescription(readSeed('002')));
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
