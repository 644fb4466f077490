import type { ActualAccess, SourceInfo } from '../../audit/actual';
import {
  mergeActual,
  readAuthorizationDetails,
  readGithubExport,
  readIdentityCenter,
  readLastAccessed,
  readPagerdutyUsers,
  readTerraformState,
} from '../../audit/sources';
import type { Problem } from '../../load/problem';
import type { AccessModel } from '../../model/types';
import type { Parsed } from '../args';
import { readExportDirectory, readExportFile } from './audit-files';

type Piece = Parameters<typeof mergeActual>[0][number];

const HINTS = {
  state: 'give a Terraform state file, or the output of `terraform show -json` (see the README, Auditing)',
  authorization: 'give the output of `aws iam get-account-authorization-details --output json`',
  identityCenter: 'give the Identity Center export the README assembles (Auditing)',
  github: "give the directory the README's `gh api` commands write (Auditing)",
  lastAccessed: 'give the service last-accessed details by ARN that the README assembles (Auditing)',
  pagerduty: 'give the output of PagerDuty GET /users',
};

/** Reads every source the audit's options name into one ActualAccess; problems for what cannot be read. */
export function readAuditSources(
  parsed: Parsed,
  cwd: string,
  model: AccessModel | undefined,
): { actual: ActualAccess; problems: Problem[] } {
  const problems: Problem[] = [];
  const pieces: Piece[] = [];
  const stamp = (source: SourceInfo | undefined, read: { sha256: string; modified: string }): SourceInfo | undefined =>
    source ? { ...source, sha256: read.sha256, modified: read.modified } : undefined;
  const take = (result: { problems: readonly Problem[] } & Piece, read: { sha256: string; modified: string }): void => {
    problems.push(...result.problems);
    const source = stamp(result.source, read);
    pieces.push({ ...result, ...(source ? { source } : {}) });
  };
  const list = (name: string): readonly string[] =>
    parsed.lists?.[name] ?? (typeof parsed.values[name] === 'string' ? [String(parsed.values[name])] : []);
  const single = (name: string): string | undefined => (typeof parsed.values[name] === 'string' ? String(parsed.values[name]) : undefined);
  const defaultAccountId = model?.aws.accounts[0]?.id;

  for (const file of list('state')) {
    const read = readExportFile(cwd, file, problems, HINTS.state);
    if (read) take(readTerraformState(file, read.text, defaultAccountId ? { defaultAccountId } : {}), read);
  }
  for (const file of list('aws-authorization-details')) {
    const read = readExportFile(cwd, file, problems, HINTS.authorization);
    if (read) take(readAuthorizationDetails(file, read.text), read);
  }
  const identityCenter = single('identity-center');
  if (identityCenter !== undefined) {
    const read = readExportFile(cwd, identityCenter, problems, HINTS.identityCenter);
    if (read) take(readIdentityCenter(identityCenter, read.text), read);
  }
  const github = single('github-export');
  if (github !== undefined) {
    const read = readExportDirectory(cwd, github, problems, HINTS.github);
    if (read) take(readGithubExport(github.replace(/\/+$/, ''), read.files), read);
  }
  for (const file of list('last-accessed')) {
    const read = readExportFile(cwd, file, problems, HINTS.lastAccessed);
    if (read) take(readLastAccessed(file, read.text), read);
  }
  const pagerduty = single('pagerduty-users');
  if (pagerduty !== undefined) {
    const read = readExportFile(cwd, pagerduty, problems, HINTS.pagerduty);
    if (read) take(readPagerdutyUsers(pagerduty, read.text), read);
  }
  return { actual: mergeActual(pieces), problems };
}
