import { classifyHeading } from './classify-heading';
import type { SourceLine, TextBlock } from './text-block';
import type { JdItem, JdSection, SectionKind, SectionVocabulary } from './types';

/** Rank of a paragraph line that is all bold or underlined: below every written heading. */
const EMPHASISED_RANK = 7;
/** Rank of a paragraph line that introduces what follows ("Requirements:"): below bold lines. */
const INTRODUCING_RANK = 8;
/** Longest line, in words, that can be read as a heading. */
const MAX_HEADING_WORDS = 12;
/** Longest line, in words, read as a heading only because of its vocabulary or a list after it. */
const MAX_BARE_HEADING_WORDS = 8;

/** A line that starts a new item: capital, digit, bracket or quote. Lines in lower case continue the last. */
const STARTS_ITEM = /^[\p{Lu}\p{N}(["“‘'*•-]/u;
/** A line that can be a heading starts the same way. */
const STARTS_HEADING = /^[\p{Lu}\p{N}(["“‘']/u;
/** A parenthesised marker in front of an item, such as "(Desirable)". */
const MARKER = /^\(([^()]{1,40})\)/;

interface OpenSection {
  readonly heading: string;
  readonly kind: SectionKind;
  readonly line: number;
  readonly items: JdItem[];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/**
 * Cuts text blocks into sections and gives each section its kind.
 *
 * Written headings (`##`, `<h2>`) always open a section. A paragraph line opens one when it is short and
 * either all bold or underlined, ends with ':', names a section from the vocabulary ("Benefits"), or is the
 * last line before a list. A heading that matches no vocabulary phrase takes the kind of the section it is
 * nested in, or `other` at the top. Paragraph lines become items, a line in lower case continuing the one
 * before, and an item marked like "(Desirable) …" goes to a section of the marker's kind when it appears
 * under a section of another kind. Text before the first heading goes to a section with an empty heading.
 */
export function buildSections(blocks: readonly TextBlock[], vocabulary: SectionVocabulary): JdSection[] {
  const sections: OpenSection[] = [];
  const parents: { readonly rank: number; readonly kind: SectionKind }[] = [];
  let current: OpenSection | undefined;
  /** The section a run of marked items interrupted, resumed by the next unmarked item. */
  let interrupted: OpenSection | undefined;

  const open = (heading: string, kind: SectionKind, line: number): OpenSection => {
    const section: OpenSection = { heading, kind, line, items: [] };
    sections.push(section);
    current = section;
    return section;
  };

  const openHeading = (written: string, rank: number, line: number): void => {
    const heading = written.replace(/\s*:$/, '');
    while ((parents[parents.length - 1]?.rank ?? 0) >= rank) parents.pop();
    const kind = classifyHeading(heading, vocabulary)?.kind ?? parents[parents.length - 1]?.kind ?? 'other';
    parents.push({ rank, kind });
    interrupted = undefined;
    open(heading, kind, line);
  };

  const addItem = (text: string, line: number): void => {
    const marker = MARKER.exec(text)?.[1];
    const markerKind = marker === undefined ? undefined : classifyHeading(marker, vocabulary)?.kind;
    let section = current ?? open('', 'other', line);
    if (markerKind !== undefined && markerKind !== section.kind && marker !== undefined) {
      interrupted = interrupted ?? section;
      section = open(marker, markerKind, line);
    } else if (markerKind === undefined && interrupted !== undefined) {
      section = open(interrupted.heading, interrupted.kind, interrupted.line);
      interrupted = undefined;
    }
    section.items.push({ text, line });
  };

  const headingRank = (line: SourceLine, isLast: boolean, beforeList: boolean, alone: boolean): number | undefined => {
    const words = wordCount(line.text);
    if (words > MAX_HEADING_WORDS || !STARTS_HEADING.test(line.text)) return undefined;
    if (line.text.endsWith(':')) return INTRODUCING_RANK;
    if (/[.!?,;]$/.test(line.text)) return undefined;
    if (line.emphasised) return EMPHASISED_RANK;
    if (words > MAX_BARE_HEADING_WORDS) return undefined;
    if ((isLast && beforeList) || (alone && classifyHeading(line.text, vocabulary) !== undefined)) {
      return INTRODUCING_RANK;
    }
    return undefined;
  };

  for (const block of blocks) {
    if (block.type === 'heading') {
      openHeading(block.text, block.rank, block.line);
    } else if (block.type === 'item') {
      addItem(block.text, block.line);
    } else {
      let group: SourceLine[] = [];
      const flush = (): void => {
        const first = group[0];
        if (first !== undefined) addItem(group.map((line) => line.text).join(' '), first.line);
        group = [];
      };
      block.lines.forEach((line, index) => {
        const isLast = index === block.lines.length - 1;
        const rank = headingRank(line, isLast, block.beforeList, block.lines.length === 1);
        if (rank !== undefined) {
          flush();
          openHeading(line.text, rank, line.line);
        } else if (group.length > 0 && !STARTS_ITEM.test(line.text)) {
          group.push(line);
        } else {
          flush();
          group = [line];
        }
      });
      flush();
    }
  }
  return sections.map((section) => ({ ...section, items: [...section.items] }));
}
