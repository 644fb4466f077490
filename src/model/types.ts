import type { AccessLevel, RepoPermission, RiskLevel } from '../schema';
import type { Statement } from './iam/statement';

/** An IAM policy statement (one type, as written and as compiled: see `iam/statement.ts`). */
export type { Statement };

/** A place in a file a person wrote: `file:line`. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** Why a role holds a capability: a JD duty it quotes, or a written baseline reason. */
export type Reason =
  | {
      readonly kind: 'duty';
      /** The quote as written in the role file. */
      readonly quote: string;
      /** Where the duty is written in the role file. */
      readonly at: SourceRef;
      /** Where the quote was found in the JD, and the JD section it sits in. */
      readonly jd: SourceRef & { readonly section: string; readonly text: string };
    }
  | { readonly kind: 'baseline'; readonly reason: string; readonly at: SourceRef }
  | { readonly kind: 'role'; readonly at: SourceRef };

/** One link of a justification chain: person → role → reason → capability. */
export interface Justification {
  readonly roleId: string;
  readonly capabilityId: string;
  readonly reason: Reason;
}

/** Who accepted a capability's risk, when, for which roles and until when, and why. */
export interface RiskAcceptance {
  /** Person ids of the approvers, sorted. */
  readonly by: readonly string[];
  /** The day it was accepted (YYYY-MM-DD). */
  readonly on: string;
  /** The roles it covers, sorted: the capability may be granted through no other. */
  readonly roles: readonly string[];
  /** The last day it holds, when it expires. */
  readonly expires?: string;
  readonly reason: string;
  /** Where `accepted:` is written. */
  readonly at: SourceRef;
}

/** Computed risk of a capability. */
export interface Risk {
  /** The higher of declared and computed: computed risk sees AWS only, people judge the rest. */
  readonly level: RiskLevel;
  readonly declared: RiskLevel;
  readonly computed: RiskLevel;
  /** The written acceptance of the risk (capabilities.yaml `risk.accepted`), when there is one. */
  readonly accepted?: RiskAcceptance;
  /** Why the computed level is what it is, one line each. */
  readonly reasons: readonly string[];
  /**
   * Each condition of the capability's AWS statements and what the rating made of it: `resources`
   * (narrows which resources: rated as scoped), `context` (MFA, network: shown, level kept) or `ignored`.
   */
  readonly conditions: readonly {
    readonly condition: string;
    readonly effect: 'resources' | 'context' | 'ignored';
    readonly why: string;
  }[];
}

/** What a grant gives, per backend. */
export type GrantTarget =
  | {
      readonly backend: 'aws';
      readonly kind: 'policy';
      readonly account: string;
      readonly statements: readonly Statement[];
      readonly managedPolicyArns: readonly string[];
      /** Access levels that were expanded into the statements, for readers. */
      readonly levels: readonly { readonly service: string; readonly levels: readonly AccessLevel[] }[];
      /**
       * Actions the access levels name but that are not granted because they could not be used as
       * written: `wildcard-only` (AWS authorizes them only on `"*"`; `wildcardOnly: include` grants them)
       * or `no-matching-resource` (none of the resources is of a type they act on). Sorted by action.
       */
      readonly leftOut: readonly {
        readonly action: string;
        readonly why: 'wildcard-only' | 'no-matching-resource';
        readonly resources: readonly string[];
      }[];
    }
  | { readonly backend: 'github'; readonly kind: 'repository'; readonly repository: string; readonly permission: RepoPermission }
  | {
      readonly backend: 'github';
      readonly kind: 'team';
      /** The team's slug. */
      readonly team: string;
      /** A team that exists outside rolecall: only the membership is granted. */
      readonly existing?: true;
    }
  | { readonly backend: 'oncall'; readonly kind: 'rotation'; readonly rotation: string };

/** One concrete piece of access a person has, with every reason they have it. */
export interface Grant {
  /** Stable id, e.g. `aws:prod:eks-operate`, `github:repo:infra-live`, `oncall:platform-primary`. */
  readonly id: string;
  readonly capabilityId: string;
  readonly target: GrantTarget;
  readonly risk: RiskLevel;
  /** Every role and duty that leads to this grant, sorted. */
  readonly because: readonly Justification[];
}

