import { fitName } from '../../util/short-hash';

/** Identity Center permission set names are at most 32 characters. https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html */
export const MAX_PERMISSION_SET_NAME = 32;

/**
 * IAM user names: 1–64 characters, letters, digits and `+=,.@_-`; group and customer managed policy
 * names the same characters, at most 128. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
 */
export const MAX_IAM_USER_NAME = 64;
export const MAX_IAM_GROUP_NAME = 128;
export const MAX_IAM_POLICY_NAME = 128;
/** IAM paths: at most 512 characters. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html */
export const MAX_IAM_PATH = 512;
const IAM_NAME = /^[\w+=,.@-]+$/;

/**
 * Identity store user names: at most 128 characters, letters, accented characters, symbols, numbers
 * and punctuation, but none of `<>;:%`; display names at most 1,024 characters.
 * https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateUser.html
 */
export const MAX_IDENTITY_STORE_USER_NAME = 128;
export const MAX_IDENTITY_STORE_DISPLAY_NAME = 1024;
const IDENTITY_STORE_USER_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/** IAM group name of a role: its id (unique per account whatever the path). */
export function groupName(roleId: string): string {
  return roleId;
}

/** Permission set name of a role in an account, shortened with a stable hash when too long. */
export function permissionSetName(roleId: string, account: string): string {
  return fitName(`${roleId}-${account}`, MAX_PERMISSION_SET_NAME);
}

/** Why `name` cannot be an IAM user, group or policy name of at most `max` characters, or undefined. */
export function iamNameProblem(name: string, max: number): string | undefined {
  if (name.length === 0 || name.length > max) return `is ${name.length} characters; IAM allows 1 to ${max}`;
  const bad = [...name].find((char) => !IAM_NAME.test(char));
  return bad === undefined ? undefined : `has ${JSON.stringify(bad)}; IAM allows only letters, digits and +=,.@_-`;
}

/**
 * Why `name` cannot be a permission set name (1–32 characters of `[\w+=,.@-]`), or undefined.
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html
 */
export function permissionSetNameProblem(name: string): string | undefined {
  return iamNameProblem(name, MAX_PERMISSION_SET_NAME)?.replace('IAM allows', 'Identity Center allows');
}

/** Why `name` cannot be an identity store user name, or undefined. */
export function identityStoreUserNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_IDENTITY_STORE_USER_NAME) {
    return `is ${name.length} characters; the identity store allows 1 to ${MAX_IDENTITY_STORE_USER_NAME}`;
  }
  const bad = [...name].find((char) => '<>;:%'.includes(char) || !IDENTITY_STORE_USER_NAME.test(char));
  return bad === undefined ? undefined : `has ${JSON.stringify(bad)}, which the identity store does not allow in a user name`;
}

/**
 * Why `text` cannot be the description of a permission set (at most 700 characters of tab, newline and
 * printable Latin-1) or of a customer managed policy (at most 1,000, tab, newline and U+0020–U+00FF),
 * or undefined. rolecall writes the role title into both.
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
 */
export function descriptionProblem(text: string, of: 'permission set' | 'IAM policy'): string | undefined {
  const [max, allowed] = of === 'permission set' ? [700, /^[\t\n\r\x20-\x7e\xa1-\xff]$/] : [1000, /^[\t\n\r\x20-\xff]$/];
  if (text.length > max) return `makes a ${of} description of ${text.length} characters; AWS allows at most ${max}`;
  const bad = [...text].find((char) => !allowed.test(char));
  return bad === undefined ? undefined : `has ${JSON.stringify(bad)}, which AWS does not allow in a ${of} description (Latin-1 only)`;
}

/**
 * Incident Manager contact display names: at most 255 letters, separators, digits, `_`, `.` and `-`.
 * https://docs.aws.amazon.com/incident-manager/latest/APIReference/API_SSMContacts_CreateContact.html
 */
export const MAX_CONTACT_DISPLAY_NAME = 255;

/**
 * A person's name as an Incident Manager contact display name: characters the API refuses (an
 * apostrophe, brackets, `$`) are dropped, spaces collapsed, the result cut to 255 characters; the person
 * id when nothing is left. Derived rather than refused: it is only shown to responders, and "O'Brien"
 * is a name, not a mistake.
 */
export function contactDisplayName(name: string, personId: string): string {
  const kept = [...name]
    .filter((char) => /^[\p{L}\p{Z}\p{N}_.-]$/u.test(char) || /\s/.test(char))
    .join('')
    .replace(/[\s\p{Z}]+/gu, ' ')
    .trim();
  return [...kept].slice(0, MAX_CONTACT_DISPLAY_NAME).join('').trim() || personId;
}

/** Splits a display name into given and family name (the last word is the family name). */
export function splitName(name: string): { givenName: string; familyName: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { givenName: name.trim(), familyName: name.trim() };
  return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] ?? '' };
}
