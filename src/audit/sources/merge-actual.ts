import type { SourceRef } from '../../model/types';
import { compareText } from '../../util/compare-text';
import type { ActualAccess, ActualIamGroup, ActualIamPolicy, ActualIamUser, SourceInfo } from '../actual';
import type { ActualFacts } from './json-source';

/** What one reader gave (its `actual` and `source`; other fields, such as `problems`, are ignored): see actual.ts. https://developer.hashicorp.com/terraform/internals/json-format */
export interface ActualPiece {
  readonly actual?: ActualFacts;
  readonly source?: SourceInfo;
}

interface Ranked<T> {
  readonly fact: T;
  /** 0 for a fact read from an export of the live system, 1 for one read from Terraform state. */
  readonly rank: number;
}

/**
 * Merges what the readers gave into one ActualAccess (the facts of actual.ts). The same fact from two
 * sources (a user in state and in the authorization details, say) becomes one: lists (groups, policies,
 * attachments) are the union, since access either shows is access; single values (path, document, role,
 * permission, `from`) are those of the live export before the state, then of the first file and line.
 * Every list is sorted, so the order of pieces changes nothing. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function mergeActual(pieces: readonly ActualPiece[]): ActualAccess {
  const ranked = pieces.map((piece) => ({ facts: piece.actual ?? {}, rank: piece.source?.kind === 'state' ? 1 : 0 }));
  const all = <T>(pick: (facts: ActualFacts) => readonly T[] | undefined): Ranked<T>[] =>
    ranked.flatMap(({ facts, rank }) => (pick(facts) ?? []).map((fact) => ({ fact, rank })));
  const covers = (pick: (facts: ActualFacts) => unknown): boolean => ranked.some(({ facts }) => pick(facts) !== undefined);
  const sources = pieces
    .flatMap((piece) => piece.source ?? [])
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.file, b.file) || compareText(a.scope, b.scope));
  return {
    sources,
    ...(covers((facts) => facts.iam)
      ? {
          iam: {
            accountIds: [...new Set(all((facts) => facts.iam?.accountIds).map(({ fact }) => fact))].sort(compareText),
            users: unite(
              all((facts) => facts.iam?.users),
              (user) => `${user.accountId}/${user.name.toLowerCase()}`,
              mergeUsers,
            ),
            groups: unite(
              all((facts) => facts.iam?.groups),
              (group) => `${group.accountId}/${group.name.toLowerCase()}`,
              mergeGroups,
            ),
            policies: unite(
              all((facts) => facts.iam?.policies),
              (policy) => policy.arn,
              (a: ActualIamPolicy, b) => (a.document === undefined && b.document !== undefined ? { ...a, document: b.document } : a),
            ),
          },
        }
      : {}),
    ...(covers((facts) => facts.identityCenter)
      ? {
          identityCenter: {
            users: unite(
              all((facts) => facts.identityCenter?.users),
              (user) => user.id,
              first,
            ),
            groups: unite(
              all((facts) => facts.identityCenter?.groups),
              (group) => group.id,
              first,
            ),
            memberships: unite(
              all((facts) => facts.identityCenter?.memberships),
              (item) => `${item.groupId}/${item.userId}`,
              first,
            ),
            permissionSets: unite(
              all((facts) => facts.identityCenter?.permissionSets),
              (set) => set.arn,
              first,
            ),
            assignments: unite(
              all((facts) => facts.identityCenter?.assignments),
              (item) => `${item.permissionSetArn}/${item.accountId}/${item.principalType}/${item.principalId}`,
              first,
            ),
          },
        }
      : {}),
    ...(covers((facts) => facts.github)
      ? {
          github: {
            members: unite(
              all((facts) => facts.github?.members),
              (member) => member.login.toLowerCase(),
              (a, b) => (a.role === undefined && b.role !== undefined ? { ...a, role: b.role } : a),
            ),
            teams: unite(
              all((facts) => facts.github?.teams),
              (team) => team.slug.toLowerCase(),
              (a, b) => ({ ...b, ...a }),
            ),
            teamMembers: unite(
              all((facts) => facts.github?.teamMembers),
              (member) => `${member.team.toLowerCase()}/${member.login.toLowerCase()}`,
              (a, b) => (a.role === undefined && b.role !== undefined ? { ...a, role: b.role } : a),
            ),
            teamRepositories: unite(
              all((facts) => facts.github?.teamRepositories),
              (entry) => `${entry.team.toLowerCase()}/${entry.repository.toLowerCase()}`,
              first,
            ),
          },
        }
      : {}),
    ...(covers((facts) => facts.lastAccessed)
      ? {
          lastAccessed: unite(
            all((facts) => facts.lastAccessed),
            (entry) => entry.entityArn,
            (a, b) => (compareText(b.generated ?? '', a.generated ?? '') > 0 ? b : a),
          ),
        }
      : {}),
    ...(covers((facts) => facts.pagerduty)
      ? {
          pagerduty: {
            users: unite(
              all((facts) => facts.pagerduty?.users),
              (user) => user.id,
              first,
            ),
          },
        }
      : {}),
  };
}

function first<T>(a: T): T {
  return a;
}

function mergeUsers(a: ActualIamUser, b: ActualIamUser): ActualIamUser {
  return {
    ...a,
    groups: union(a.groups, b.groups),
    attachedPolicyArns: union(a.attachedPolicyArns, b.attachedPolicyArns),
    inlinePolicies: union(a.inlinePolicies, b.inlinePolicies),
    ...(a.created === undefined && b.created !== undefined ? { created: b.created } : {}),
  };
}

function mergeGroups(a: ActualIamGroup, b: ActualIamGroup): ActualIamGroup {
  const inline = new Map(a.inlinePolicies.map((policy) => [policy.name, policy]));
  for (const policy of b.inlinePolicies) {
    const known = inline.get(policy.name);
    if (known === undefined || (known.document === undefined && policy.document !== undefined)) inline.set(policy.name, policy);
  }
  return {
    ...a,
    attachedPolicyArns: union(a.attachedPolicyArns, b.attachedPolicyArns),
    inlinePolicies: [...inline.values()].sort((x, y) => compareText(x.name, y.name)),
  };
}

/**
 * One fact per key, sorted by key: facts of live exports first, then by file and line, so `merge(a, b)`
 * always gets the preferred fact as `a`, whatever order the pieces came in.
 */
function unite<T extends { readonly from: SourceRef }>(
  items: readonly Ranked<T>[],
  key: (fact: T) => string,
  merge: (a: T, b: T) => T,
): T[] {
  const ordered = [...items].sort(
    (x, y) => x.rank - y.rank || compareText(x.fact.from.file, y.fact.from.file) || x.fact.from.line - y.fact.from.line,
  );
  const byKey = new Map<string, T>();
  for (const { fact } of ordered) {
    const k = key(fact);
    const known = byKey.get(k);
    byKey.set(k, known === undefined ? fact : merge(known, fact));
  }
  return [...byKey.entries()].sort(([a], [b]) => compareText(a, b)).map(([, fact]) => fact);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(compareText);
}
