import type { PersonStatus, RiskAcceptance, SourceRef } from '../model/types';
import type { RepoPermission, RiskLevel } from '../schema';

/**
 * The access diff between two access models, as plain sorted data. Every list is sorted, so the same two
 * models always give the same diff; `mirrorDiff` turns diff(a, b) into diff(b, a).
 */
export interface AccessDiff {
  readonly asOf: string;
  /** Each risk-bearing change once, highest level first (see `compareRiskItems`). */
  readonly risks: readonly RiskItem[];
  readonly people: readonly PersonChange[];
  readonly roles: readonly RoleChange[];
  readonly capabilities: readonly CapabilityChange[];
  readonly rotations: readonly RotationChange[];
  readonly justifications: JustificationChanges;
  /** Organisation settings that change everyone's access (`aws.mode`, `aws.requireMfa`, …). */
  readonly settings: readonly ValueChange<string>[];
}

/** A value on each side: `from` only when it went away, `to` only when it is new. */
export interface ValueChange<T> {
  readonly name: string;
  readonly from?: T;
  readonly to?: T;
}

/**
 * IAM statements gained or lost, grouped: every action of `actions` on every resource of `resources`
 * (one service, one access level, one effect, one set of conditions, one account).
 */
export interface AwsStatementChange {
  readonly account: string;
  readonly accountId: string;
  readonly effect: 'Allow' | 'Deny';
  /** The service prefix, or `*` for an action kept as written (`*`, `s3*:Get*`). */
  readonly service: string;
  /** The catalog's access level of the actions, `all` for a kept wildcard, `unknown` when the catalog lacks it. */
  readonly level: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** The statement's conditions as compact JSON, keys sorted. */
  readonly conditions?: string;
  /** The highest risk of the capabilities it comes from, on the side it is held. */
  readonly risk: RiskLevel;
  readonly capabilities: readonly string[];
  /**
   * Denies only: whether this deny changes effective access by itself: lifted (in `lost`) while an allow
   * it narrowed stays, so what it blocked is now allowed; or added (in `gained`) over access that is
   * kept, which it takes away. False for a deny that comes or goes with the allow it narrows.
   */
  readonly effective?: boolean;
}

/** A managed policy attached or detached. */
export interface ManagedPolicyChange {
  readonly account: string;
  readonly accountId: string;
  readonly arn: string;
  readonly risk: RiskLevel;
  readonly capabilities: readonly string[];
}

/** AWS access gained and lost. */
export interface AwsChanges {
  readonly gained: readonly AwsStatementChange[];
  readonly lost: readonly AwsStatementChange[];
  readonly policiesGained: readonly ManagedPolicyChange[];
  readonly policiesLost: readonly ManagedPolicyChange[];
}

/** GitHub access changes: repository permissions, team memberships (with the membership's role). */
export interface GithubChanges {
  /** Per repository (lower-case name), the permission before and after. */
  readonly repositories: readonly (ValueChange<RepoPermission> & { readonly risk: RiskLevel })[];
  readonly teams: readonly ValueChange<'member' | 'maintainer'>[];
}

/** One person whose facts or access differ. */
export interface PersonChange {
  readonly id: string;
  /** The name in the head (in the base for someone removed). */
  readonly name: string;
  /** The name in the base, when it differs. */
  readonly previousName?: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly status?: ValueChange<PersonStatus>;
  readonly start?: ValueChange<string>;
  readonly end?: ValueChange<string>;
  /** GitHub login and e-mail (the AWS user name): a change makes another principal. */
  readonly login?: ValueChange<string>;
  readonly email?: ValueChange<string>;
  readonly roles: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /**
   * Capabilities the person holds (through any active role) on one side only, sorted: a hire's or a
   * leaver's access reads as the capabilities they gain or lose, the tuples below say exactly what.
   */
  readonly capabilities: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly aws: AwsChanges;
  readonly github: GithubChanges & { readonly org?: ValueChange<'member' | 'admin'> };
  readonly oncall: { readonly joined: readonly string[]; readonly left: readonly string[] };
}

