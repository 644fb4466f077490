import { buildSections } from './build-sections';
import { classifyHeading } from './classify-heading';
import { namesJobTitle } from './job-nouns';
import { cleanTitle } from './pick-title';
import type { HeadingBlock, TextBlock } from './text-block';
import type { JdRole, SectionVocabulary } from './types';

/** A GitHub-style anchor: lower case, accents dropped, every run of other characters one '-'. */
export function anchorOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'role' : slug;
}

/** Anchors made unique in order: the second "engineer" is "engineer-1", as GitHub numbers them. */
export function uniqueAnchors(titles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const base = anchorOf(title);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  });
}

function namesJob(heading: HeadingBlock, vocabulary: SectionVocabulary): boolean {
  if (classifyHeading(heading.text, vocabulary) !== undefined) return false;
  return namesJobTitle(cleanTitle(heading.text));
}

/**
 * The roles of a page that describes several: written headings of one rank that name a job
 * ("## Site Reliability Engineer", "## Data Platform Engineer"), each followed by sections that list
 * duties, two or more of them. Each role holds what is under its heading, up to the next heading of its
 * rank or higher. The highest rank with two such roles wins; a page with fewer has no roles.
 */
export function splitRoles(blocks: readonly TextBlock[], vocabulary: SectionVocabulary): JdRole[] {
  const ranks = [...new Set(blocks.flatMap((block) => (block.type === 'heading' ? [block.rank] : [])))].sort((a, b) => a - b);
  for (const rank of ranks) {
    const roles: { readonly heading: HeadingBlock; readonly blocks: TextBlock[] }[] = [];
    let open: { readonly heading: HeadingBlock; readonly blocks: TextBlock[] } | undefined;
    for (const block of blocks) {
      if (block.type === 'heading' && block.rank <= rank) {
        open = block.rank === rank && namesJob(block, vocabulary) ? { heading: block, blocks: [block] } : undefined;
        if (open !== undefined) roles.push(open);
      } else {
        open?.blocks.push(block);
      }
    }
    const withDuties = roles
      .map((role) => ({ heading: role.heading, sections: buildSections(role.blocks, vocabulary) }))
      .filter((role) => role.sections.some((section) => section.kind === 'duties' && section.items.length > 0));
    if (withDuties.length >= 2) {
      const titles = withDuties.map((role) => cleanTitle(role.heading.text));
      const anchors = uniqueAnchors(titles);
      return withDuties.map((role, index) => ({
        anchor: anchors[index] ?? anchorOf(titles[index] ?? ''),
        title: titles[index] ?? '',
        line: role.heading.line,
        sections: role.sections,
      }));
    }
  }
  return [];
}
