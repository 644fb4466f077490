import { readdirSync, statSync } from 'node:fs';
import { join, normalize, relative, resolve, isAbsolute } from 'node:path';
import type { z } from 'zod';
import { JdParsing, type JdOutcome } from './parse-jds';
import { readerVocabulary } from '../jd/section-vocabulary';
import { pickJdRole, splitJdReference } from './jd-reference';
import {
  CapabilitiesFileSchema,
  DEFAULT_LIMITS,
  LimitsSchema,
  OrgFileSchema,
  PeopleFileSchema,
  RoleFileSchema,
  SeparationSchema,
  type Limits,
  type SeparationFile,
} from '../schema';
import type { Problem } from './problem';
import { readContainedFile } from './read-contained-file';
import type { Located, LoadedJd, RolesBundle } from './roles-bundle';
import { checkSource } from './schema-problems';
import { YamlSource } from './yaml-source';

/** File names in the roles directory that are not role files. */
export const RESERVED_FILES = ['org.yaml', 'capabilities.yaml', 'people.yaml'] as const;

/** From this many role files on, a directory is expected to have enough JD text for a second thread. */
const MANY_ROLES = 50;

/** What else to do while a roles directory is read. */
export interface LoadOptions {
  /**
   * Checks of the capabilities that need no JD, run while the JDs are parsed on a second thread; their
   * problems are returned with the others.
   */
  readonly whileJdsParse?: (capabilities: RolesBundle['capabilities']) => readonly Problem[];
  /**
   * Narrows what is checked and built once every file is read (before the JDs, which are then parsed
   * for the kept roles only): `explain` keeps what one person's or role's access depends on.
   */
  readonly select?: (bundle: RolesBundle) => RolesBundle;
  /**
   * Files read from here instead of the directory, by name (`people.yaml`): what a command that edits
   * a file checks before it writes anything.
   */
  readonly texts?: ReadonlyMap<string, string>;
}

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
export function loadRoles(dir: string, displayDir?: string, options: LoadOptions = {}): LoadResult {
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
    const read =
      givenText(options.texts?.get(name), name, limits.yamlBytes, raise) ?? readContainedFile(dir, name, name, limits.yamlBytes, raise);
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

  const failed: Record<'capabilities' | 'rotations' | 'people', Set<string> | 'all'> & { roles: Set<string> } = {
    roles: new Set<string>(),
    capabilities: new Set<string>(),
    people: new Set<string>(),
    rotations: new Set<string>(),
  };
  const roleNames = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !(RESERVED_FILES as readonly string[]).includes(name))
    .sort();
  // Many roles mean many JDs: their thread starts now and loads its parser while the YAML is read.
  const jdParsing = new JdParsing(roleNames.length >= MANY_ROLES && !options.select);

  const roles = roleNames.flatMap((name) => {
    const source = read(name);
    const role = source && checkWhole(source, RoleFileSchema, problems);
    if (!role) failed.roles.add(idOf(source?.data) ?? name.replace(/\.ya?ml$/, ''));
    return role ? [role] : [];
  });

  // The JDs are parsed (on a second thread when there are many) while capabilities.yaml and people.yaml,
  // the largest files, are read; this thread joins in when it is done. A selection needs people.yaml
  // first, and parses only its roles' JDs.
  const vocabulary = org?.value.jdSections ? readerVocabulary(org.value.jdSections) : undefined;
  const startJds = (of: readonly Located<z.output<typeof RoleFileSchema>>[]): JdWork => {
    const texts = new Map<string, { file: string; text: string }>();
    for (const role of of) {
      const key = splitJdReference(role.value.jd).path;
      if (texts.has(key)) continue;
      const text = readJd(dir, shown, role, limits, problems);
      if (text) texts.set(key, text);
    }
    return {
      texts,
      outcomes: jdParsing.parse(
        [...texts.values()].map((jd) => jd.text),
        vocabulary ? { vocabulary } : undefined,
      ),
    };
  };
  let jdWork = options.select ? undefined : startJds(roles);

  const capabilitiesSource = read('capabilities.yaml');
  const capabilitiesFile = capabilitiesSource && checkSource(capabilitiesSource, CapabilitiesFileSchema);
  problems.push(...(capabilitiesFile?.problems ?? []));
  const capabilities = listItems(
    capabilitiesSource,
    'capabilities',
    CapabilitiesFileSchema.shape.capabilities.element,
    failed,
    capabilitiesFile?.value,
  );
  const rotations = listItems(
    capabilitiesSource,
    'rotations',
    CapabilitiesFileSchema.shape.rotations.unwrap().element,
    failed,
    capabilitiesFile?.value,
    true,
  );
  const separations = separationItems(capabilitiesSource);

  const peopleSource = read('people.yaml');
  const peopleFile = peopleSource && checkSource(peopleSource, PeopleFileSchema);
  problems.push(...(peopleFile?.problems ?? []));
  const people = listItems(peopleSource, 'people', PeopleFileSchema.shape.people.element, failed, peopleFile?.value);

  let bundle: RolesBundle = { dir: shown, org, rotations, capabilities, separations, people, roles, jds: new Map(), sources, failed };
  if (options.select) bundle = options.select(bundle);
  jdWork ??= startJds(bundle.roles);
  if (options.whileJdsParse) problems.push(...options.whileJdsParse(bundle.capabilities));
  const parsed = new Map<string, LoadedJd>();
  const outcomes = jdWork.outcomes();
  [...jdWork.texts.entries()].forEach(([key, { file }], index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) parsed.set(key, { file, jd: outcome.jd });
    else if (outcome)
      problems.push({
        severity: 'error',
        file,
        line: outcome.error.line,
        column: outcome.error.column,
        message: outcome.error.message,
        hint: outcome.error.hint,
      });
  });
  // A page that describes several roles is read once; each role file gets the role its anchor picks.
  const jds = new Map<string, LoadedJd>();
  for (const role of bundle.roles) {
    const reference = splitJdReference(role.value.jd);
    const loaded = parsed.get(reference.path);
    if (loaded === undefined || jds.has(role.value.jd)) continue;
    const picked = pickJdRole(loaded.jd, reference.anchor, reference.path);
    if (picked.ok) jds.set(role.value.jd, { file: loaded.file, jd: picked.jd });
    else problems.push(role.source.problem(['jd'], picked.message, picked.hint));
  }
  return { bundle: { ...bundle, jds }, problems };
}

