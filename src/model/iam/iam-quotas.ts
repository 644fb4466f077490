/**
 * AWS quotas that bound compiled policies. Sizes are characters of the policy document; IAM does not count
 * whitespace, and compact JSON has none between tokens.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (IAM and AWS STS quotas)
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html (IAM Identity Center quotas)
 */

/** All inline policies of one IAM group together ("Group policy size"). */
export const GROUP_INLINE_POLICY_CHARS = 5_120;

/** All inline policies of one IAM role together ("Role policy size"). */
export const ROLE_INLINE_POLICY_CHARS = 10_240;

/** All inline policies of one IAM user together ("User policy size"). */
export const USER_INLINE_POLICY_CHARS = 2_048;

/** One managed policy ("Managed policy size"). */
export const MANAGED_POLICY_CHARS = 6_144;

/**
 * Managed policies attached to one IAM group, role or user: the default quota. Roles and users can be
 * raised to 20 through Service Quotas; rolecall plans with the default.
 */
export const MANAGED_POLICIES_PER_PRINCIPAL = 10;

/** Groups one IAM user can belong to. */
export const GROUPS_PER_USER = 10;

/** The single inline policy of an IAM Identity Center permission set (non-whitespace characters). */
export const PERMISSION_SET_INLINE_POLICY_CHARS = 10_240;

/**
 * AWS managed and customer managed policies per permission set. Identity Center provisions a role in each
 * account, and that role's IAM quota is 10 unless raised there (see {@link MANAGED_POLICIES_PER_PRINCIPAL}).
 */
export const PERMISSION_SET_MANAGED_POLICIES = 20;
