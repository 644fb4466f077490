import type { RepoPermission } from '../schema';
import type { SourceRef } from '../model/types';

/**
 * What is really granted, read from exports of the live systems or from Terraform state: every source
 * is reduced to these plain facts, so each audit rule compares one shape with the model whatever the
 * source. Every fact says where it was read (`from`: the export file and the line of its entry).
 */

/** A source of actual access that was read, for the report's list of sources. */
export interface SourceInfo {
  /** `state`, `aws-authorization-details`, `identity-center`, `github-export`, `last-accessed`, `pagerduty-users`. */
  readonly kind: SourceKind;
  /** The file or directory as the user named it. */
  readonly file: string;
  /** When the export says it was made (ISO 8601), where it says so. */
  readonly taken?: string;
  /** What the source covers, e.g. `AWS account 111111111111`, `GitHub organisation northwind-labs`. */
  readonly scope: string;
  /** SHA-256 of the file (of each file of a directory, concatenated in name order), set by whoever read it. */
  readonly sha256?: string;
  /** When the file was last modified (ISO 8601), set by whoever read it. */
  readonly modified?: string;
}

export type SourceKind = 'state' | 'aws-authorization-details' | 'identity-center' | 'github-export' | 'last-accessed' | 'pagerduty-users';

/** An IAM user as an export shows it. */
export interface ActualIamUser {
  /** The 12-digit account id the user lives in. */
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  /** Names of the groups the user is in, sorted. */
  readonly groups: readonly string[];
  /** ARNs of managed policies attached to the user directly, sorted. */
  readonly attachedPolicyArns: readonly string[];
  /** Names of inline policies of the user, sorted. */
  readonly inlinePolicies: readonly string[];
  readonly created?: string;
  readonly from: SourceRef;
}

/** An IAM group as an export shows it. */
export interface ActualIamGroup {
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  /** ARNs of attached managed policies, sorted. */
  readonly attachedPolicyArns: readonly string[];
  /** Inline policies with their documents as JSON text (decoded), sorted by name. */
  readonly inlinePolicies: readonly { readonly name: string; readonly document?: string }[];
  readonly from: SourceRef;
}

/** A customer-managed IAM policy. */
export interface ActualIamPolicy {
  readonly accountId: string;
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  /** The default version's document as JSON text, when the export has it. */
  readonly document?: string;
  readonly from: SourceRef;
}

/** An Identity Center (identity store) user, group, membership, permission set and account assignment. */
export interface ActualIdentityCenter {
  readonly users: readonly { readonly id: string; readonly userName: string; readonly from: SourceRef }[];
  readonly groups: readonly { readonly id: string; readonly name: string; readonly from: SourceRef }[];
  readonly memberships: readonly { readonly groupId: string; readonly userId: string; readonly from: SourceRef }[];
  readonly permissionSets: readonly { readonly arn: string; readonly name: string; readonly from: SourceRef }[];
  readonly assignments: readonly {
    readonly accountId: string;
    readonly permissionSetArn: string;
    readonly principalType: 'USER' | 'GROUP';
    readonly principalId: string;
    readonly from: SourceRef;
  }[];
}

/** GitHub organisation membership, teams, team members and team repositories. */
export interface ActualGithub {
  readonly members: readonly { readonly login: string; readonly role?: 'admin' | 'member'; readonly from: SourceRef }[];
  readonly teams: readonly {
    readonly slug: string;
    readonly name: string;
    readonly id?: number;
    readonly parent?: string;
    readonly from: SourceRef;
  }[];
  readonly teamMembers: readonly {
    readonly team: string;
    readonly login: string;
    readonly role?: 'maintainer' | 'member';
    readonly from: SourceRef;
  }[];
  readonly teamRepositories: readonly {
    readonly team: string;
    readonly repository: string;
    readonly permission: RepoPermission;
    readonly from: SourceRef;
  }[];
}

/** When an IAM entity (group or user, by ARN) last used each service it may use. */
export interface ActualLastAccessed {
  readonly entityArn: string;
  readonly services: readonly { readonly namespace: string; readonly name: string; readonly lastAuthenticated?: string }[];
  /** When the report was generated (`JobCompletionDate`). */
  readonly generated?: string;
  readonly from: SourceRef;
}

/** A PagerDuty user. */
export interface ActualPagerdutyUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly from: SourceRef;
}

/** Everything read, merged over all sources. Facts of a kind no source covered are absent, not empty. */
export interface ActualAccess {
  readonly sources: readonly SourceInfo[];
  readonly iam?: {
    /** Accounts the sources cover, by id: a missing user is only missing from a covered account. */
    readonly accountIds: readonly string[];
    readonly users: readonly ActualIamUser[];
    readonly groups: readonly ActualIamGroup[];
    readonly policies: readonly ActualIamPolicy[];
  };
  readonly identityCenter?: ActualIdentityCenter;
  readonly github?: ActualGithub;
  readonly lastAccessed?: readonly ActualLastAccessed[];
  readonly pagerduty?: { readonly users: readonly ActualPagerdutyUser[] };
}
