import { z } from 'zod';
import { IdSchema, ReasonSchema } from './common';

/** A duty of a role: a quote from its JD and the capabilities it justifies. */
export const DutySchema = z.strictObject({
  /** Text found in the JD (whitespace- and case-insensitive). */
  quote: z.string().trim().min(8, { error: 'quote at least 8 characters of the JD' }),
  capabilities: z.array(IdSchema).min(1),
});

/**
 * A duty of the role's JD that needs no access, with the reason: `rolecall audit` counts it as covered
 * instead of reporting it as a duty no capability maps.
 */
export const NoAccessDutySchema = z.strictObject({
  /** Text found in the JD (whitespace- and case-insensitive). */
  quote: z.string().trim().min(8, { error: 'quote at least 8 characters of the JD' }),
  reason: ReasonSchema,
});

/** A capability every holder of the role gets regardless of duties, with the reason. */
export const BaselineSchema = z.strictObject({
  capability: IdSchema,
  reason: ReasonSchema,
});

/** The role's GitHub team. */
export const RoleTeamSchema = z.strictObject({
  /**
   * Team name. GitHub derives the slug (`@org/<slug>`, CODEOWNERS) from it, so changing the name
   * changes the slug: a rename is this explicit edit, never a side effect of editing the title.
   * @default the role id
   */
  name: z
    .string()
    .trim()
    .min(1, { error: 'a team name is not empty' })
    .refine((name) => !name.includes('/'), {
      error: (issue) => `a team name cannot contain "/", got ${JSON.stringify(issue.input)} (hint: GitHub reads "a/b" as a team path, so its slug is not derived from the whole name)`,
    }),
});

/** roles/<role-id>.yaml */
export const RoleFileSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  /** Path of the JD, relative to the roles directory. */
  jd: z.string().min(1),
  duties: z.array(DutySchema).min(1),
  baseline: z.array(BaselineSchema).default([]),
  /** Duties of the JD that need no access, each with why. @default [] */
  noAccess: z.array(NoAccessDutySchema).default([]),
  /** Person ids who maintain the role's GitHub team. */
  maintainers: z.array(IdSchema).default([]),
  /** The role's GitHub team. @default named after the role id */
  team: RoleTeamSchema.optional(),
});

export type RoleFile = z.infer<typeof RoleFileSchema>;