/** A role whose definition changed: what it grants, its team, and everyone it affects. */
export interface RoleChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'renamed' | 'changed';
  /** The role's id in the base, when it was renamed. */
  readonly from?: string;
  /** The role team's slug. */
  readonly team?: ValueChange<string>;
  readonly capabilities: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly aws: AwsChanges;
  readonly github: GithubChanges;
  readonly oncall: { readonly joined: readonly string[]; readonly left: readonly string[] };
  /** Everyone affected: holders on either side, sorted. */
  readonly members: readonly string[];
}

/** A risk acceptance, as the diff shows it: the model's own. */
export type AcceptanceView = RiskAcceptance;

/** A capability whose grants, risk or acceptance changed. */
export interface CapabilityChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly risk?: ValueChange<RiskLevel>;
  readonly acceptance?: { readonly from?: AcceptanceView; readonly to?: AcceptanceView };
  readonly aws: AwsChanges;
  readonly github: GithubChanges;
  readonly oncall: { readonly joined: readonly string[]; readonly left: readonly string[] };
  /** Roles granting it on either side, sorted. */
  readonly roles: readonly string[];
  /** Everyone affected: its holders on either side, sorted. */
  readonly people: readonly string[];
}

/** An on-call rotation whose members, their order or its schedule changed. */
export interface RotationChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly joined: readonly string[];
  readonly left: readonly string[];
  /** Members in hand-off order on each side, when the order of those on both sides changed. */
  readonly order?: { readonly from: readonly string[]; readonly to: readonly string[] };
  readonly schedule?: ValueChange<string>;
}

/** Where a duty quote was found in a JD. */
export interface JdAnchor {
  readonly file: string;
  readonly line: number;
  readonly section: string;
  readonly text: string;
}

/** Why a role holds some access, in words: a duty quote or a baseline reason. */
export interface ReasonView {
  readonly kind: 'duty' | 'baseline';
  readonly text: string;
}

/** Justification changes: duties added and removed, quotes the JD now anchors elsewhere, access whose reasons changed. */
export interface JustificationChanges {
  readonly duties: readonly {
    readonly role: string;
    readonly change: 'added' | 'removed';
    readonly quote: string;
    readonly at: SourceRef;
    readonly capabilities: readonly string[];
  }[];
  /** The same quote, found in another JD section or passage. */
  readonly anchors: readonly { readonly role: string; readonly quote: string; readonly from: JdAnchor; readonly to: JdAnchor }[];
  /** Access a role holds on both sides whose reasons changed, grouped by role and reasons. */
  readonly rejustified: readonly {
    readonly role: string;
    readonly before: readonly ReasonView[];
    readonly after: readonly ReasonView[];
    /** What is held for these reasons, e.g. `aws prod s3:GetObject`, sorted. */
    readonly access: readonly string[];
  }[];
}

/** What kind of risk-bearing change; each kind has a mirror (gained/lost, added/removed, …). */
export type RiskKind =
  | 'access-gained'
  | 'access-lost'
  | 'deny-removed'
  | 'deny-added'
  | 'risk-raised'
  | 'risk-lowered'
  | 'acceptance-added'
  | 'acceptance-removed'
  | 'acceptance-widened'
  | 'acceptance-narrowed'
  | 'acceptance-extended'
  | 'acceptance-shortened'
  | 'acceptance-changed'
  | 'owner-added'
  | 'owner-removed';

/** One risk-bearing change of one capability (or of GitHub ownership), with whom it reaches. */
export interface RiskItem {
  readonly level: RiskLevel;
  readonly kind: RiskKind;
  /** Absent for organisation ownership. */
  readonly capability?: string;
  readonly roles: readonly string[];
  readonly people: readonly string[];
  /**
   * For access gained or lost (and denies): whether a written acceptance of the capability, in force on
   * the side that holds the access, covers every role it comes through.
   */
  readonly accepted?: boolean;
}
