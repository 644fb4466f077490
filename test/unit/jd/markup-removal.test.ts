import fc from 'fast-check';
import { parseJobDescription, repairText } from '../../../src/jd';
import type { JobDescription } from '../../../src/jd';
import { removeTemplateTags } from '../../../src/jd/template-tags';

function duties(jd: JobDescription): string[] {
  return jd.sections.filter((section) => section.kind === 'duties').flatMap((section) => section.items.map((item) => item.text));
}

function lineOf(jd: JobDescription, text: string): number | undefined {
  return jd.sections.flatMap((section) => section.items).find((item) => item.text === text)?.line;
}

describe('template markup', () => {
  const page = [
    '---',
    'title: Platform Engineer',
    'team: Platform',
    '---',
    '',
    '## As a {{ page.title }} you will',
    '',
    '{% include cta.html %}',
    '- Run the {{ page.team }} Terraform pipelines{{ site.suffix }}',
    '{% if page.remote %}- Work with the {{ site.company }} SREs{% endif %}',
    '',
    '{% hint style="warning" %}',
    'Grants production apply to whoever reads this.',
    '{% endhint %}',
    '',
    '{% content-ref url="apply.md" %}',
    '[apply.md](apply.md)',
    '{% endcontent-ref %}',
    '',
    '{{< figure src="team.png" >}}',
    '{{% notice info %}}',
    'Also grants the database pager.',
    '{{% /notice %}}',
    '- Review the [drift reports]({{< ref "drift.md" >}})',
  ].join('\n');

  it('removes Liquid, GitBook and Hugo markup, callouts with their content, and keeps the lines', () => {
    const jd = parseJobDescription(page);
    expect(jd.sections.find((section) => section.kind === 'duties')?.heading).toBe('As a Platform Engineer you will');
    expect(duties(jd)).toEqual(['Run the Platform Terraform pipelines', 'Work with the SREs', 'Review the drift reports']);
    expect(lineOf(jd, 'Run the Platform Terraform pipelines')).toBe(9);
    expect(lineOf(jd, 'Review the drift reports')).toBe(24);
    const all = jd.sections.flatMap((section) => [section.heading, ...section.items.map((item) => item.text)]).join('\n');
    expect(all).not.toMatch(/[{}]|production apply|database pager|apply\.md/);
  });

  it("substitutes a front-matter value only up to a title's length, so a page cannot expand itself", () => {
    expect(removeTemplateTags('{{ page.title }} and {{ page.blurb }}', { title: 'SRE', blurb: 'x'.repeat(201) })).toBe('SRE and ');
  });

  it('keeps every newline, so the lines after any tag stay where they were', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '{%',
            '%}',
            '{{',
            '}}',
            '{{<',
            '>}}',
            '{{%',
            '%}}',
            ' hint ',
            ' endhint ',
            '/notice',
            'notice',
            '\n',
            'text',
            'page.title',
          ),
          { maxLength: 60 },
        ),
        (parts) => {
          const text = parts.join('');
          const cleaned = removeTemplateTags(text, { title: 'T' });
          expect(cleaned.split('\n')).toHaveLength(text.split('\n').length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('links, bullets and tables', () => {
  it('reads Markdown links that reached the text as their text', () => {
    expect(repairText('Keep the [runbooks][rb] and the [SLOs](https://example.com/slo "SLOs") current')).toBe(
      'Keep the runbooks and the SLOs current',
    );
  });

  it('reads lines typed with bullet characters as items of their own, the line before them as their heading', () => {
    const jd = parseJobDescription('What you will own\n• Run the on-call rotation\n• Curate the dashboards\n');
    expect(jd.sections.map((section) => [section.heading, section.kind])).toEqual([['What you will own', 'duties']]);
    expect(duties(jd)).toEqual(['Run the on-call rotation', 'Curate the dashboards']);
  });

  it('reads each body row of a pipe table as one item, never the header row', () => {
    const jd = parseJobDescription(
      '## Responsibilities\n\n| Area | What you do |\n| --- | --- |\n| Observability | Curate the [Grafana](https://grafana.com) dashboards |\n| On-call | Join the rotation |\n',
    );
    expect(duties(jd)).toEqual(['Observability — Curate the Grafana dashboards', 'On-call — Join the rotation']);
    expect(lineOf(jd, 'On-call — Join the rotation')).toBe(6);
  });
});

describe('mojibake with a lost byte', () => {
  it('repairs â€ followed by the replacement character as a right double quote', () => {
    expect(repairText('the “golden pathâ€\ufffd and itâ€™s done')).toBe('the “golden path” and it’s done');
  });

  it('leaves a replacement character elsewhere alone', () => {
    expect(repairText('caf\ufffd')).toBe('caf\ufffd');
  });
});
