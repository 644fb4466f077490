import { buildSections } from './build-sections';
import { decodeUntilMarkup } from './decode-entities';
import { htmlBlocks } from './html-blocks';
import { JdParseError } from './jd-parse-error';
import { cleanTitle } from './pick-title';
import { scanJson, type JsonOffsets } from './scan-json';
import { positionAt } from './source-position';
import type { TextBlock } from './text-block';
import { uniqueAnchors } from './split-roles';
import type { JdRole, JdSection, JobDescription, SectionVocabulary } from './types';

type JsonObject = { readonly [key: string]: unknown };

const JSON_LD_HINT = 'a job description in json must be json-ld with "@type": "JobPosting" (https://schema.org/JobPosting)';

/**
 * JobPosting properties that hold text of their own, read as extra sections after the description
 * (https://schema.org/JobPosting). Their names are headings, classified by the vocabulary like any other.
 */
const TEXT_PROPERTIES: readonly (readonly [property: string, heading: string])[] = [
  ['responsibilities', 'Responsibilities'],
  ['qualifications', 'Qualifications'],
  ['skills', 'Skills'],
  ['experienceRequirements', 'Experience requirements'],
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJobPosting(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const type = value['@type'];
  const types = Array.isArray(type) ? type : [type];
  // Compact ("JobPosting"), prefixed ("schema:JobPosting") or full IRI ("https://schema.org/JobPosting").
  return types.some((entry) => typeof entry === 'string' && /(?:^|[/:#])JobPosting$/.test(entry));
}

/** Every JobPosting with its JSON pointer: the document itself, the elements of an array or of a `@graph`. */
function findJobPostings(document: unknown): { readonly posting: JsonObject; readonly pointer: string }[] {
  if (isJobPosting(document)) return [{ posting: document, pointer: '' }];
  const [list, base] = Array.isArray(document)
    ? [document, '']
    : isObject(document) && Array.isArray(document['@graph'])
      ? [document['@graph'] as readonly unknown[], '/@graph']
      : [[], ''];
  return list.flatMap((entry: unknown, index) => (isJobPosting(entry) ? [{ posting: entry, pointer: `${base}/${index}` }] : []));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Whether content is JSON rather than Markdown: it starts with "{", or with "[" and parses. */
export function looksLikeJson(text: string): boolean {
  const start = text.trimStart();
  if (start.startsWith('{')) return true;
  if (!start.startsWith('[')) return false;
  try {
    JSON.parse(start);
    return true;
  } catch {
    return false;
  }
}

function parseJson(text: string): { readonly document: unknown; readonly offsets: JsonOffsets } {
  // Scanned first: the scan bounds the nesting, so nothing after it walks a document thousands deep.
  const scan = scanJson(text);
  if (!scan.ok && scan.tooDeep === true) {
    throw new JdParseError(`json nested too deep: expected ${scan.expected}`, {
      ...positionAt(text, scan.offset),
      hint: 'a JobPosting needs only a few levels; flatten the document',
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    const offset = scan.ok ? 0 : scan.offset;
    const expected = scan.ok ? 'valid json' : scan.expected;
    const found = text.charAt(offset);
    const got = found === '' ? 'the end of the document' : JSON.stringify(found);
    throw new JdParseError(`content starts like json but is not valid json: expected ${expected}, got ${got}`, {
      ...positionAt(text, offset),
      hint: 'a json job description must be one schema.org JobPosting object; check for a missing comma or quote',
      cause,
    });
  }
  return { document, offsets: scan.ok ? scan.offsets : new Map() };
}

function notAJobPosting(text: string, document: unknown, offsets: JsonOffsets): JdParseError {
  const type = isObject(document) ? document['@type'] : undefined;
  const offset = offsets.get('/@type') ?? offsets.get('') ?? 0;
  const found = type === undefined ? `${describe(document)} without "@type"` : `"@type" ${JSON.stringify(type)}`;
  return new JdParseError(`json document is not a schema.org JobPosting: found ${found}`, {
    ...positionAt(text, offset),
    hint: JSON_LD_HINT,
  });
}

function textProperty(
  text: string,
  posting: JsonObject,
  offsets: JsonOffsets,
  pointer: string,
  property: string,
): { readonly value: string; readonly line: number } | undefined {
  const value = posting[property];
  const offset = offsets.get(`${pointer}/${property}`) ?? offsets.get(pointer) ?? 0;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new JdParseError(`JobPosting "${property}" must be a string, got ${describe(value)}`, {
      ...positionAt(text, offset),
      hint: `write "${property}" as one string of text or html`,
    });
  }
  return { value, line: positionAt(text, offset).line };
}

/** Reads HTML held in a JSON string, escaped any number of times, into blocks on the string's line. */
function descriptionBlocks(html: string, line: number): TextBlock[] {
  return htmlBlocks(decodeUntilMarkup(html), () => line);
}

/**
 * Blocks of an optional text property: a string of HTML, or a list of strings read as items. Other shapes
 * (a DefinedTerm, an OccupationalExperienceRequirements object) carry no prose and are skipped.
 */
function propertyBlocks(text: string, value: unknown, offsets: JsonOffsets, pointer: string, heading: string): TextBlock[] {
  const lineOf = (at: string): number => positionAt(text, offsets.get(at) ?? offsets.get(pointer) ?? 0).line;
  const line = lineOf(pointer);
  if (typeof value === 'string' && value.trim() !== '') {
    return [{ type: 'heading', text: heading, rank: 1, line }, ...descriptionBlocks(value, line)];
  }
  if (!Array.isArray(value) || !value.some((entry) => typeof entry === 'string' && entry.trim() !== '')) return [];
  const entries: readonly unknown[] = value;
  return [
    { type: 'heading', text: heading, rank: 1, line },
    ...entries.flatMap((entry, index) =>
      typeof entry === 'string' ? descriptionBlocks(`<li>${entry}</li>`, lineOf(`${pointer}/${index}`)) : [],
    ),
  ];
}

/** One posting's title and sections. */
function readPosting(
  text: string,
  posting: JsonObject,
  offsets: JsonOffsets,
  pointer: string,
  vocabulary: SectionVocabulary,
): { readonly title: string; readonly line: number; readonly sections: JdSection[] } {
  const title = textProperty(text, posting, offsets, pointer, 'title');
  const cleanedTitle = title === undefined ? '' : cleanTitle(title.value);
  const at = positionAt(text, offsets.get(pointer) ?? 0);
  if (cleanedTitle === '') {
    throw new JdParseError('JobPosting has no "title"', {
      ...at,
      hint: 'add "title": the name of the job, e.g. "Site Reliability Engineer"',
    });
  }
  const blocks: TextBlock[] = [];
  const description = textProperty(text, posting, offsets, pointer, 'description');
  if (description !== undefined) blocks.push(...descriptionBlocks(description.value, description.line));
  for (const [property, heading] of TEXT_PROPERTIES) {
    blocks.push(...propertyBlocks(text, posting[property], offsets, `${pointer}/${property}`, heading));
  }
  return { title: cleanedTitle, line: at.line, sections: buildSections(blocks, vocabulary) };
}

/**
 * Reads schema.org JobPostings in JSON-LD: the title from `title`, sections from the HTML headings of
 * `description`, then from `responsibilities`, `qualifications`, `skills` and `experienceRequirements`.
 * Every item is on the line of the JSON string it came from. A document with several postings (an array
 * or a `@graph`) has one role per posting, anchored by its title.
 * @throws JdParseError when the content is not valid JSON or holds no JobPosting
 */
export function parseJsonLd(text: string, vocabulary: SectionVocabulary): JobDescription {
  const { document, offsets } = parseJson(text);
  const found = findJobPostings(document);
  if (found.length === 0) throw notAJobPosting(text, document, offsets);
  const postings = found.map(({ posting, pointer }) => readPosting(text, posting, offsets, pointer, vocabulary));
  const anchors = uniqueAnchors(postings.map((posting) => posting.title));
  const roles: JdRole[] =
    postings.length < 2
      ? []
      : postings.map((posting, index) => ({
          anchor: anchors[index] ?? '',
          title: posting.title,
          line: posting.line,
          sections: posting.sections,
        }));
  return {
    title: postings[0]?.title ?? '',
    format: 'json-ld',
    sections: postings.flatMap((posting) => posting.sections),
    roles,
  };
}
