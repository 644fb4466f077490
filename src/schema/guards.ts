import { z } from 'zod';
import { showValue } from '../util/safe-text';
import { IdSchema } from './common';

/**
 * The default guards: a change may take access away from 5 people, or from more if they are at most
 * 10 % of the active people (one person always),
 * leaves every rotation at least 2 active members, and sends at most 50 GitHub invitations a day (the
 * limit GitHub sets for most organisations). No capability is break-glass unless org.yaml says so.
 */
export const DEFAULT_GUARDS = { massRemoval: { people: 5, percent: 10 }, breakGlass: [], rotationMinMembers: 2, githubInvitationsPerDay: 50 } as const;

const count = (what: string, max: number) =>
  z
    .number({ error: (issue) => `expected ${what} as a whole number from 0 to ${max}, got ${showValue(issue.input)}` })
    .int({ error: (issue) => `expected ${what} as a whole number, got ${showValue(issue.input)}` })
    .min(0, { error: `expected ${what} of at least 0` })
    .max(max, { error: `expected ${what} of at most ${max}` });

/**
 * The `guards:` block of org.yaml: limits `rolecall check-removal` holds a change to. A change that takes
 * away more than they allow fails unless the person running it sets the override the message names
 * (`ROLECALL_ALLOW_MASS_REMOVAL=1`, `ROLECALL_ALLOW_SHORT_ROTATION=1`, `ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL=1`); one
 * that sends more invitations than GitHub accepts in a day fails until it is staged. `validate` warns
 * when the organisation itself is below a minimum.
 */
export const GuardsSchema = z.strictObject({
  /**
   * A change fails when it takes access away from more than `people` people and also from more than
   * `percent` per cent of the people active on the base side; one person leaving never fails it.
   * @default { people: 5, percent: 10 }
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
  /**
   * Capability ids (capabilities.yaml) that must stay with at least two active people: the access used
   * when everything else fails. @default []
   */
  breakGlass: z.array(IdSchema).default(() => []),
  /** The fewest active members a rotation may be left with. @default 2 */
  rotationMinMembers: count('guards.rotationMinMembers', 1_000).default(DEFAULT_GUARDS.rotationMinMembers),
  /**
   * The most GitHub invitations one deploy may send: GitHub accepts 50 a day (500 for some plans).
   * @default 50
   */
  githubInvitationsPerDay: count('guards.githubInvitationsPerDay', 100_000).default(DEFAULT_GUARDS.githubInvitationsPerDay),
});

export type Guards = z.infer<typeof GuardsSchema>;
