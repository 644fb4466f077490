import { findQuote, parseJobDescription } from '../../../src/jd';
import type { JobDescription } from '../../../src/jd';
import { readSeed, seedIt } from '../../helpers/seeds';

const jd: JobDescription = {
  title: 'SRE',
  format: 'markdown',
  roles: [],
  sections: [
    {
      heading: 'Benefits',
      kind: 'other',
      line: 1,
      items: [{ text: 'Manage your own time', line: 2 }],
    },
    {
      heading: 'Key activities',
      kind: 'duties',
      line: 4,
      items: [
        { text: 'Manage Mongo clusters', line: 5 },
        { text: 'Don’t break production – ever', line: 6 },
        { text: 'Keep the backups', line: 7 },
      ],
    },
    {
      heading: 'Key skills',
      kind: 'requirements',
      line: 9,
      items: [{ text: 'Expertise with orchestration systems (k8s)', line: 10 }],
    },
  ],
};

describe('findQuote', () => {
  it.each([
    ['exact text', 'Manage Mongo clusters'],
    ['other case', 'manage MONGO clusters'],
    ['other whitespace', '  Manage\n  Mongo   clusters '],
    ['a part of the item', 'mongo clust'],
    ['quotation marks and a final period', '"Manage Mongo clusters."'],
  ])('finds a duty quoted with %s', (_name, quote) => {
    const match = findQuote(jd, quote);
    expect(match).toEqual({ found: true, item: { text: 'Manage Mongo clusters', line: 5 }, section: jd.sections[1] });
  });

  it('finds text quoted with plain quotes and hyphens where the item has typographic ones', () => {
    const match = findQuote(jd, "don't break production - ever");
    expect(match.found && match.item.line).toBe(6);
  });

  it('prefers a match in a duties section to one earlier in another section', () => {
    const match = findQuote(jd, 'Manage');
    expect(match.found && match.section.kind).toBe('duties');
  });

  it('reports a match in a non-duty section with its section kind', () => {
    const match = findQuote(jd, 'orchestration systems (K8S)');
    expect(match.found && [match.section.kind, match.section.heading, match.item.line]).toEqual(['requirements', 'Key skills', 10]);
  });

  it('finds a quote running on from one item into the next of the same section', () => {
    const match = findQuote(jd, 'production – ever Keep the backups');
    expect(match.found && match.item.line).toBe(6);
  });

  it('does not find a quote that runs across two sections', () => {
    expect(findQuote(jd, 'Keep the backups Expertise').found).toBe(false);
  });

  it('gives the closest passage when the quote is not found', () => {
    const match = findQuote(jd, 'Manage the Mongo database clusters');
    expect(match).toEqual({
      found: false,
      closest: {
        text: 'Manage Mongo clusters',
        line: 5,
        section: 'Key activities',
        kind: 'duties',
        score: expect.any(Number),
      },
    });
    expect(match.found === false && match.closest?.score).toBeGreaterThan(0.5);
    expect(match.found === false && match.closest?.score).toBeLessThan(1);
  });

  it('gives no closest passage when no word is shared', () => {
    expect(findQuote(jd, 'Quantum annealing')).toEqual({ found: false });
  });

  it('finds nothing for an empty quote', () => {
    expect(findQuote(jd, '  "" ').found).toBe(false);
  });

  seedIt()('finds a duty of seed 002 quoted from the html', () => {
    const seed = parseJobDescription(readSeed('002'));
    const match = findQuote(seed, 'we respond to alerts and pages, we go on-call');
    expect(match.found && [match.section.heading, match.section.kind, match.item.line]).toEqual(['The Team Today', 'duties', 1]);
  });

  seedIt()('finds the repaired en dash of seed 003 from a quote with a hyphen', () => {
    const seed = parseJobDescription(readSeed('003'));
    const match = findQuote(seed, 'deployment tools - ideally using some of');
    expect(match.found && match.item.line).toBe(16);
  });
});
