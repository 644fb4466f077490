import type { JobDescription } from '../jd';

/** A role file's `jd:` value: the JD's path, and the anchor of one role on a page that describes several. */
export interface JdReference {
  readonly path: string;
  readonly anchor?: string;
}

/** Splits `jd/positions.md#site-reliability-engineer` into the path and the anchor. */
export function splitJdReference(value: string): JdReference {
  const hash = value.indexOf('#');
  if (hash < 0) return { path: value };
  return { path: value.slice(0, hash), anchor: value.slice(hash + 1) };
}

export type PickedRole =
  { readonly ok: true; readonly jd: JobDescription } | { readonly ok: false; readonly message: string; readonly hint: string };

/**
 * The part of a JD a role file means. A page about one role is the whole page, and takes no anchor; a
 * page about several needs the anchor of one, so that one role's duties never justify another's access.
 */
export function pickJdRole(jd: JobDescription, anchor: string | undefined, path: string): PickedRole {
  const anchors = jd.roles.map((role) => role.anchor);
  const listed = anchors.map((candidate) => `${path}#${candidate}`).join(', ');
  if (anchor === undefined) {
    if (jd.roles.length === 0) return { ok: true, jd };
    return {
      ok: false,
      message: `${path} describes ${jd.roles.length} roles: say which one this role is`,
      hint: `write jd: as one of ${listed}`,
    };
  }
  const role = jd.roles.find((candidate) => candidate.anchor === anchor);
  if (role === undefined) {
    return {
      ok: false,
      message: jd.roles.length === 0 ? `${path} describes one role, so it has no anchor #${anchor}` : `${path} has no role #${anchor}`,
      hint: jd.roles.length === 0 ? `write jd: ${path}` : `write jd: as one of ${listed}`,
    };
  }
  return { ok: true, jd: { title: role.title, format: jd.format, sections: role.sections, roles: [] } };
}
