import type { JobDescription } from '../jd/types';
import type { CapabilityFile, OrgFile, PersonFile, RoleFile } from '../schema';
import type { CapabilitiesFile } from '../schema/capabilities';
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
  readonly people: readonly Located<PersonFile>[];
  readonly roles: readonly Located<RoleFile>[];
  /** Job descriptions by the `jd:` value exactly as written in role files (relative to the roles directory). */
  readonly jds: ReadonlyMap<string, LoadedJd>;
  /** Every source read, by display path (for tools that edit or re-locate). */
  readonly sources: ReadonlyMap<string, YamlSource>;
}
