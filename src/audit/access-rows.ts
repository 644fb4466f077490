import { grantAccessText } from '../backends/renderers';
import { personGrants } from '../model/build/person-access';
import type { AccessModel, Grant, Justification, PersonAccess } from '../model/types';

/** One person and one grant, with the chain that justifies it: a line of a user-access review. */
export interface AccessRow {
  readonly person: string;
  readonly name: string;
  readonly email: string;
  readonly status: PersonAccess['status'];
  /** The person's roles, in people.yaml order. */
  readonly roles: readonly string[];
  readonly grant: string;
  readonly capability: string;
  readonly backend: 'aws' | 'github' | 'oncall';
  /** What the grant gives, in words. */
  readonly access: string;
  readonly risk: string;
  /** Every justification: `role → duty "quote" (role file:line → JD file:line, section) → capability`. */
  readonly justification: readonly string[];
  /** The JD lines quoted, `file:line: text`, for the reviewer to read. */
  readonly quotes: readonly string[];
}

/** The access review rows of every active person, sorted by person, then grant; GitHub owners get an `github:owner` row. */
export function accessRows(model: AccessModel): AccessRow[] {
  const rows: AccessRow[] = [];
  for (const person of model.people) {
    if (person.status !== 'active') continue;
    const base = { person: person.id, name: person.name, email: person.email, status: person.status, roles: person.roles };
    if (person.githubOwner) {
      rows.push({
        ...base,
        grant: 'github:owner',
        capability: 'github-organisation-owner',
        backend: 'github',
        access: `owner of GitHub organisation ${model.github.org}`,
        risk: 'high',
        justification: [`org.yaml github.owners (${person.githubOwner.at.file}:${person.githubOwner.at.line})`],
        quotes: [],
      });
    }
    for (const grant of personGrants(model, person)) {
      rows.push({
        ...base,
        grant: grant.id,
        capability: grant.capabilityId,
        backend: grant.target.backend,
        access: accessText(grant),
        risk: grant.risk,
        justification: grant.because.map(chainText),
        quotes: [
          ...new Set(
            grant.because.flatMap((because) =>
              because.reason.kind === 'duty' && because.reason.jd.line > 0
                ? [`${because.reason.jd.file}:${because.reason.jd.line}: ${because.reason.jd.text}`]
                : [],
            ),
          ),
        ],
      });
    }
  }
  return rows;
}

/** A grant's access in words, as its backend says it. */
export function accessText(grant: Grant): string {
  return grantAccessText(grant.target);
}

/** One justification as a chain. */
export function chainText(because: Justification): string {
  const reason = because.reason;
  switch (reason.kind) {
    case 'duty':
      return reason.jd.line > 0
        ? `${because.roleId} → duty "${reason.quote}" (${reason.at.file}:${reason.at.line} → ${reason.jd.file}:${reason.jd.line}, ${reason.jd.section}) → ${because.capabilityId}`
        : `${because.roleId} → duty "${reason.quote}" (${reason.at.file}:${reason.at.line} → NOT FOUND in ${reason.jd.file}) → ${because.capabilityId}`;
    case 'baseline':
      return `${because.roleId} → baseline "${reason.reason}" (${reason.at.file}:${reason.at.line}) → ${because.capabilityId}`;
    case 'role':
      return `${because.roleId} (${reason.at.file}:${reason.at.line}) → ${because.capabilityId}`;
  }
}
