import { z } from 'zod';
import { HandoffSchema } from './org';
import { CAPABILITY_GRANTS } from '../backends/schemas';
import { AccessLevelSchema, AccessSchema, StatementSchema } from '../backends/aws/schema';
import { RepoPermissionSchema } from '../backends/github/schema';
import { DateSchema, IdSchema, ReasonSchema } from './common';

// The backends' own parts, under the names the rest of rolecall has always used.
export { AccessLevelSchema, AccessSchema, AwsGrantSchema, StatementSchema } from '../backends/aws/schema';
export { GithubGrantSchema, RepoPermissionSchema } from '../backends/github/schema';
export { OncallGrantSchema } from '../backends/oncall/schema';

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

/** A capability: one coherent piece of access, granted to roles by JD duties. */
export const CapabilitySchema = z.strictObject({
  id: IdSchema,
  description: z.string().min(1),
  /** Words or phrases in a JD duty that suggest this capability (`rolecall jd draft`). */
  keywords: z.array(z.string().min(2)).default([]),
  risk: RiskSchema,
  ...CAPABILITY_GRANTS,
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
