import { z } from 'zod';
import { showValue } from '../util/safe-text';
import { AwsAccountIdSchema, GithubTeamSlugSchema, IdSchema, TimeZoneSchema } from './common';
import { AuditSchema, DEFAULT_AUDIT } from './audit';
import { DEFAULT_GUARDS, GuardsSchema } from './guards';

/** How AWS access is provisioned. */
export const AwsModeSchema = z.enum(['iam-groups', 'identity-center']);

/**
 * AWS partitions, the second field of every ARN.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export const ARN_PARTITION = 'aws(?:-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?';

/**
 * An IAM role ARN: `arn:<partition>:iam::<12 digits>:role/<path/><name>`, the name 1–64 characters and
 * every path segment of `[\w+=,.@-]`. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
 */
export const IAM_ROLE_ARN = new RegExp(`^arn:${ARN_PARTITION}:iam::\\d{12}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`);

/**
 * An Incident Manager replication set ARN (the service has no region in it: there is one per account).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanagerincidentmanager.html#awssystemsmanagerincidentmanager-resources-for-iam-policies
 */
export const REPLICATION_SET_ARN = new RegExp(`^arn:${ARN_PARTITION}:ssm-incidents::\\d{12}:replication-set/[A-Za-z0-9-]{1,128}$`);

/**
 * A local state directory: relative, inside the project, `/`-separated, plain characters only (it is
 * written into every stack's backend block). No `..` segment, no absolute path, no drive letter.
 */
const STATE_DIRECTORY = /^(?!\/)(?![A-Za-z]:)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*\/?$/;

/**
 * An S3 bucket name (general purpose): 3–63 lower-case letters, digits, dots and hyphens, starting and
 * ending with a letter or digit, no two dots in a row.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
const S3_BUCKET = /^(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * An S3 key prefix of the characters S3 calls safe (letters, digits, `!-_.*'()` and `/`), not starting
 * with `/`, without `.` or `..` segments; at most 900 characters so that `<prefix><stack>.tfstate` stays
 * under S3's 1024-byte key limit. https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */
const S3_KEY_PREFIX = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9!_.*'()/-]{0,900}$/;

/**
 * A KMS key for S3 state encryption: a key id, a key ARN, an alias name or an alias ARN.
 * https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id
 */
const KMS_KEY = new RegExp(
  `^(?:[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias/[A-Za-z0-9/_-]{1,250}|arn:${ARN_PARTITION}:kms:[a-z]{2}(?:-gov)?-[a-z]+-\\d:\\d{12}:(?:key/(?:[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}|mrk-[0-9a-f]{32})|alias/[A-Za-z0-9/_-]{1,250}))$`,
);

const IdentityCenterSchema = z.strictObject({
  /**
   * Name of the account the Identity Center instance lives in: the organisation's management account,
   * or the member account it is delegated to. The identity-center stack only runs there. No default:
   * `defaultAccount` says where grants go, which is rarely where Identity Center is administered.
   */
  account: IdSchema,
  /** ARN of the IAM Identity Center instance, so nothing needs AWS at plan time. */
  // https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html (InstanceArn pattern)
  instanceArn: z.string().regex(new RegExp(`^arn:${ARN_PARTITION}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$`), {
    error: 'expected an Identity Center instance ARN such as arn:aws:sso:::instance/ssoins-0123456789abcdef',
  }),
  /** Identity store id, e.g. d-1234567890. */
  identityStoreId: z.string().regex(/^d-[0-9a-f]{10}$|^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/, {
    error: 'expected an identity store id such as d-1234567890',
  }),
  /** Session duration of every permission set, ISO 8601 (PT1H to PT12H). @default PT8H */
  sessionDuration: z
    .string()
    .regex(/^PT([1-9]|1[0-2])H$/, { error: 'expected a duration from PT1H to PT12H' })
    .default('PT8H'),
});

const AwsAccountSchema = z.strictObject({
  id: AwsAccountIdSchema,
  /** Role that every provider of a stack in this account assumes (it must be a role of this account). */
  assumeRoleArn: z
    .string()
    .regex(IAM_ROLE_ARN, {
      error: (issue) => `expected an IAM role ARN such as arn:aws:iam::111111111111:role/rolecall, got ${JSON.stringify(issue.input)}`,
    })
    .optional(),
});

/** The `aws:` block of org.yaml. */
export const AwsOrgSchema = z.strictObject({
  mode: AwsModeSchema.default('iam-groups'),
  /** Region of the provider (IAM is global; Incident Manager and Identity Center are regional). */
  region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: 'expected an AWS region such as eu-west-1' }),
  /** Accounts by name; capabilities target them by name. */
  accounts: z.record(IdSchema, AwsAccountSchema).refine((accounts) => Object.keys(accounts).length > 0, {
    error: 'name at least one account',
  }),
  /** Account a capability's AWS grants go to when it names none. */
  defaultAccount: IdSchema,
  /** Deny everything but MFA self-management to human IAM users without MFA. @default true */
  requireMfa: z.boolean().default(true),
  /** IAM path of groups, users and policies. @default /rolecall/ */
  path: z
    .string()
    .regex(/^\/([\w+=,.@-]+\/)*$/, { error: 'expected an IAM path such as /rolecall/' })
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html
    .max(512, { error: 'an IAM path is at most 512 characters' })
    .default('/rolecall/'),
  identityCenter: IdentityCenterSchema.optional(),
});