/** A text given in memory, under the same size limit as the file it stands for. */
function givenText(text: string | undefined, name: string, limit: number, hint: string): ReturnType<typeof readContainedFile> | undefined {
  if (text === undefined) return undefined;
  const size = Buffer.byteLength(text);
  if (size > limit)
    return { ok: false, kind: 'too-large', message: `${name} would be ${size} bytes, over the limit of ${limit} bytes`, hint };
  return { ok: true, text };
}

/** JDs being parsed: their texts by the `jd:` value, and the outcomes in the same order once ready. */
interface JdWork {
  readonly texts: ReadonlyMap<string, { readonly file: string; readonly text: string }>;
  readonly outcomes: () => JdOutcome[];
}

/** The text of a role's JD, read within the roles directory and the size limit; undefined with a problem when it cannot be. */
function readJd(
  dir: string,
  shown: string,
  role: Located<z.output<typeof RoleFileSchema>>,
  limits: Limits,
  problems: Problem[],
): { file: string; text: string } | undefined {
  const { path } = splitJdReference(role.value.jd);
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
  return { file, text: read.text };
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
 * The entries of the list under `key` that pass their schema on their own, so that one bad entry does
 * not hide the cross-file problems of the others. The ids of those that fail go into `failed[key]`,
 * and when the file could not be read or parsed, or the list is not a list, `failed[key]` is `all`.
 * `whole` is the file as its own schema parsed it, when it passed: its entries are taken as they are.
 */
function listItems<E extends z.ZodType, K extends 'capabilities' | 'rotations' | 'people'>(
  source: YamlSource | undefined,
  key: K,
  element: E,
  failed: Record<K, Set<string> | 'all'>,
  whole: Partial<Record<K, readonly z.output<E>[]>> | undefined,
  optional = false,
): Located<z.output<E>>[] {
  const data: unknown = source?.data;
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  if (!source || !Array.isArray(list)) {
    if (!(optional && source?.data !== undefined && list === undefined)) failed[key] = 'all';
    return [];
  }
  // The whole file passed: each entry passed as part of it, and parsing them one by one again would
  // double the schema's cost on the largest file.
  const parsedWhole = whole?.[key];
  if (parsedWhole !== undefined && parsedWhole.length === list.length) {
    return parsedWhole.map((value, index) => ({ source, path: [key, index], value }));
  }
  const ids = failed[key];
  return list.flatMap((item, index) => {
    const parsed = element.safeParse(item);
    if (parsed.success) return [{ source, path: [key, index], value: parsed.data }];
    const id = idOf(item);
    if (id !== undefined && ids !== 'all') ids.add(id);
    return [];
  });
}

/** The separation-of-duties entries that pass their schema (their problems come from the whole file's check). */
function separationItems(source: YamlSource | undefined): Located<SeparationFile>[] {
  const data: unknown = source?.data;
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>)['separationOfDuties'] : undefined;
  if (!source || !Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    const parsed = SeparationSchema.safeParse(item);
    return parsed.success ? [{ source, path: ['separationOfDuties', index], value: parsed.data }] : [];
  });
}

/** The `id` an entry gives itself, when it is a string. */
function idOf(data: unknown): string | undefined {
  const id = data && typeof data === 'object' ? (data as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
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
