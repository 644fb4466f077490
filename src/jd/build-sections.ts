import { classifyHeading, classifyItem } from './classify-heading';
import { headingRank, pageHeadingIndex } from './heading-rank';
import type { SourceLine, TextBlock } from './text-block';
import type { JdItem, JdSection, SectionKind, SectionVocabulary, VocabularyKind } from './types';

/** A line that starts a new item: capital, digit, bracket or quote. Lines in lower case continue the last. */
const STARTS_ITEM = /^[\p{Lu}\p{N}(["“‘'*•-]/u;
/** A parenthesised marker in front of an item, such as "(Desirable)". */
const MARKER = /^\(([^()]{1,40})\)/;
/** A bullet typed as a character at the start of a line of prose: "• Run the on-call rotation". */
const BULLET = /^[•◦▪▫‣●○■□·⁃∙]\s*/u;
/** Longest heading given to a section opened by a closing paragraph, in characters. */
const CLOSING_HEADING_CHARS = 60;

interface OpenSection {
  readonly heading: string;
  readonly kind: SectionKind;
  readonly line: number;
  readonly items: JdItem[];
  /** Kinds a coordinated heading names ("Responsibilities and benefits"): its items are sorted one by one. */
  readonly kinds: readonly VocabularyKind[];
  /** Sections opened for the items of a mixed section that belong to another of its kinds. */
  readonly siblings: Map<VocabularyKind, OpenSection>;
  /** Whether a list item has been added: prose after it is classified on its own. */
  listed: boolean;
}

function clip(text: string): string {
  return text.length <= CLOSING_HEADING_CHARS ? text : `${text.slice(0, CLOSING_HEADING_CHARS - 1).trimEnd()}…`;
}

/**
 * Cuts text blocks into sections and gives each section its kind.
 *
 * Written headings (`##`, `<h2>`) always open a section; a paragraph line opens one when
 * {@link headingRank} says it reads as a heading. A heading's own words decide its kind
 * ({@link classifyHeading}); a heading with no known word takes the kind of the section it is nested in,
 * except under the page's own heading (the title: "Tasks and Responsibilities of our Platform Team"
 * says nothing of "The office" below it), and `other` at the top. Under the page heading, its own
 * paragraphs are `about` once any other section has a kind.
 *
 * Paragraph lines become items, a line in lower case continuing the one before; a line starting with a
 * bullet character is an item of its own. Prose that follows a list in a section is classified on its
 * own words: "Apply for this job" after a list of duties is process, and prose with no known word stays.
 * An item marked "(Desirable) …" goes to a section of the marker's kind. An item of a section whose
 * heading names several kinds goes to the kind its own words name, the heading's first kind otherwise.
 */
export function buildSections(blocks: readonly TextBlock[], vocabulary: SectionVocabulary): JdSection[] {
  const sections: OpenSection[] = [];
  const parents: { readonly rank: number; readonly kind: SectionKind; readonly passes: boolean }[] = [];
  const page = pageHeadingIndex(blocks);
  const pageItemsAbout =
    page !== undefined &&
    blocks.some((block, index) => index !== page && block.type === 'heading' && classifyHeading(block.text, vocabulary) !== undefined);
  let current: OpenSection | undefined;
  /** The section a run of marked items interrupted, resumed by the next unmarked item. */
  let interrupted: OpenSection | undefined;

  const open = (heading: string, kind: SectionKind, line: number, kinds: readonly VocabularyKind[] = []): OpenSection => {
    const section: OpenSection = { heading, kind, line, items: [], kinds, siblings: new Map(), listed: false };
    sections.push(section);
    current = section;
    return section;
  };

  const openHeading = (written: string, rank: number, line: number, isPage: boolean): void => {
    const heading = written.replace(/\s*:$/, '');
    while ((parents[parents.length - 1]?.rank ?? 0) >= rank) parents.pop();
    const own = classifyHeading(heading, vocabulary);
    const inherited = [...parents].reverse().find((parent) => parent.passes)?.kind;
    const kind: SectionKind = own?.kind ?? inherited ?? 'other';
    parents.push({ rank, kind, passes: !isPage && (own !== undefined || inherited !== undefined) });
    interrupted = undefined;
    open(heading, isPage && pageItemsAbout ? 'about' : kind, line, own !== undefined && own.kinds.length > 1 ? own.kinds : []);
  };

  /** The section an item of `section` belongs in: itself, or a sibling of the kind the item names. */
  const sortMixed = (section: OpenSection, text: string): OpenSection => {
    const kind = section.kinds.length > 1 ? classifyItem(text, section.kinds, vocabulary) : undefined;
    if (kind === undefined || kind === section.kind) return section;
    let sibling = section.siblings.get(kind);
    if (sibling === undefined) {
      sibling = { heading: section.heading, kind, line: section.line, items: [], kinds: [], siblings: new Map(), listed: false };
      section.siblings.set(kind, sibling);
      sections.push(sibling);
    }
    return sibling;
  };

  const addItem = (text: string, line: number, listItem: boolean): void => {
    const marker = MARKER.exec(text)?.[1];
    const markerKind = marker === undefined ? undefined : classifyHeading(marker, vocabulary)?.kind;
    let section = current ?? open('', 'other', line);
    if (markerKind !== undefined && markerKind !== section.kind && marker !== undefined) {
      interrupted = interrupted ?? section;
      section = open(marker, markerKind, line);
    } else if (markerKind === undefined && interrupted !== undefined) {
      section = open(interrupted.heading, interrupted.kind, interrupted.line, interrupted.kinds);
      interrupted = undefined;
    } else if (!listItem && section.listed) {
      const own = classifyHeading(text, vocabulary)?.kind;
      if (own !== undefined && own !== section.kind) {
        section = open(clip(text), own, line);
        section.listed = true;
      }
    }
    if (listItem) section.listed = true;
    sortMixed(section, text).items.push({ text, line });
  };

  const paragraph = (lines: readonly SourceLine[], beforeList: boolean): void => {
    let group: SourceLine[] = [];
    const flush = (): void => {
      const first = group[0];
      if (first !== undefined) addItem(group.map((line) => line.text).join(' '), first.line, false);
      group = [];
    };
    lines.forEach((line, index) => {
      const next = lines[index + 1];
      const bullet = BULLET.exec(line.text);
      if (bullet !== null) {
        flush();
        const text = line.text.slice(bullet[0].length).trim();
        if (text !== '') addItem(text, line.line, true);
        return;
      }
      const introducesList = next === undefined ? beforeList : BULLET.test(next.text);
      const rank = headingRank(line, { introducesList, alone: lines.length === 1 }, vocabulary);
      if (rank !== undefined) {
        flush();
        openHeading(line.text, rank, line.line, false);
      } else if (group.length > 0 && !STARTS_ITEM.test(line.text)) {
        group.push(line);
      } else {
        flush();
        group = [line];
      }
    });
    flush();
  };

  blocks.forEach((block, index) => {
    if (block.type === 'heading') openHeading(block.text, block.rank, block.line, index === page);
    else if (block.type === 'item') addItem(block.text, block.line, true);
    else paragraph(block.lines, block.beforeList);
  });
  return sections.map(({ heading, kind, line, items }) => ({ heading, kind, line, items: [...items] }));
}
