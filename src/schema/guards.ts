import { z } from 'zod';
import { showValue } from '../util/safe-text';

/** The default guards: a change may take access away from at most 5 people and at most 10 % of them. */
export const DEFAULT_GUARDS = { massRemoval: { people: 5, percent: 10 } } as const;

const count = (what: string, max: number) =>
  z
    .number({ error: (issue) => `expected ${what} as a whole number from 0 to ${max}, got ${showValue(issue.input)}` })
    .int({ error: (issue) => `expected ${what} as a whole number, got ${showValue(issue.input)}` })
    .min(0, { error: `expected ${what} of at least 0` })
    .max(max, { error: `expected ${what} of at most ${max}` });

/**
 * The `guards:` block of org.yaml: limits `rolecall check-removal` holds a change to. A change that goes
 * past one fails unless the person running it sets `ROLECALL_ALLOW_MASS_REMOVAL=1`.
 */
export const GuardsSchema = z.strictObject({
  /**
   * A change fails when it takes access away from more than `people` people, or from more than `percent`
   * per cent of the people active on the base side. @default { people: 5, percent: 10 }
   */
  massRemoval: z
    .strictObject({
      people: count('guards.massRemoval.people', 1_000_000).default(DEFAULT_GUARDS.massRemoval.people),
      percent: z
        .number({ error: (issue) => `expected guards.massRemoval.percent as a number from 0 to 100, got ${showValue(issue.input)}` })
        .min(0, { error: 'expected guards.massRemoval.percent of at least 0' })
        .max(100, { error: 'expected guards.massRemoval.percent of at most 100' })
        .default(DEFAULT_GUARDS.massRemoval.percent),
    })
    .default(DEFAULT_GUARDS.massRemoval),
});

export type Guards = z.infer<typeof GuardsSchema>;
