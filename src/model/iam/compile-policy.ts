import { compareCodeUnits } from './action-name';
import {
  GROUP_INLINE_POLICY_CHARS,
  MANAGED_POLICIES_PER_PRINCIPAL,
  MANAGED_POLICY_CHARS,
  PERMISSION_SET_INLINE_POLICY_CHARS,
  PERMISSION_SET_MANAGED_POLICIES,
} from './iam-quotas';
import { mergeStatements } from './merge-statements';
import { EMPTY_POLICY_SIZE, renderPolicy, statementSize, type CompiledPolicy, type PolicyStatementJson } from './policy-document';
import type { Statement } from './statement';

/** Which AWS quota a compilation ran into. */
export type QuotaName =
  'group-managed-policies' | 'managed-policy-size' | 'permission-set-inline-policy-size' | 'permission-set-managed-policies';

/** A quota the statements do not fit in: a user-caused problem, reported as data. */
export interface QuotaError {
  readonly limit: QuotaName;
  /** What the statements need, in the quota's unit (characters or policies). */
  readonly measured: number;
  /** What AWS allows. */
  readonly allowed: number;
  readonly message: string;
  readonly hint: string;
}

/** A compilation's outcome: the policies, or the quota they break. */
export type CompileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: QuotaError };

/** Where an IAM group's permissions land. */
export interface GroupPolicies {
  /** The group's one inline policy, when everything fits in {@link GROUP_INLINE_POLICY_CHARS}. */
  readonly inline?: CompiledPolicy;
  /** Customer managed policies to create and attach, each within {@link MANAGED_POLICY_CHARS}. */
  readonly managed: readonly CompiledPolicy[];
  /** Existing managed policy ARNs to attach, de-duplicated and sorted. */
  readonly attachedManagedArns: readonly string[];
}

/** Where a permission set's permissions land. */
export interface PermissionSetPolicies {
  readonly inline?: CompiledPolicy;
  readonly attachedManagedArns: readonly string[];
  /** Things that compile but need attention, e.g. an IAM quota to raise in every account. */
  readonly warnings: readonly string[];
}

/** Quotas to plan with; all default to AWS's defaults (see `iam-quotas.ts`). */
export interface GroupQuotas {
  /** @default GROUP_INLINE_POLICY_CHARS */
  readonly inlineChars?: number;
  /** @default MANAGED_POLICY_CHARS */
  readonly managedPolicyChars?: number;
  /** @default MANAGED_POLICIES_PER_PRINCIPAL */
  readonly managedPolicies?: number;
}

/**
 * Compiles statements (from any number of capabilities) for one IAM group.
 *
 * Everything goes into one inline policy when it fits in 5,120 characters. Otherwise the statements are
 * spread over as few customer managed policies of at most 6,144 characters as first-fit-decreasing packing
 * finds (a statement too big on its own is first cut into parts by actions, or failing that by resources).
 * Customer managed policies plus `managedArns` must not exceed the 10 attachments a group may have.
 * Output depends only on the content of the input, never on its order.
 */
export function compileForGroup(
  statements: readonly Statement[],
  managedArns: readonly string[],
  quotas: GroupQuotas = {},
): CompileResult<GroupPolicies> {
  const inlineChars = quotas.inlineChars ?? GROUP_INLINE_POLICY_CHARS;
  const managedChars = quotas.managedPolicyChars ?? MANAGED_POLICY_CHARS;
  const maxAttached = quotas.managedPolicies ?? MANAGED_POLICIES_PER_PRINCIPAL;
  const arns = uniqueSorted(managedArns);
  const merged = mergeStatements(statements);
  const whole = renderPolicy(merged);
  if (merged.length > 0 && whole.size <= inlineChars) {
    return (
      attachments(arns.length, 0, whole.size, maxAttached) ?? { ok: true, value: { inline: whole, managed: [], attachedManagedArns: arns } }
    );
  }
  const pieces: PolicyStatementJson[] = [];
  for (const statement of merged) {
    const parts = splitStatement(statement, managedChars);
    if (!Array.isArray(parts)) return { ok: false, error: parts };
    pieces.push(...parts);
  }
  const managed = pack(pieces, managedChars).map(renderPolicy);
  return attachments(arns.length, managed.length, whole.size, maxAttached) ?? { ok: true, value: { managed, attachedManagedArns: arns } };
}

/**
 * Compiles statements for one IAM Identity Center permission set: a single inline policy of at most 10,240
 * characters and at most 20 managed policies. More than 10 managed policies compile with a warning: the
 * role Identity Center provisions in each account is bound by that account's IAM quota.
 */
