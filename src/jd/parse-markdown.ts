import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { buildSections } from './build-sections';
import { JdParseError } from './jd-parse-error';
import { markdownBlocks } from './markdown-blocks';
import { markdownChunks } from './markdown-chunks';
import { checkMarkdownDepth } from './markdown-depth';
import { parseFrontMatter, type FrontMatter } from './parse-front-matter';
import { pickTitle } from './pick-title';
import { splitRoles } from './split-roles';
import { removeTemplateTags } from './template-tags';
import type { JobDescription, SectionVocabulary } from './types';

/** An opening `---` fence followed by what looks like a YAML key: front matter that was meant. */
const FRONT_MATTER_START = /^---[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*[\w"'-][^\n:]*:(?:\s|$)/;

const PLAIN = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };
const WITH_TABLES = {
  extensions: [frontmatter(['yaml']), gfmTable()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
};
/** A table's delimiter row ("| --- | :--: |"): without one there is no table, and the table tokenizer, which tries every line, is left out. */
const DELIMITER_ROW = /^[ \t]*(?:\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?|:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?)[ \t]*\r?$/m;

function parseTree(text: string): Root {
  try {
    return fromMarkdown(text, text.includes('|') && DELIMITER_ROW.test(text) ? WITH_TABLES : PLAIN);
  } catch (cause) {
    throw new JdParseError('markdown could not be parsed', { line: 1, column: 1, cause });
  }
}

/** Moves every position of a chunk's tree down to the lines of the whole file. */
function shiftLines(root: Root, by: number): void {
  if (by === 0) return;
  const stack: { position?: { start: { line: number }; end: { line: number } }; children?: unknown }[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.position) {
      node.position.start.line += by;
      node.position.end.line += by;
    }
    if (Array.isArray(node.children)) stack.push(...(node.children as typeof stack));
  }
}

/** The whole document's tree, parsed chunk by chunk (see {@link markdownChunks}); the first chunk holds any front matter. */
function parseChunks(text: string): { readonly first: Root; readonly children: RootContent[] } {
  const roots = markdownChunks(text).map((chunk) => {
    const root = parseTree(chunk.text);
    shiftLines(root, chunk.firstLine - 1);
    return root;
  });
  return { first: roots[0] ?? parseTree(''), children: roots.flatMap((root) => root.children) };
}

function readFrontMatter(text: string, root: Root): FrontMatter | undefined {
  const first = root.children[0];
  if (first?.type === 'yaml') return parseFrontMatter(first.value, (first.position?.start.line ?? 1) + 1);
  if (FRONT_MATTER_START.test(text)) {
    throw new JdParseError('front matter is not closed: expected a line "---" after the yaml', {
      line: 1,
      column: 1,
      hint: 'end the front matter with a line of three dashes, "---", before the markdown starts',
    });
  }
  return undefined;
}

/**
 * Reads a Markdown job description, with or without YAML front matter: sections from `#` headings and
 * from short introducing lines, items from bullets, prose paragraphs and table rows, each with its source
 * line; template markup (Liquid, GitBook, Hugo) removed first; the roles of a page that describes several.
 * @throws JdParseError when the front matter is not valid YAML or is not closed, or lists nest too deep
 */
export function parseMarkdown(text: string, vocabulary: SectionVocabulary): JobDescription {
  checkMarkdownDepth(text);
  const chunks = parseChunks(text);
  const { first } = chunks;
  let { children } = chunks;
  const frontMatter = readFrontMatter(text, first);
  if (text.includes('{%') || text.includes('{{')) {
    // Template markup can hide or fake Markdown structure, so it goes before the page is read again.
    const body = first.children[0]?.type === 'yaml' ? (first.children[0].position?.end.line ?? 0) : 0;
    const lines = text.split('\n');
    const kept = [...lines.slice(0, body), removeTemplateTags(lines.slice(body).join('\n'), frontMatter?.data)];
    ({ children } = parseChunks(kept.join('\n')));
  }
  const blocks = markdownBlocks(children);
  const sections = buildSections(blocks, vocabulary);
  const roles = splitRoles(blocks, vocabulary);
  const headings = blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []));
  const title = pickTitle({ ...(frontMatter?.title === undefined ? {} : { declared: frontMatter.title }), headings, sections }, vocabulary);
  return { title, format: frontMatter === undefined ? 'markdown' : 'front-matter', sections, roles };
}
