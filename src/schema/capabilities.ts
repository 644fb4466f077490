import { z } from 'zod';
import { HandoffSchema } from './org';
import { DateSchema, GithubTeamSlugSchema, IdSchema, ReasonSchema } from './common';

/** How risky a capability is, as declared by its author. */
export const RiskLevelSchema = z.enum(['low', 'medium', 'high']);

/** How the acceptance of a risk was written before it was scoped, shown when the old form is met. */
const NEW_ACCEPTANCE_FORM = 'accepted: { by: [person-id], on: YYYY-MM-DD, roles: [role-id], expires: YYYY-MM-DD, reason: "…" }';

/**
 * A written acceptance of a capability's risk: who accepted it, when, for which roles, until when, and
 * why. It covers only the roles it names: granting the capability through any other role is an error.
 */
export const AcceptanceSchema = z.strictObject(
  {
    /** Person ids (people.yaml) of the approvers. */
    by: z.array(IdSchema).min(1),
    /** The day the risk was accepted; it does not hold before. */
    on: DateSchema,
    /** Role ids the acceptance covers. */
    roles: z.array(IdSchema).min(1),
    /** The last day the acceptance holds. @default no expiry */
    expires: DateSchema.optional(),
    reason: ReasonSchema,
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === true
        ? `"accepted: true" no longer accepts a risk: say who accepted it, when and for which roles, and move the reason into it (hint: ${NEW_ACCEPTANCE_FORM}; expires is optional)`
        : undefined,
  },
);

/**
 * Declared risk: a level, or a level with an acceptance. A capability whose computed risk is high must be
 * accepted, for each role that grants it.
 */
export const RiskSchema = z.union([
  RiskLevelSchema,
  z.strictObject({
    level: RiskLevelSchema,
    accepted: AcceptanceSchema,
  }),
]);

/** An IAM action as written in a policy: `service:Action`, wildcards allowed in the action part. */
const ActionSchema = z.string().regex(/^([a-z0-9-]+:[A-Za-z0-9*?]+|\*)$/, {
  error: (issue) => `expected an IAM action such as "s3:GetObject", got ${JSON.stringify(issue.input)}`,
});

/**
 * A resource ARN or pattern. 2,048 characters is the longest ARN AWS accepts; anything longer cannot fit
 * a policy and would only make placement slow.
 */
const ResourceSchema = z.string().min(1).max(2048, { error: 'a resource ARN is at most 2,048 characters' });

/** An explicit IAM policy statement. */
export const StatementSchema = z.strictObject({
  sid: z.string().regex(/^[A-Za-z0-9]+$/, { error: 'a Sid is alphanumeric' }).optional(),
  effect: z.enum(['Allow', 'Deny']).default('Allow'),
  actions: z.array(ActionSchema).min(1),
  resources: z.array(ResourceSchema).min(1).default(['*']),
  /** IAM condition block: operator → key → value(s). */
  conditions: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()]))).optional(),
});

/** Access levels of the AWS Service Authorization Reference. */
export const AccessLevelSchema = z.enum(['list', 'read', 'write', 'tagging', 'permissions']);

/** Least-privilege access: a service, access levels and resources, expanded into explicit actions. */
export const AccessSchema = z.strictObject({
  service: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a service prefix such as "s3"' }),
  levels: z.array(AccessLevelSchema).min(1),
  resources: z.array(ResourceSchema).min(1).default(['*']),
  /** Actions of those levels to leave out, e.g. `s3:DeleteBucket`. */
  except: z.array(ActionSchema).default([]),
  /**
   * Actions of those levels that take no resource (AWS authorizes them only on `"*"`, e.g.
   * `eks:ListClusters`): `include` grants them on `"*"`, `omit` leaves them out (`explain` lists them).
   * Irrelevant when `resources` is `["*"]`. @default omit
   */
  wildcardOnly: z.enum(['include', 'omit']).default('omit'),
});