/** The `github:` block of org.yaml. */
export const GithubOrgSchema = z.strictObject({
  org: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, { error: 'expected a GitHub organisation login' }),
  /** Slug of an existing team under which the role teams are created (not with `teamPrivacy: secret`). */
  parentTeam: GithubTeamSlugSchema.optional(),
  /** Person ids of the organisation's owners: their membership role is admin; they maintain their teams. */
  owners: z.array(IdSchema).default([]),
  /**
   * How many owners must be active on the model's date. Every active person who is not an owner is made
   * a plain member, so too short a list would demote the organisation's admins. @default 2
   */
  minOwners: z.number().int().min(1, { error: 'an organisation needs at least one owner' }).default(2),
  /** Team privacy; secret teams cannot be nested, so `secret` needs no `parentTeam`. @default closed */
  teamPrivacy: z.enum(['closed', 'secret']).default('closed'),
});

const WeekdaySchema = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** When an on-call shift hands over. */
export const HandoffSchema = z.strictObject({
  day: WeekdaySchema,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time HH:MM (24-hour)' }),
});

/** The `oncall:` block of org.yaml. */
export const OncallOrgSchema = z.strictObject({
  /**
   * Where rotations page. PagerDuty by default: AWS Systems Manager Incident Manager is closed to new
   * customers since 7 November 2025, and stays supported for organisations that already use it.
   * @default pagerduty
   */
  backend: z.enum(['aws-incident-manager', 'pagerduty']).default('pagerduty'),
  /**
   * Incident Manager: name of the account it lives in; required with that backend. The on-call stack
   * only runs there, in `aws.region`. No default: `aws.defaultAccount` says where grants go, which is
   * rarely where the organisation is paged from.
   */
  account: IdSchema.optional(),
  timeZone: TimeZoneSchema,
  /** Default weekly hand-off; a rotation may override it. @default monday 09:00 */
  handoff: HandoffSchema.default({ day: 'monday', time: '09:00' }),
  /**
   * Incident Manager: create the replication set in these regions (`aws.region` among them), or reuse
   * an existing one by ARN.
   */
  replicationSet: z
    .union([
      z.strictObject({ regions: z.array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/)).min(1) }),
      z.strictObject({
        existingArn: z.string().regex(REPLICATION_SET_ARN, {
          error: (issue) => `expected a replication set ARN such as arn:aws:ssm-incidents::111111111111:replication-set/0123abcd, got ${JSON.stringify(issue.input)}`,
        }),
      }),
    ])
    .optional(),
});

/** Where Terraform keeps state. */
export const StateSchema = z.discriminatedUnion('backend', [
  z.strictObject({
    backend: z.literal('local'),
    /** Relative to the project directory, and inside it. @default terraform-state */
    directory: z
      .string()
      .regex(STATE_DIRECTORY, {
        error: (issue) => `expected a relative directory inside the project such as terraform-state, got ${JSON.stringify(issue.input)} (hint: no "..", no absolute path, letters, digits, ".", "_" and "-" only)`,
      })
      .default('terraform-state'),
  }),
  z.strictObject({
    backend: z.literal('s3'),
    bucket: z.string().regex(S3_BUCKET, { error: (issue) => `expected an S3 bucket name, got ${JSON.stringify(issue.input)} (hint: 3 to 63 lower-case letters, digits, "." and "-")` }),
    /** Prefix of the state keys; each stack adds `<stack>.tfstate`. */
    keyPrefix: z
      .string()
      .regex(S3_KEY_PREFIX, { error: (issue) => `expected an S3 key prefix such as rolecall/, got ${JSON.stringify(issue.input)} (hint: letters, digits, !-_.*'() and "/", not starting with "/", no "." or ".." segments)` })
      .default('rolecall/'),
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: 'expected an AWS region such as eu-west-1' }),
    /** Server-side encryption of the state objects. @default true */
    encrypt: z.boolean().default(true),
    /** S3-native state locking with a lock file (Terraform 1.10+). @default true */
    useLockfile: z.boolean().default(true),
    kmsKeyId: z.string().regex(KMS_KEY, { error: (issue) => `expected a KMS key id, key ARN, alias or alias ARN, got ${JSON.stringify(issue.input)}` }).optional(),
  }),
]);

