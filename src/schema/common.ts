import { z } from 'zod';
import { isCalendarDate } from '../util/calendar-date';
import { showValue } from '../util/safe-text';

/** True when `text` is YYYY-MM-DD and names a real day (lives in util/ so the CLI checks --as-of without zod). */
export { isCalendarDate };

/** A stable id: lower-case kebab-case, used for Terraform addresses and cross-references. */
export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    error: (issue) => `expected a kebab-case id such as "cloud-engineer", got ${showValue(issue.input)}`,
  })
  .max(64, { error: 'an id is at most 64 characters' });

/**
 * A calendar date written as YYYY-MM-DD. The YAML 1.2 core schema reads it as a string. A file that
 * declares `%YAML 1.1` gets timestamps instead, and those roll over (2026-02-30 is read as 2 March)
 * or carry a time of day, so a timestamp is refused rather than converted.
 */
export const DateSchema = z
  .string({
    error: (issue) =>
      issue.input instanceof Date
        ? 'expected a date YYYY-MM-DD, got a YAML 1.1 timestamp (hint: drop the %YAML 1.1 directive or quote the date, e.g. "2026-02-09")'
        : `expected a date YYYY-MM-DD, got ${showValue(issue.input)}`,
  })
  .refine(isCalendarDate, { error: (issue) => `expected a date YYYY-MM-DD that exists, got ${showValue(issue.input)}` });

/** A GitHub login: 1–39 alphanumerics or single hyphens, not starting or ending with one. */
export const GithubLoginSchema = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, {
  error: (issue) =>
    `expected a GitHub login, got ${showValue(issue.input)} (hint: use the login from the profile URL, not the display name)`,
});

/** An e-mail address (the pragmatic subset mail systems accept). */
export const EmailSchema = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
  error: (issue) => `expected an e-mail address, got ${showValue(issue.input)}`,
});

/**
 * The canonical name of `zone` when it is an IANA time zone this Node.js runtime's Intl accepts
 * (any case, links such as "EST5EDT" or "US/Pacific" included), else undefined. Offsets such as
 * "+05:00" are not zones: they ignore daylight saving time.
 */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9/_+-]*$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** True when `zone` is an IANA time zone this Node.js runtime knows. */
export function isIanaTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== undefined;
}

/** An IANA time zone such as "Europe/Berlin", written in its canonical form in the model. */
export const TimeZoneSchema = z
  .string()
  .refine(isIanaTimeZone, {
    error: (issue) => `expected an IANA time zone such as "Europe/Berlin", got ${showValue(issue.input)}`,
  })
  .transform((zone) => canonicalTimeZone(zone) ?? zone);

/**
 * A 12-digit AWS account id, quoted. YAML reads an unquoted one as a number, which drops leading
 * zeros: an 11-digit number may be a typo as well as a lost zero, so a number is refused, never padded.
 */
export const AwsAccountIdSchema = z.string({
  error: (issue) =>
    typeof issue.input === 'number'
      ? `expected a 12-digit AWS account id as a quoted string, got the number ${showValue(issue.input)} (hint: quote it, e.g. id: "012345678901": unquoted, YAML drops leading zeros)`
      : `expected a 12-digit AWS account id, got ${showValue(issue.input)}`,
}).regex(/^\d{12}$/, {
  error: (issue) => `expected a 12-digit AWS account id, got ${showValue(issue.input)}`,
});

/**
 * The slug of an existing GitHub team, as in `@org/<slug>` and in the team's URL: lower-case letters,
 * digits, `-` and `_`, without a leading or trailing hyphen.
 */
export const GithubTeamSlugSchema = z.string().regex(/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/, {
  error: (issue) => `expected a GitHub team slug such as "platform-oncall", got ${showValue(issue.input)} (hint: the slug is in the team's URL)`,
});

/** Free text a person wrote as a reason; never empty. */
export const ReasonSchema = z.string().trim().min(10, { error: 'a reason is at least 10 characters: say why' });