/** Whether a person's access is in force on the model's date. */
export type PersonStatus = 'active' | 'not-started' | 'ended';

/**
 * A person and the facts about them alone. Their access is their roles': `personCapabilities` and
 * `personGrants` (person-access.ts) resolve it when a view needs it, so the model costs per role.
 */
export interface PersonAccess {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** GitHub login as written. */
  readonly github: string;
  readonly roles: readonly string[];
  readonly start: string;
  readonly end?: string;
  readonly status: PersonStatus;
  readonly oncallOptOut?: string;
  readonly at: SourceRef;
  /**
   * Set when the person is an owner of the GitHub organisation on the model's date (org.yaml
   * `github.owners`): owners can do anything in every repository and change the organisation itself, so
   * the risk is always high. The justification is the org.yaml entry, not a duty.
   */
  readonly githubOwner?: { readonly risk: 'high'; readonly at: SourceRef };
}

/** A role as the model sees it. */
export interface Role {
  readonly id: string;
  readonly title: string;
  readonly jd: string;
  readonly at: SourceRef;
  /** Capabilities and why the role has each. */
  readonly capabilities: readonly { readonly id: string; readonly because: readonly Justification[] }[];
  /** Active holders, sorted by id. */
  readonly members: readonly string[];
  /** What the role confers, sorted by id; each grant's `because` holds this role's justifications only. */
  readonly grants: readonly Grant[];
}

/** A capability with its computed risk. */
export interface Capability {
  readonly id: string;
  readonly description: string;
  readonly risk: Risk;
  readonly at: SourceRef;
}

/** A named IAM policy document, compact JSON. */
export interface PolicyDocument {
  readonly name: string;
  readonly document: string;
}

/** A role's policies in one account, compiled within the AWS quotas of the org's mode. */
export interface CompiledPolicies {
  /** Inline policies (iam-groups: total at most 5,120 characters; identity-center: one, at most 10,240). */
  readonly inline: readonly PolicyDocument[];
  /** Customer-managed policies to create in the account and attach (iam-groups only). */
  readonly managed: readonly PolicyDocument[];
  /** Existing managed policy ARNs to attach as they are. */
  readonly attachedArns: readonly string[];
}

/** AWS access of one role in one account. */
export interface AwsRoleAccount {
  readonly account: string;
  readonly accountId: string;
  readonly capabilities: readonly string[];
  /** Statements of all the role's capabilities in this account, merged and sorted. */
  readonly statements: readonly Statement[];
  readonly managedPolicyArns: readonly string[];
  /** The statements and ARNs compiled into policy documents. */
  readonly policies: CompiledPolicies;
  /** Identity Center permission set name for this role in this account (at most 32 characters). */
  readonly permissionSetName: string;
  /** Set when the policies cannot fit the AWS quotas: `validate` reports it and nothing is synthesized. */
  readonly quotaError?: { readonly message: string; readonly hint: string };
  /** Things that compile but need attention (e.g. an account quota to raise). */
  readonly warnings: readonly string[];
}

/** AWS access of a role: an IAM group or an Identity Center group with permission sets. */
export interface AwsRole {
  readonly roleId: string;
  readonly title: string;
  /** IAM group / identity-store group name. */
  readonly groupName: string;
  /** Active holders (person ids), sorted. */
  readonly members: readonly string[];
  readonly accounts: readonly AwsRoleAccount[];
}

/** A person as an AWS principal. */
export interface AwsUser {
  readonly personId: string;
  /** IAM user name / identity-store user name: the person's e-mail address. */
  readonly userName: string;
  readonly displayName: string;
  /** Given and family name, for the identity store (the last word is taken as the family name). */
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  /** Roles with AWS access in each account, sorted. */
  readonly roles: readonly string[];
}

/** An AWS account by name, and how a stack reaches it. */
export interface AwsAccount {
  readonly name: string;
  /** Every provider of a stack in this account is pinned to this id (`allowed_account_ids`). */
  readonly id: string;
  /** Role the provider assumes in the account. */
  readonly assumeRoleArn?: string;
}

