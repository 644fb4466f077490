import { z } from 'zod';
import { DateSchema, EmailSchema, GithubLoginSchema, IdSchema, ReasonSchema } from './common';

/** One person in roles/people.yaml. */
export const PersonSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  email: EmailSchema,
  github: GithubLoginSchema,
  roles: z.array(IdSchema).min(1),
  /** First day of access. */
  start: DateSchema,
  /** Last day of access (inclusive); nothing is granted after it. */
  end: DateSchema.optional(),
  /** Keeps the person out of every on-call rotation their roles would put them in. */
  oncallOptOut: z.strictObject({ reason: ReasonSchema }).optional(),
});

/** roles/people.yaml */
export const PeopleFileSchema = z.strictObject({
  people: z.array(PersonSchema),
});

export type PeopleFile = z.infer<typeof PeopleFileSchema>;
export type PersonFile = z.infer<typeof PersonSchema>;
