import { fitName } from '../util/short-hash';

/** Identity Center permission set names are at most 32 characters. https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html */
export const MAX_PERMISSION_SET_NAME = 32;

/** IAM group name of a role: its id (unique per account whatever the path). */
export function groupName(roleId: string): string {
  return roleId;
}

/** Permission set name of a role in an account, shortened with a stable hash when too long. */
export function permissionSetName(roleId: string, account: string): string {
  return fitName(`${roleId}-${account}`, MAX_PERMISSION_SET_NAME);
}

/** Splits a display name into given and family name (the last word is the family name). */
export function splitName(name: string): { givenName: string; familyName: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { givenName: name.trim(), familyName: name.trim() };
  return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] ?? '' };
}