export function compileForPermissionSet(
  statements: readonly Statement[],
  managedArns: readonly string[],
): CompileResult<PermissionSetPolicies> {
  const arns = uniqueSorted(managedArns);
  const merged = mergeStatements(statements);
  const inline = merged.length === 0 ? undefined : renderPolicy(merged);
  if (inline !== undefined && inline.size > PERMISSION_SET_INLINE_POLICY_CHARS) {
    return fail(
      'permission-set-inline-policy-size',
      inline.size,
      PERMISSION_SET_INLINE_POLICY_CHARS,
      `the permission set's inline policy is ${count(inline.size)} characters, more than the ${count(
        PERMISSION_SET_INLINE_POLICY_CHARS,
      )} IAM Identity Center allows`,
      'narrow the statements (an access level or wildcard in place of long action lists), or split the role into two permission sets',
    );
  }
  if (arns.length > PERMISSION_SET_MANAGED_POLICIES) {
    return fail(
      'permission-set-managed-policies',
      arns.length,
      PERMISSION_SET_MANAGED_POLICIES,
      `the permission set has ${arns.length} managed policies, more than the ${PERMISSION_SET_MANAGED_POLICIES} IAM Identity Center allows`,
      'replace some managed policies with statements, or split the role into two permission sets',
    );
  }
  const warnings =
    arns.length > MANAGED_POLICIES_PER_PRINCIPAL
      ? [
          `the permission set has ${arns.length} managed policies: every account it is assigned to needs the IAM quota "Managed policies per role" raised above ${MANAGED_POLICIES_PER_PRINCIPAL}`,
        ]
      : [];
  return { ok: true, value: { ...(inline === undefined ? {} : { inline }), attachedManagedArns: arns, warnings } };
}

/** The attachment-count error, or `undefined` when the group stays within its quota. */
function attachments(awsManaged: number, customerManaged: number, size: number, allowed: number): CompileResult<never> | undefined {
  const measured = awsManaged + customerManaged;
  if (measured <= allowed) return undefined;
  const compiled =
    customerManaged === 0
      ? ''
      : `${customerManaged} customer managed ${customerManaged === 1 ? 'policy' : 'policies'} for ${count(size)} characters of statements plus `;
  return fail(
    'group-managed-policies',
    measured,
    allowed,
    `the group needs ${measured} managed policy attachments (${compiled}${awsManaged} existing managed ${
      awsManaged === 1 ? 'policy' : 'policies'
    }), more than the ${allowed} IAM allows per group`,
    'split the role into more groups (a user may be in 10), attach fewer managed policies, or narrow the statements',
  );
}

/**
 * Cuts a statement into parts that each fit a policy of `chars` on their own: by actions if every action fits
 * with all resources, else by resources with all actions. Parts keep the Sid with `P1`, `P2`, … appended.
 */
function splitStatement(statement: PolicyStatementJson, chars: number): PolicyStatementJson[] | QuotaError {
  if (EMPTY_POLICY_SIZE + statementSize(statement) <= chars) return [statement];
  // Room for the longest Sid suffix a part can get, so every part is measured at its final size or more.
  const probe = { ...statement, Sid: `${statement.Sid}P${statement.Action.length + statement.Resource.length}` };
  const byActions = chunk(statement.Action, EMPTY_POLICY_SIZE + statementSize({ ...probe, Action: [] }), chars);
  const byResources =
    byActions === undefined ? chunk(statement.Resource, EMPTY_POLICY_SIZE + statementSize({ ...probe, Resource: [] }), chars) : undefined;
  if (byActions !== undefined) return byActions.map((Action, i) => ({ ...statement, Sid: `${statement.Sid}P${i + 1}`, Action }));
  if (byResources !== undefined) return byResources.map((Resource, i) => ({ ...statement, Sid: `${statement.Sid}P${i + 1}`, Resource }));
  return {
    limit: 'managed-policy-size',
    measured: EMPTY_POLICY_SIZE + statementSize(statement),
    allowed: chars,
    message: `statement ${statement.Sid} (${statement.Action.length} actions on ${statement.Resource.length} resources) cannot be cut into parts of at most ${count(
      chars,
    )} characters`,
    hint: 'shorten its conditions or resource list, or use wildcards for families of actions',
  };
}

/** Greedy consecutive chunks whose JSON array, added to `base` characters, stays within `chars`. */
function chunk(items: readonly string[], base: number, chars: number): string[][] | undefined {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = base;
  for (const item of items) {
    const itemSize = JSON.stringify(item).length;
    const added = current.length === 0 ? itemSize : itemSize + 1;
    if (size + added <= chars) {
      current.push(item);
      size += added;
      continue;
    }
    if (current.length === 0) return undefined;
    chunks.push(current);
    current = [item];
    size = base + itemSize;
    if (size > chars) return undefined;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * First-fit decreasing: pieces largest first (ties by Sid) each go into the first policy with room. Within a
 * policy, statements keep the merged order (by Sid order of creation, i.e. content).
 */
function pack(pieces: readonly PolicyStatementJson[], chars: number): PolicyStatementJson[][] {
  const order = new Map(pieces.map((piece, index) => [piece, index]));
  const sized = pieces
    .map((piece) => ({ piece, size: statementSize(piece) }))
    .sort((a, b) => b.size - a.size || compareCodeUnits(a.piece.Sid, b.piece.Sid));
  const bins: { statements: PolicyStatementJson[]; size: number }[] = [];
  for (const { piece, size } of sized) {
    const bin = bins.find((candidate) => candidate.size + 1 + size <= chars);
    if (bin === undefined) {
      bins.push({ statements: [piece], size: EMPTY_POLICY_SIZE + size });
    } else {
      bin.statements.push(piece);
      bin.size += 1 + size;
    }
  }
  return bins.map((bin) => bin.statements.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
}

function fail(limit: QuotaName, measured: number, allowed: number, message: string, hint: string): CompileResult<never> {
  return { ok: false, error: { limit, measured, allowed, message, hint } };
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodeUnits);
}

/** 6144 → "6,144", independent of locale. */
function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
