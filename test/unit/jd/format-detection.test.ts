import { parseJobDescription } from '../../../src/jd';
import { readSeed, seedIt } from '../../helpers/seeds';

describe('format detection from content', () => {
  seedIt().each([
    ['000', 'markdown'],
    ['002', 'json-ld'],
    ['003', 'front-matter'],
    ['004', 'front-matter'],
  ] as const)('reads seed %s, saved as .txt, as %s', (name, format) => {
    expect(parseJobDescription(readSeed(name)).format).toBe(format);
  });

  it('reads json-ld after a byte order mark and blank lines', () => {
    const text = `\ufeff\n\n${JSON.stringify({
      '@type': 'JobPosting',
      title: 'SRE',
      description: '<ul><li>Run it</li></ul>',
    })}`;
    expect(parseJobDescription(text).format).toBe('json-ld');
  });

  it('reads a json array holding a JobPosting as json-ld', () => {
    const text = JSON.stringify([{ '@type': 'Organization' }, { '@type': 'JobPosting', title: 'SRE' }]);
    expect(parseJobDescription(text)).toEqual({ title: 'SRE', format: 'json-ld', sections: [], roles: [] });
  });

  it('reads markdown starting with a bracket as markdown', () => {
    const jd = parseJobDescription('[Acme] is hiring\n\n## Responsibilities\n\n- Run the platform\n');
    expect(jd.format).toBe('markdown');
    expect(jd.sections.find((section) => section.kind === 'duties')?.items).toEqual([{ text: 'Run the platform', line: 5 }]);
  });

  it('reads plain text without any markdown as markdown with one unheaded section', () => {
    const jd = parseJobDescription('We need someone to run our databases.\n');
    expect(jd).toEqual({
      title: '',
      format: 'markdown',
      sections: [{ heading: '', kind: 'other', line: 1, items: [{ text: 'We need someone to run our databases.', line: 1 }] }],
      roles: [],
    });
  });

  it('reads a horizontal rule at the top of markdown as markdown, not front matter', () => {
    const jd = parseJobDescription('---\n\n# Data Engineer\n\n## Duties\n\n- Own the pipelines\n');
    expect(jd.format).toBe('markdown');
    expect(jd.title).toBe('Data Engineer');
  });

  it('reads windows line endings', () => {
    const jd = parseJobDescription('---\r\ntitle: Data Engineer\r\n---\r\n\r\n## Duties\r\n\r\n- Own the pipelines\r\n');
    expect(jd.format).toBe('front-matter');
    expect(jd.sections[0]?.items).toEqual([{ text: 'Own the pipelines', line: 7 }]);
  });
});