/** Bytes in a kibibyte and a mebibyte, for the size limits below. */
const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * Largest files rolecall reads when org.yaml sets no `limits`: a JD of 256 KiB (real ones are tens of
 * kilobytes; a Markdown JD of 1 MiB takes seconds to read) and a YAML file of 1 MiB (about 5,000 people).
 */
export const DEFAULT_LIMITS = { jdBytes: 256 * KIB, yamlBytes: 1 * MIB } as const;

/** Highest value org.yaml may raise a limit to: org.yaml comes from pull requests too. */
export const MAX_LIMIT_BYTES = 16 * MIB;

const limitBytes = (fallback: number) =>
  z
    .number()
    .int({ error: 'expected a whole number of bytes' })
    .min(KIB, { error: `expected at least ${KIB} bytes` })
    .max(MAX_LIMIT_BYTES, { error: `expected at most ${MAX_LIMIT_BYTES} bytes (16 MiB)` })
    .default(fallback);

/** The `limits:` block of org.yaml: file sizes checked before a file is read. org.yaml itself is read under the defaults. */
export const LimitsSchema = z.strictObject({
  /** Largest job description, in bytes. @default 262144 (256 KiB) */
  jdBytes: limitBytes(DEFAULT_LIMITS.jdBytes),
  /** Largest YAML file of the roles directory (capabilities.yaml, people.yaml, role files), in bytes. @default 1048576 (1 MiB) */
  yamlBytes: limitBytes(DEFAULT_LIMITS.yamlBytes),
});

/** Most people shards a stack family may be split into: shard stacks are numbered 01 to 999. */
export const MAX_SHARDS = 999;

/** Largest `stacks.maxResources`: far beyond any state Terraform plans comfortably. */
export const MAX_STACK_RESOURCES = 100_000;

/** A whole number from `min` to `max`, refused (never rounded or converted) when quoted or fractional. */
const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: (issue) => `expected ${what} as a whole number from ${min} to ${max}, got ${showValue(issue.input)}` })
    .int({ error: (issue) => `expected ${what} as a whole number, got ${showValue(issue.input)}` })
    .min(min, { error: `expected ${what} of at least ${min}` })
    .max(max, { error: `expected ${what} of at most ${max}` });

/**
 * The `stacks:` block of org.yaml: split the per-person resources (IAM and identity-store users, their
 * group memberships, GitHub organisation and team memberships) into people shard stacks, so that no
 * Terraform state holds more than `maxResources` resources. Without the block every domain is one stack.
 */
export const StacksSchema = z.strictObject({
  /** Most resources (data sources included) one synthesized stack may hold; on-call is not counted. */
  maxResources: wholeNumber('stacks.maxResources', 1, MAX_STACK_RESOURCES),
  /**
   * People shards per stack family, pinned. @default - the smallest number that keeps every shard within
   * maxResources, chosen per family
   */
  shards: wholeNumber('stacks.shards', 1, MAX_SHARDS).optional(),
});

/** roles/org.yaml */
export const OrgFileSchema = z.strictObject({
  name: z.string().min(1),
  aws: AwsOrgSchema,
  github: GithubOrgSchema,
  oncall: OncallOrgSchema,
  state: StateSchema.default({ backend: 'local', directory: 'terraform-state' }),
  /**
   * Extra section-heading phrases for reading JDs, added to the built-in vocabulary; a phrase listed here
   * takes this kind even when the built-in vocabulary files it elsewhere (`duties: [challenges]`).
   * `other` is the older name of `about`.
   */
  jdSections: z
    .strictObject({
      duties: z.array(z.string().min(2)).default([]),
      requirements: z.array(z.string().min(2)).default([]),
      context: z.array(z.string().min(2)).default([]),
      benefits: z.array(z.string().min(2)).default([]),
      process: z.array(z.string().min(2)).default([]),
      about: z.array(z.string().min(2)).default([]),
      other: z.array(z.string().min(2)).default([]),
    })
    .optional(),
  /** File size limits. @default { jdBytes: 262144, yamlBytes: 1048576 } */
  limits: LimitsSchema.optional(),
  /** People shards, for organisations whose stacks would be too large. @default - one stack per domain */
  stacks: StacksSchema.optional(),
  /** Limits a change must stay within unless a person says otherwise. @default see GuardsSchema */
  guards: GuardsSchema.default(() => ({ ...DEFAULT_GUARDS, breakGlass: [] })),
  /** Thresholds and accepted findings of `rolecall audit`. @default see AuditSchema */
  audit: AuditSchema.default(() => ({ ...DEFAULT_AUDIT, suppressions: [] })),
});

export type OrgFile = z.infer<typeof OrgFileSchema>;
export type Limits = z.infer<typeof LimitsSchema>;
export type StacksConfig = z.infer<typeof StacksSchema>;
export type { Guards } from './guards';
export type { AuditConfig, Suppression } from './audit';
export type Handoff = z.infer<typeof HandoffSchema>;
