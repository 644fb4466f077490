import { isMap, isSeq, LineCounter, type YAMLError } from 'yaml';
import { JdParseError } from './jd-parse-error';
import { positionAt } from './source-position';
import { parseBoundedYaml, YamlAliasError } from './yaml-limits';

/** What a job description's front matter says. */
export interface FrontMatter {
  /** `title`, when it is a string or a number. */
  readonly title?: string;
  /** Every key, as plain data. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A hint for the YAML mistakes people make in front matter, by `yaml` error code. */
const HINTS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'remove one of the two keys',
  BAD_INDENT: 'indent nested values consistently and close every "[" and "{"',
  MISSING_CHAR: 'close every quote, "[" and "{"',
  MULTILINE_IMPLICIT_KEY: 'quote values that contain ": " or start with "[", "{", "*", "&", "!", "|" or ">"',
  BLOCK_AS_IMPLICIT_KEY: 'quote values that contain ": " or start with "[", "{", "*", "&", "!", "|" or ">"',
  UNEXPECTED_TOKEN: 'quote values that contain ": " or start with "[", "{", "*", "&", "!", "|" or ">"',
};

/** The first line of a `yaml` message, without its "at line 2, column 3" suffix, in lower case. */
function describeYamlError(error: YAMLError): string {
  const first = (error.message.split('\n')[0] ?? error.code).replace(/\s+at line \d+, column \d+:?\s*$/, '').trim();
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * Parses the YAML front matter of a Markdown job description (Jekyll, Hugo). Values stay strings unless
 * YAML 1.2 says otherwise, so a date written `10-11-2022` is the string "10-11-2022".
 *
 * @param source the YAML between the `---` fences
 * @param firstLine 1-based line of the file where `source` starts, to report errors in file lines
 * @throws JdParseError when the YAML is invalid or is not a mapping
 */
export function parseFrontMatter(source: string, firstLine: number): FrontMatter {
  const lineCounter = new LineCounter();
  const parsed = parseBoundedYaml(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): { line: number; column: number } => {
    const position = positionAt(source, offset);
    return { line: firstLine + position.line - 1, column: position.column };
  };
  if (!parsed.ok) {
    throw new JdParseError(`invalid yaml in front matter: ${parsed.breach.message}`, {
      ...at(parsed.breach.offset),
      hint: parsed.breach.hint,
    });
  }
  const document = parsed.doc;
  const error = document.errors[0];
  if (error !== undefined) {
    const hint = HINTS[error.code];
    throw new JdParseError(`invalid yaml in front matter: ${describeYamlError(error)}`, {
      ...at(error.pos[0]),
      ...(hint === undefined ? {} : { hint }),
      cause: error,
    });
  }
  if (document.contents === null) return { data: {} };
  if (!isMap(document.contents)) {
    const kind = isSeq(document.contents) ? 'a list' : 'a single value';
    throw new JdParseError(`front matter must be a mapping of keys to values, got ${kind}`, {
      ...at(document.contents.range?.[0] ?? 0),
      hint: 'write front matter as "key: value" lines, e.g. "title: Platform Engineer"',
    });
  }
  let data: Record<string, unknown>;
  try {
    data = parsed.toJS() as Record<string, unknown>;
  } catch (cause) {
    const breach = cause instanceof YamlAliasError ? cause.breach : undefined;
    throw new JdParseError(`invalid yaml in front matter: ${breach?.message ?? 'it cannot be turned into plain data'}`, {
      ...at(breach?.offset ?? 0),
      hint: 'remove anchors and aliases (&name, *name) from the front matter',
      cause,
    });
  }
  const title = data['title'];
  if (typeof title === 'string' || typeof title === 'number') return { title: String(title), data };
  return { data };
}