/** What a capability grants in AWS, per account. */
export const AwsGrantSchema = z.strictObject({
  /** Account names from org.yaml. @default [org.aws.defaultAccount] */
  accounts: z.array(IdSchema).min(1).optional(),
  managedPolicies: z
    .array(
      // arn:<partition>:iam::<aws or account>:policy/<path/><name>, the name 1–128 characters of [\w+=,.@-].
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
      z.string().regex(/^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?:iam::(aws|\d{12}):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/, {
        error: (issue) => `expected a managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess, got ${JSON.stringify(issue.input)}`,
      }),
    )
    .default([]),
  statements: z.array(StatementSchema).default([]),
  access: z.array(AccessSchema).default([]),
});

/** GitHub repository permission levels, weakest first. */
export const RepoPermissionSchema = z.enum(['pull', 'triage', 'push', 'maintain', 'admin']);

/** What a capability grants in GitHub. */
export const GithubGrantSchema = z.strictObject({
  /** Repositories the holder's role team gets, with the permission. */
  repositories: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected a repository name without the owner' }),
        permission: RepoPermissionSchema,
      }),
    )
    .default([]),
  /** Extra teams (e.g. a CODEOWNERS team) that rolecall creates, named by their slug, and whose membership the capability confers. */
  teams: z.array(IdSchema).default([]),
  /**
   * Slugs of teams that exist already, created and named outside rolecall, whose membership the
   * capability confers. rolecall never creates, renames or deletes them: it adds and removes only the
   * memberships it grants, one person at a time, and leaves everyone else in the team alone.
   */
  existingTeams: z.array(GithubTeamSlugSchema).default([]),
});

/** A capability: one coherent piece of access, granted to roles by JD duties. */
export const CapabilitySchema = z.strictObject({
  id: IdSchema,
  description: z.string().min(1),
  /** Words or phrases in a JD duty that suggest this capability (`rolecall jd draft`). */
  keywords: z.array(z.string().min(2)).default([]),
  risk: RiskSchema,
  aws: z.array(AwsGrantSchema).default([]),
  github: GithubGrantSchema.optional(),
  oncall: z.strictObject({ rotations: z.array(IdSchema).min(1) }).optional(),
});

/** An on-call rotation. */
export const RotationSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  /** Overrides the org's hand-off. */
  handoff: HandoffSchema.optional(),
  /** How many people are on call at once. @default 1 */
  onCallAtOnce: z.number().int().min(1).max(5).default(1),
  /** Days from a person's start before they join the rotation. @default 28 */
  rampDays: z.number().int().min(0).max(365).default(28),
  /** A rotation a person sits in while they ramp up (its id): they shadow it until they join this one. */
  shadow: IdSchema.optional(),
});

/**
 * Two or more capabilities no one person may hold together (separation of duties), e.g. approving and
 * deploying a change to production. `rolecall audit` names everyone who holds all of them.
 */
export const SeparationSchema = z.strictObject({
  /** Capability ids that must not come together in one person. */
  capabilities: z.array(IdSchema).min(2, { error: 'a separation of duties names at least two capabilities' }),
  reason: ReasonSchema,
});

/** roles/capabilities.yaml */
export const CapabilitiesFileSchema = z.strictObject({
  rotations: z.array(RotationSchema).default([]),
  capabilities: z.array(CapabilitySchema).min(1),
  /** Capabilities that must not be held together. @default [] */
  separationOfDuties: z.array(SeparationSchema).default([]),
});

export type CapabilitiesFile = z.infer<typeof CapabilitiesFileSchema>;
export type CapabilityFile = z.infer<typeof CapabilitySchema>;
export type SeparationFile = z.infer<typeof SeparationSchema>;
export type StatementFile = z.infer<typeof StatementSchema>;
export type AccessFile = z.infer<typeof AccessSchema>;
export type RepoPermission = z.infer<typeof RepoPermissionSchema>;
export type RiskLevel = z.infer<typeof RiskLevelSchema>;
export type AcceptanceFile = z.infer<typeof AcceptanceSchema>;
export type AccessLevel = z.infer<typeof AccessLevelSchema>;
