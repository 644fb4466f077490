import { readdirSync, statSync } from 'node:fs';
import { join, normalize, relative, resolve, isAbsolute } from 'node:path';
import type { z } from 'zod';
import { JdParseError, parseJobDescription } from '../jd';
import { mergeVocabulary, DEFAULT_SECTION_VOCABULARY } from '../jd/section-vocabulary';
import type { SectionVocabulary } from '../jd/types';
import { CapabilitiesFileSchema, DEFAULT_LIMITS, LimitsSchema, OrgFileSchema, PeopleFileSchema, RoleFileSchema, type Limits } from '../schema';
import type { Problem } from './problem';
import { readContainedFile } from './read-contained-file';
import type { Located, LoadedJd, RolesBundle } from './roles-bundle';
import { checkSource } from './schema-problems';
import { YamlSource } from './yaml-source';

/** File names in the roles directory that are not role files. */
export const RESERVED_FILES = ['org.yaml', 'capabilities.yaml', 'people.yaml'] as const;

/** Result of loading a roles directory: the bundle and every problem met on the way. */
export interface LoadResult {
  readonly bundle: RolesBundle;
  readonly problems: readonly Problem[];
}

/**
 * Reads and checks every file of a roles directory: org.yaml, capabilities.yaml, people.yaml, one
 * `<role>.yaml` per role and the JDs they name. Never throws for bad input: problems are returned.
 * `displayDir` is how the directory is named in problems (defaults to its path relative to the cwd).
 */
export function loadRoles(dir: string, displayDir?: string): LoadResult {
  const shown = displayDir ?? (relative(process.cwd(), resolve(dir)) || '.');
  const problems: Problem[] = [];
  const sources = new Map<string, YamlSource>();
  const show = (name: string): string => join(shown, name);

  if (!isDirectory(dir)) {
    problems.push({ severity: 'error', file: shown, line: 1, column: 1, message: 'roles directory not found', hint: 'pass --roles DIR' });
    return { bundle: emptyBundle(shown, sources), problems };
  }

  let limits: Limits = DEFAULT_LIMITS;
  const read = (name: string): YamlSource | undefined => {
    const file = show(name);
    const raise =
      name === 'org.yaml'
        ? `org.yaml is always read under the built-in limit of ${DEFAULT_LIMITS.yamlBytes} bytes; make it smaller`
        : `raise limits.yamlBytes in org.yaml, or split the file`;
    const read = readContainedFile(dir, name, name, limits.yamlBytes, raise);
    if (!read.ok) {
      const hint = read.kind === 'missing' && (RESERVED_FILES as readonly string[]).includes(name) ? `create ${file}` : read.hint;
      problems.push({ severity: 'error', file, line: 1, column: 1, message: read.message, hint });
      return undefined;
    }
    const source = new YamlSource(file, read.text);
    sources.set(file, source);
    return source;
  };

  const orgSource = read('org.yaml');
  const org = orgSource && checkWhole(orgSource, OrgFileSchema, problems);
  limits = limitsOf(orgSource);

  const capabilitiesSource = read('capabilities.yaml');
  const capabilities = capabilitiesSource
    ? checkList(capabilitiesSource, CapabilitiesFileSchema, 'capabilities', CapabilitiesFileSchema.shape.capabilities.element, problems)
    : [];
  const rotations = capabilitiesSource
    ? listItems(capabilitiesSource, 'rotations', CapabilitiesFileSchema.shape.rotations.unwrap().element)
    : [];

  const peopleSource = read('people.yaml');
  const people = peopleSource
    ? checkList(peopleSource, PeopleFileSchema, 'people', PeopleFileSchema.shape.people.element, problems)
    : [];

  const roleNames = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !(RESERVED_FILES as readonly string[]).includes(name))
    .sort();
  const roles = roleNames.flatMap((name) => {
    const source = read(name);
    const role = source && checkWhole(source, RoleFileSchema, problems);
    return role ? [role] : [];
  });

  const vocabulary = org?.value.jdSections ? mergeVocabulary(DEFAULT_SECTION_VOCABULARY, org.value.jdSections) : undefined;
  const jds = new Map<string, LoadedJd>();
  for (const role of roles) {
    const key = role.value.jd;
    if (jds.has(key)) continue;
    const jd = readJd(dir, shown, role, vocabulary, limits, problems);
    if (jd) jds.set(key, jd);
  }

  return {
    bundle: { dir: shown, org, rotations, capabilities, people, roles, jds, sources },
    problems,
  };
}

function readJd(
  dir: string,
  shown: string,
  role: Located<z.output<typeof RoleFileSchema>>,
  vocabulary: SectionVocabulary | undefined,
  limits: Limits,
  problems: Problem[],
): LoadedJd | undefined {
  const path = role.value.jd;
  const file = join(shown, path);
  if (isAbsolute(path) || normalize(path).startsWith('..')) {
    problems.push(role.source.problem(['jd'], `JD path "${path}" is outside the roles directory`, 'keep JDs under roles/jd/'));
    return undefined;
  }
  const read = readContainedFile(dir, path, `JD ${file}`, limits.jdBytes, 'raise limits.jdBytes in org.yaml, or shorten the JD');
  if (!read.ok) {
    const hint = read.kind === 'missing' ? 'the path is relative to the roles directory' : read.hint;
    problems.push(role.source.problem(['jd'], read.message, hint));
    return undefined;
  }
  try {
    return { file, jd: parseJobDescription(read.text, vocabulary ? { vocabulary } : undefined) };
  } catch (error) {
    if (!(error instanceof JdParseError)) throw error;
    problems.push({ severity: 'error', file, line: error.line, column: error.column, message: error.message, hint: error.hint });
    return undefined;
  }
}

/**
 * The size limits org.yaml sets, read on their own so that a mistake elsewhere in org.yaml does not put
 * the other files under different limits; a bad `limits:` block is reported by the schema check.
 */
function limitsOf(source: YamlSource | undefined): Limits {
  const data: unknown = source?.data;
  const raw = data && typeof data === 'object' ? (data as Record<string, unknown>)['limits'] : undefined;
  const parsed = LimitsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_LIMITS;
}

function checkWhole<S extends z.ZodType>(source: YamlSource, schema: S, problems: Problem[]): Located<z.output<S>> | undefined {
  const checked = checkSource(source, schema);
  problems.push(...checked.problems);
  return checked.value === undefined ? undefined : { source, path: [], value: checked.value };
}

/**
 * Checks a whole list file (reporting every problem), and returns the entries that pass on their own,
 * so that one bad entry does not hide the cross-file problems of the others.
 */
function checkList<S extends z.ZodType, E extends z.ZodType>(
  source: YamlSource,
  schema: S,
  key: string,
  element: E,
  problems: Problem[],
): Located<z.output<E>>[] {
  const checked = checkSource(source, schema);
  problems.push(...checked.problems);
  return listItems(source, key, element);
}

function listItems<E extends z.ZodType>(source: YamlSource, key: string, element: E): Located<z.output<E>>[] {
  const data = source.data;
  if (!data || typeof data !== 'object') return [];
  const list = (data as Record<string, unknown>)[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    const parsed = element.safeParse(item);
    return parsed.success ? [{ source, path: [key, index], value: parsed.data }] : [];
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function emptyBundle(dir: string, sources: Map<string, YamlSource>): RolesBundle {
  return { dir, rotations: [], capabilities: [], people: [], roles: [], jds: new Map(), sources };
}
