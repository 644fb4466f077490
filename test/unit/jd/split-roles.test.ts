import { parseJobDescription } from '../../../src/jd';
import type { JdRole } from '../../../src/jd';
import { anchorOf } from '../../../src/jd/split-roles';

function roleDuties(role: JdRole | undefined): string[] {
  return (role?.sections ?? []).filter((section) => section.kind === 'duties').flatMap((section) => section.items.map((item) => item.text));
}

const PAGE = [
  '# Open positions',
  '',
  'We are hiring for two roles.',
  '',
  '## Site Reliability Engineer',
  '',
  "### What you'll do",
  '',
  '- Be the primary on-call engineer',
  '',
  '### What you bring',
  '',
  '- Go',
  '',
  '## Data Platform Engineer (Berlin)',
  '',
  '### Responsibilities',
  '',
  '- Operate the Kafka clusters',
  '',
  '## How to apply',
  '',
  '- Write to us',
].join('\n');

describe('a page that describes several roles', () => {
  const jd = parseJobDescription(PAGE);

  it('returns each role with its anchor, title, line and only its own sections', () => {
    expect(jd.roles.map((role) => [role.anchor, role.title, role.line])).toEqual([
      ['site-reliability-engineer', 'Site Reliability Engineer', 5],
      ['data-platform-engineer-berlin', 'Data Platform Engineer (Berlin)', 15],
    ]);
    expect(roleDuties(jd.roles[0])).toEqual(['Be the primary on-call engineer']);
    expect(roleDuties(jd.roles[1])).toEqual(['Operate the Kafka clusters']);
  });

  it('keeps the sections of the whole page for quotes and reports', () => {
    expect(jd.sections.some((section) => section.heading === 'How to apply')).toBe(true);
  });

  it('does not split one role whose duties are grouped under headings that name no job', () => {
    const one = parseJobDescription(
      '# SRE\n\n## Responsibilities\n\n### Reliability\n\n- Keep the SLOs\n\n### Observability\n\n- Curate dashboards\n',
    );
    expect(one.roles).toEqual([]);
  });

  it('does not split a page where only one job heading has duties', () => {
    const one = parseJobDescription(
      '## Platform Engineer\n\n### Responsibilities\n\n- Patch\n\n## Engineering Manager\n\nSee the managers page.\n',
    );
    expect(one.roles).toEqual([]);
  });

  it('reads every JobPosting of a JSON-LD @graph as a role', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'JobPosting', title: 'Backend Engineer', description: '<h3>Your impact</h3><ul><li>Ship the billing API</li></ul>' },
        { '@type': 'Organization', name: 'Acme' },
        { '@type': 'JobPosting', title: 'Backend Engineer', description: '<p><b>In this role</b></p><ul><li>Run the pager</li></ul>' },
      ],
    });
    const postings = parseJobDescription(graph);
    expect(postings.roles.map((role) => [role.anchor, roleDuties(role)])).toEqual([
      ['backend-engineer', ['Ship the billing API']],
      ['backend-engineer-1', ['Run the pager']],
    ]);
  });

  it('makes GitHub-style anchors', () => {
    expect(anchorOf('Site Reliability Engineer')).toBe('site-reliability-engineer');
    expect(anchorOf('Ingénieur·e Plateforme (H/F)')).toBe('ingenieur-e-plateforme-h-f');
  });
});
