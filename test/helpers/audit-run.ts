import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ActualPiece } from '../../src/audit/sources';
import { mergeActual, readAuthorizationDetails, readGithubExport, readLastAccessed } from '../../src/audit/sources';
import { runAudit, type AuditResult } from '../../src/audit/run-audit';
import { loadAuditModel } from '../../src/pipeline/load-audit-model';
import { DEFAULT_AUDIT } from '../../src/schema/audit';
import { EXAMPLE_ROLES, PROJECT_ROOT } from './roles-dir';

/** The planted exports of the example org. */
export const AUDIT_FIXTURE = join(PROJECT_ROOT, 'test/fixtures/audit/example-org');

/** Reads the example org's planted exports as the CLI would. */
export function exampleExports(): ActualPiece[] {
  const file = (name: string) => ({ shown: `exports/${name}`, text: readFileSync(join(AUDIT_FIXTURE, name), 'utf8') });
  const prod = file('authorization-details-prod.json');
  const staging = file('authorization-details-staging.json');
  const lastAccessed = file('last-accessed.json');
  const githubDir = join(AUDIT_FIXTURE, 'github');
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(githubDir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(githubDir);
  return [
    readAuthorizationDetails(prod.shown, prod.text),
    readAuthorizationDetails(staging.shown, staging.text),
    readGithubExport('exports/github', files),
    readLastAccessed(lastAccessed.shown, lastAccessed.text),
  ];
}

/** Audits a roles directory (the example org by default) on 2026-11-22 against the given pieces. */
export function auditOf(pieces: readonly ActualPiece[] = [], dir = EXAMPLE_ROLES, texts?: ReadonlyMap<string, string>): AuditResult {
  const loaded = loadAuditModel(dir, '2026-11-22', 'roles', texts ? { texts } : {});
  if (!loaded.model) throw new Error(loaded.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`).join('\n'));
  const config = loaded.bundle.org?.value.audit ?? { ...DEFAULT_AUDIT, suppressions: [] };
  return runAudit({ model: loaded.model, bundle: loaded.bundle, config, actual: mergeActual(pieces), brokenQuotes: loaded.brokenQuotes });
}
