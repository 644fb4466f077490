import type { JobDescription } from '../jd/types';
import type { CapabilityFile, OrgFile, PersonFile, RoleFile } from '../schema';
import type { CapabilitiesFile, SeparationFile } from '../schema/capabilities';
import type { YamlSource } from './yaml-source';

/** A value read from a YAML file, with the source to position problems in. */
export interface Located<T> {
  readonly source: YamlSource;
  /** Where the value sits in the file, e.g. `['people', 3]`. */
  readonly path: readonly (string | number)[];
  readonly value: T;
}

/** A job description read from disk. */
export interface LoadedJd {
  /** Path as shown to the user, e.g. `roles/jd/sre.json`. */
  readonly file: string;
  readonly jd: JobDescription;
}

/**
 * Everything read from a roles directory: each entry that passed its schema, with its source. Entries
 * that failed are left out (their problems are reported), so cross-file checks still run on the rest.
 */
export interface RolesBundle {
  /** The roles directory as shown to the user, e.g. `roles`. */
  readonly dir: string;
  readonly org?: Located<OrgFile>;
  readonly rotations: readonly Located<CapabilitiesFile['rotations'][number]>[];
  readonly capabilities: readonly Located<CapabilityFile>[];
  /** Separation-of-duties entries of capabilities.yaml that passed their schema. @default none */
  readonly separations?: readonly Located<SeparationFile>[];
  readonly people: readonly Located<PersonFile>[];
  readonly roles: readonly Located<RoleFile>[];
  /** Job descriptions by the `jd:` value exactly as written in role files (relative to the roles directory). */
  readonly jds: ReadonlyMap<string, LoadedJd>;
  /**
   * Ids of the entries that failed their schema, by kind: they are reported once where they are wrong,
   * and references to them are not reported again as unknown.
   */
  readonly failed?: FailedIds;
  /** Every source read, by display path (for tools that edit or re-locate). */
  readonly sources: ReadonlyMap<string, YamlSource>;
}

/**
 * Ids of entries whose own schema check failed, so that one mistake gives one problem; `all` when the
 * file that lists them could not be read or parsed at all.
 */
export interface FailedIds {
  readonly roles: ReadonlySet<string> | 'all';
  readonly capabilities: ReadonlySet<string> | 'all';
  readonly people: ReadonlySet<string> | 'all';
  readonly rotations: ReadonlySet<string> | 'all';
}

/** True when `id` names an entry of `kind`: one that loaded, or one that failed its schema (already reported). */
export function isKnownId(bundle: RolesBundle, kind: keyof FailedIds, id: string, loaded: readonly string[]): boolean {
  const failed = bundle.failed?.[kind];
  return setOf(loaded).has(id) || failed === 'all' || (failed?.has(id) ?? false);
}

// Each person names roles, each duty capabilities: a set per id list keeps those checks linear.
const idSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function setOf(ids: readonly string[]): ReadonlySet<string> {
  let set = idSets.get(ids);
  if (!set) idSets.set(ids, (set = new Set(ids)));
  return set;
}

/** Entries by id, the first of a duplicated id kept (as `Array.find` would): for lookups in loops. */
export function locatedById<T extends { readonly id: string }>(items: readonly Located<T>[]): ReadonlyMap<string, Located<T>> {
  const byId = new Map<string, Located<T>>();
  for (const item of items) if (!byId.has(item.value.id)) byId.set(item.value.id, item);
  return byId;
}
