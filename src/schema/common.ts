import { z } from 'zod';

/** A stable id: lower-case kebab-case, used for Terraform addresses and cross-references. */
export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    error: (issue) => `expected a kebab-case id such as "cloud-engineer", got ${JSON.stringify(issue.input)}`,
  })
  .max(64, { error: 'an id is at most 64 characters' });

/** A calendar date written as YYYY-MM-DD (YAML may hand it over as a string or, unquoted, a Date). */
export const DateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isCalendarDate, {
    error: (issue) => `expected a date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
  }),
);

/** True when `text` is YYYY-MM-DD and names a real day. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A GitHub login: 1–39 alphanumerics or single hyphens, not starting or ending with one. */
export const GithubLoginSchema = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, {
  error: (issue) =>
    `expected a GitHub login, got ${JSON.stringify(issue.input)} (hint: use the login from the profile URL, not the display name)`,
});

/** An e-mail address (the pragmatic subset mail systems accept). */
export const EmailSchema = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
  error: (issue) => `expected an e-mail address, got ${JSON.stringify(issue.input)}`,
});

/** True when `zone` is an IANA time zone this Node.js runtime knows. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]+(?:[/_+-][A-Za-z0-9_+-]+)*$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone such as "Europe/Berlin". */
export const TimeZoneSchema = z.string().refine(isIanaTimeZone, {
  error: (issue) => `expected an IANA time zone such as "Europe/Berlin", got ${JSON.stringify(issue.input)}`,
});

/** A 12-digit AWS account id (YAML may read an unquoted one as a number). */
export const AwsAccountIdSchema = z.preprocess(
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value).padStart(12, '0') : value),
  z.string().regex(/^\d{12}$/, {
    error: (issue) => `expected a 12-digit AWS account id, got ${JSON.stringify(issue.input)} (hint: quote it)`,
  }),
);

/**
 * The slug of an existing GitHub team, as in `@org/<slug>` and in the team's URL: lower-case letters,
 * digits, `-` and `_`, without a leading or trailing hyphen.
 */
export const GithubTeamSlugSchema = z.string().regex(/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/, {
  error: (issue) => `expected a GitHub team slug such as "platform-oncall", got ${JSON.stringify(issue.input)} (hint: the slug is in the team's URL)`,
});

/** Free text a person wrote as a reason; never empty. */
export const ReasonSchema = z.string().trim().min(10, { error: 'a reason is at least 10 characters: say why' });
