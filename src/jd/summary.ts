import type { JdFormat, JdSection, JobDescription, SectionKind } from './types';

/** One item in the summary, with where it is. */
export interface JdSummaryItem {
  readonly text: string;
  readonly line: number;
  /** Heading of the section the item is in. */
  readonly section: string;
}

/** One section in the summary, without its items. */
export interface JdSummarySection {
  readonly heading: string;
  readonly kind: SectionKind;
  readonly line: number;
  readonly items: number;
}

/** What `rolecall jd` prints as JSON: the sections, then every duty and requirement with its line. */
export interface JdSummary {
  readonly title: string;
  readonly format: JdFormat;
  readonly sections: readonly JdSummarySection[];
  readonly duties: readonly JdSummaryItem[];
  readonly requirements: readonly JdSummaryItem[];
}

function itemsOf(sections: readonly JdSection[], kind: SectionKind): JdSummaryItem[] {
  return sections
    .filter((section) => section.kind === kind)
    .flatMap((section) => section.items.map((item) => ({ text: item.text, line: item.line, section: section.heading })));
}

/** Summarises a job description for the CLI: duties and requirements flattened out of their sections. */
export function jobDescriptionSummary(jd: JobDescription): JdSummary {
  return {
    title: jd.title,
    format: jd.format,
    sections: jd.sections.map((section) => ({
      heading: section.heading,
      kind: section.kind,
      line: section.line,
      items: section.items.length,
    })),
    duties: itemsOf(jd.sections, 'duties'),
    requirements: itemsOf(jd.sections, 'requirements'),
  };
}
