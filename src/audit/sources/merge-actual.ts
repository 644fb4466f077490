import { compareText } from '../../util/compare-text';
import type { ActualAccess, ActualGithub, ActualIamGroup, ActualIamPolicy, ActualIamUser, ActualIdentityCenter, ActualLastAccessed, ActualPagerdutyUser, SourceInfo } from '../actual';

/** What one reader gives. */
export interface ActualPiece {
  readonly source?: SourceInfo;
  readonly iam?: { readonly accountId?: string; readonly accountIds?: readonly string[]; readonly users: readonly ActualIamUser[]; readonly groups: readonly ActualIamGroup[]; readonly policies: readonly ActualIamPolicy[] };
  readonly github?: ActualGithub;
  readonly identityCenter?: ActualIdentityCenter;
  readonly lastAccessed?: readonly ActualLastAccessed[];
  readonly pagerduty?: { readonly users: readonly ActualPagerdutyUser[] };
}

/**
 * Merges what the readers gave into one ActualAccess. The same user, group or policy seen by two sources
 * (state and an export, say) is one fact: memberships and attachments are the union (access either shows
 * is access), and it keeps where it was first read. Every list is sorted, so source order is no change.
 */
export function mergeActual(pieces: readonly ActualPiece[]): ActualAccess {
  const sources = pieces.flatMap((piece) => piece.source ?? []).sort((a, b) => compareText(a.kind, b.kind) || compareText(a.file, b.file));
  const iamPieces = pieces.flatMap((piece) => piece.iam ?? []);
  const users = unite(iamPieces.flatMap((iam) => iam.users), (user) => `${user.accountId}/${user.name.toLowerCase()}`, (a, b) => ({
    ...a,
    groups: union(a.groups, b.groups),
    attachedPolicyArns: union(a.attachedPolicyArns, b.attachedPolicyArns),
    inlinePolicies: union(a.inlinePolicies, b.inlinePolicies),
  }));
  const groups = unite(iamPieces.flatMap((iam) => iam.groups), (group) => `${group.accountId}/${group.name.toLowerCase()}`, (a, b) => ({
    ...a,
    attachedPolicyArns: union(a.attachedPolicyArns, b.attachedPolicyArns),
    inlinePolicies: [...a.inlinePolicies, ...b.inlinePolicies.filter((policy) => !a.inlinePolicies.some((known) => known.name === policy.name))].sort((x, y) => compareText(x.name, y.name)),
  }));
  const policies = unite(iamPieces.flatMap((iam) => iam.policies), (policy) => policy.arn, (a) => a);
  const githubPieces = pieces.flatMap((piece) => piece.github ?? []);
  const icPieces = pieces.flatMap((piece) => piece.identityCenter ?? []);
  const lastAccessed = pieces.flatMap((piece) => piece.lastAccessed ?? []);
  const pagerduty = pieces.flatMap((piece) => piece.pagerduty?.users ?? []);
  return {
    sources,
    ...(iamPieces.length
      ? { iam: { accountIds: [...new Set(iamPieces.flatMap((iam) => [...(iam.accountIds ?? []), ...(iam.accountId ? [iam.accountId] : [])]))].sort(compareText), users, groups, policies } }
      : {}),
    ...(githubPieces.length
      ? {
          github: {
            members: unite(githubPieces.flatMap((github) => github.members), (member) => member.login.toLowerCase(), (a, b) => (a.role ? a : b)),
            teams: unite(githubPieces.flatMap((github) => github.teams), (team) => team.slug.toLowerCase(), (a, b) => (a.id !== undefined ? a : b)),
            teamMembers: unite(githubPieces.flatMap((github) => github.teamMembers), (member) => `${member.team.toLowerCase()}/${member.login.toLowerCase()}`, (a, b) => (a.role ? a : b)),
            teamRepositories: unite(githubPieces.flatMap((github) => github.teamRepositories), (entry) => `${entry.team.toLowerCase()}/${entry.repository.toLowerCase()}`, (a) => a),
          },
        }
      : {}),
    ...(icPieces.length
      ? {
          identityCenter: {
            users: unite(icPieces.flatMap((ic) => ic.users), (user) => user.id, (a) => a),
            groups: unite(icPieces.flatMap((ic) => ic.groups), (group) => group.id, (a) => a),
            memberships: unite(icPieces.flatMap((ic) => ic.memberships), (membership) => `${membership.groupId}/${membership.userId}`, (a) => a),
            permissionSets: unite(icPieces.flatMap((ic) => ic.permissionSets), (set) => set.arn, (a) => a),
            assignments: unite(icPieces.flatMap((ic) => ic.assignments), (item) => `${item.permissionSetArn}/${item.accountId}/${item.principalType}/${item.principalId}`, (a) => a),
          },
        }
      : {}),
    ...(pieces.some((piece) => piece.lastAccessed) ? { lastAccessed: unite(lastAccessed, (entry) => entry.entityArn, (a) => a) } : {}),
    ...(pieces.some((piece) => piece.pagerduty) ? { pagerduty: { users: unite(pagerduty, (user) => user.id, (a) => a) } } : {}),
  };
}

/** One item per key, merged; sorted by key. */
function unite<T>(items: readonly T[], key: (item: T) => string, merge: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const known = byKey.get(k);
    byKey.set(k, known === undefined ? item : merge(known, item));
  }
  return [...byKey.entries()].sort(([a], [b]) => compareText(a, b)).map(([, item]) => item);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(compareText);
}