/** Desired AWS state. */
export interface AwsState {
  readonly mode: 'iam-groups' | 'identity-center';
  readonly region: string;
  readonly path: string;
  readonly requireMfa: boolean;
  /** The policy that denies all but MFA self-management without MFA (iam-groups with requireMfa). */
  readonly mfaPolicy?: PolicyDocument;
  readonly accounts: readonly AwsAccount[];
  readonly identityCenter?: {
    readonly instanceArn: string;
    readonly identityStoreId: string;
    readonly sessionDuration: string;
    /** The account of the instance (management or delegated administrator): the identity-center stack's account. */
    readonly account: AwsAccount;
  };
  readonly roles: readonly AwsRole[];
  readonly users: readonly AwsUser[];
}

/** A GitHub team and who is in it. */
export interface GithubTeam {
  /** Stable id that Terraform addresses come from: the role id of a role team, else the slug as written. */
  readonly id: string;
  /** The slug GitHub derives from the name (`@org/<slug>`), or the slug of an existing team. */
  readonly slug: string;
  /** Team name: set in the role file, else the role id (never the title, so a title edit renames nothing). */
  readonly name: string;
  readonly description: string;
  /** The role the team stands for, when it is a role team. */
  readonly roleId?: string;
  /**
   * A team created outside rolecall: only its members' memberships are managed (one per person, so
   * people added by hand stay), never the team, its name or its repositories.
   */
  readonly existing?: true;
  readonly members: readonly {
    readonly personId: string;
    readonly login: string;
    readonly role: 'maintainer' | 'member';
    /** Made maintainer because the team had none declared (the longest-serving member). */
    readonly fallback?: boolean;
  }[];
  readonly repositories: readonly {
    readonly name: string;
    readonly permission: RepoPermission;
    readonly capabilities: readonly string[];
  }[];
}

/** Desired GitHub state. */
export interface GithubState {
  readonly org: string;
  readonly parentTeam?: string;
  readonly privacy: 'closed' | 'secret';
  readonly members: readonly { readonly personId: string; readonly login: string; readonly role: 'admin' | 'member' }[];
  readonly teams: readonly GithubTeam[];
}

/** An on-call rotation with its members in hand-off order. */
export interface Rotation {
  readonly id: string;
  readonly name: string;
  readonly handoff: { readonly day: string; readonly time: string };
  readonly onCallAtOnce: number;
  /** Ordered by start date, then id: a new hire joins at the end and never reshuffles the rest. */
  readonly members: readonly string[];
  /** Days from a person's start before they join. */
  readonly rampDays: number;
  /**
   * The weekly layer: `order[k mod n]` is on call in the k-th week from `start`, so that nobody who
   * joins or leaves moves the current or the next shift (see `rotationLayer`).
   */
  readonly layer?: { readonly start: string; readonly order: readonly string[] };
  /** Who is paged when nobody on call answers: the maintainers of the roles that staff it, sorted. */
  readonly escalation?: readonly string[];
}

/** What every on-call backend is given: the rotations and the people to reach. */
interface OncallCommon {
  readonly timeZone: string;
  /** Rotations with at least one member on the model's date. */
  readonly rotations: readonly Rotation[];
  /** People in at least one rotation, sorted by id. */
  readonly contacts: readonly { readonly personId: string; readonly name: string; readonly email: string }[];
}

/** Desired on-call state in PagerDuty. */
export interface PagerdutyOncallState extends OncallCommon {
  readonly backend: 'pagerduty';
}

/** Desired on-call state in AWS Incident Manager: the account its stack runs in, and its replication set. */
export interface IncidentManagerOncallState extends OncallCommon {
  readonly backend: 'aws-incident-manager';
  readonly account: AwsAccount;
  /** A replication set to create (its regions), or one that exists; absent: the account has one already. */
  readonly replicationSet?: { readonly regions: readonly string[] } | { readonly existingArn: string };
}

/** Desired on-call state, by backend: each carries what only it needs, so no field is checked for presence. */
export type OncallState = PagerdutyOncallState | IncidentManagerOncallState;

/** The whole desired access of an organisation on one date. Plain, readonly data, sorted by id. */
export interface AccessModel {
  readonly asOf: string;
  readonly org: { readonly name: string };
  readonly people: readonly PersonAccess[];
  readonly roles: readonly Role[];
  readonly capabilities: readonly Capability[];
  readonly aws: AwsState;
  readonly github: GithubState;
  readonly oncall: OncallState;
}
