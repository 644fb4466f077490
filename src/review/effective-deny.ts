import { globCovers, globsIntersect, patternTokens, type GlobToken } from '../model/iam/arn-glob';
import type { AccessSet, AwsTuple } from './access-set';

/** Everything held on each side, for judging what a changed deny does (not only the changed pieces). */
export interface WholeAccess {
  readonly base: AccessSet;
  readonly head: AccessSet;
}

/** What a changed deny does to effective access (the allow minus the deny, per account and resource). */
export interface DenyEffects {
  /** For a deny held in the base only: true when access it blocked is now allowed. */
  lifts(deny: AwsTuple): boolean;
  /** For a deny held in the head only: true when it takes away access that is kept. */
  narrows(deny: AwsTuple): boolean;
}

/**
 * Judges changed denies against net effective access. A deny matters only where an allow it overlaps is
 * held on both sides of the change (the same account, an overlapping action and resource), or a managed
 * policy is (its document is not in the model, so it may allow anything) and no other deny on the side
 * without it covers it:
 * - a deny removed with all the access it narrowed (a leaver, a capability dropped) changes nothing
 *   beyond that access lost; removed while an allow it narrowed stays, it lifts access;
 * - a deny added together with the allow it narrows (a hire) is part of the access gained; added over
 *   kept access, it takes that away; a narrower deny replacing a wider one lifts the difference.
 * Both rules read "held on both sides" the same way, so the diff of b and a mirrors the diff of a and b.
 * A deny with conditions may not apply: it never covers another. An allow's conditions are ignored (it
 * may apply), so a lifted deny is reported whenever it could be one.
 */
export function denyEffects(whole: WholeAccess): DenyEffects {
  const kept = keptAllows(whole);
  const baseDenies = deniesByAccount(whole.base);
  const headDenies = deniesByAccount(whole.head);
  const touchesKept = (deny: AwsTuple): boolean => {
    const account = kept.get(deny.accountId);
    if (!account) return false;
    if (account.policies) return true;
    return account.allows.some(
      (allow) => overlaps(allow.action.toLowerCase(), deny.action.toLowerCase()) && overlaps(allow.resource, deny.resource),
    );
  };
  const coveredBy = (denies: ReadonlyMap<string, readonly AwsTuple[]>, deny: AwsTuple): boolean =>
    (denies.get(deny.accountId) ?? []).some(
      (other) =>
        (other.conditions === undefined || other.conditions === deny.conditions) &&
        covers(other.action.toLowerCase(), deny.action.toLowerCase()) &&
        covers(other.resource, deny.resource),
    );
  return {
    lifts: (deny) => !coveredBy(headDenies, deny) && touchesKept(deny),
    narrows: (deny) => !coveredBy(baseDenies, deny) && touchesKept(deny),
  };
}

interface KeptInAccount {
  readonly allows: AwsTuple[];
  policies: boolean;
}

/** Allows and managed policies held on both sides, by account id. */
function keptAllows(whole: WholeAccess): Map<string, KeptInAccount> {
  const kept = new Map<string, KeptInAccount>();
  for (const [key, held] of whole.base.aws) {
    const { item } = held;
    if (item.effect !== 'Allow' || !whole.head.aws.has(key)) continue;
    let account = kept.get(item.accountId);
    if (!account) kept.set(item.accountId, (account = { allows: [], policies: false }));
    if (item.kind === 'policy') account.policies = true;
    else account.allows.push(item);
  }
  return kept;
}

function deniesByAccount(set: AccessSet): Map<string, AwsTuple[]> {
  const denies = new Map<string, AwsTuple[]>();
  for (const { item } of set.aws.values()) {
    if (item.effect !== 'Deny' || item.kind !== 'action') continue;
    const list = denies.get(item.accountId);
    if (list) list.push(item);
    else denies.set(item.accountId, [item]);
  }
  return denies;
}

const tokenMemo = new Map<string, readonly GlobToken[]>();

function tokens(pattern: string): readonly GlobToken[] {
  let found = tokenMemo.get(pattern);
  if (!found) {
    found = patternTokens(pattern);
    // Patterns come from the roles files and the action catalog: bounded, but keep the memo small.
    if (tokenMemo.size > 50_000) tokenMemo.clear();
    tokenMemo.set(pattern, found);
  }
  return found;
}

function isPlain(pattern: string): boolean {
  return !pattern.includes('*') && !pattern.includes('?') && !pattern.includes('${');
}

/** Some action or resource matches both patterns (IAM `*` and `?`, policy variables as some value). */
function overlaps(a: string, b: string): boolean {
  if (a === b) return true;
  if (isPlain(a) && isPlain(b)) return false;
  return globsIntersect(tokens(a), tokens(b));
}

/** Everything `inner` matches, `outer` matches. */
function covers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (isPlain(outer)) return false;
  return globCovers(tokens(outer), tokens(inner));
}
