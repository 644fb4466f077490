import { z } from 'zod';
import { showValue } from '../util/safe-text';
import { DateSchema, ReasonSchema } from './common';

/** What `rolecall audit` assumes when org.yaml has no `audit:` block. */
export const DEFAULT_AUDIT = { maxHighRiskPerPerson: 3, unusedDays: 90, acceptanceWarningDays: 30 } as const;

const days = (what: string, max: number) =>
  z
    .number({ error: (issue) => `expected ${what} as a whole number of days from 1 to ${max}, got ${showValue(issue.input)}` })
    .int({ error: (issue) => `expected ${what} as a whole number, got ${showValue(issue.input)}` })
    .min(1, { error: `expected ${what} of at least 1` })
    .max(max, { error: `expected ${what} of at most ${max}` });

/**
 * A finding the organisation has looked at and accepts, with why. `finding` is a whole finding id
 * (`Drift-UnmanagedIamUser[111111111111:ci-deployer]`) or a rule id, which suppresses every finding of
 * the rule. A suppressed finding is still listed, with its reason, and does not fail `--fail-on`.
 */
export const SuppressionSchema = z.strictObject({
  finding: z.string().regex(/^[A-Z][A-Za-z]*-[A-Za-z]+(\[[^\]\n]{1,300}\])?$/, {
    error: (issue) => `expected a rule id such as Drift-UnmanagedIamUser or a finding id such as Drift-UnmanagedIamUser[111111111111:ci-deployer], got ${showValue(issue.input)}`,
  }),
  reason: ReasonSchema,
  /** The last day the suppression holds; after it the finding counts again. @default no expiry */
  expires: DateSchema.optional(),
});

/** The `audit:` block of org.yaml: thresholds of `rolecall audit` and the findings it accepts. */
export const AuditSchema = z.strictObject({
  /** Most high-risk capabilities one person may hold before it is a finding. @default 3 */
  maxHighRiskPerPerson: z
    .number({ error: (issue) => `expected audit.maxHighRiskPerPerson as a whole number, got ${showValue(issue.input)}` })
    .int()
    .min(0)
    .max(1000)
    .default(DEFAULT_AUDIT.maxHighRiskPerPerson),
  /** A granted service not used for this many days is unused access (with `--last-accessed`). @default 90 */
  unusedDays: days('audit.unusedDays', 3650).default(DEFAULT_AUDIT.unusedDays),
  /** A risk acceptance that ends within this many days is reported before it runs out. @default 30 */
  acceptanceWarningDays: days('audit.acceptanceWarningDays', 365).default(DEFAULT_AUDIT.acceptanceWarningDays),
  /** Findings accepted, each with a reason. @default [] */
  suppressions: z.array(SuppressionSchema).default(() => []),
});

export type AuditConfig = z.infer<typeof AuditSchema>;
export type Suppression = z.infer<typeof SuppressionSchema>;
