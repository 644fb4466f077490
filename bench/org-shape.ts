/**
 * How big each part of a generated organisation is, for a number of people. The reference point is the
 * organisation of 10,000 people that rolecall's performance targets are stated for; every other size
 * scales from it in proportion, so 1,000 people is that organisation at a tenth of its size:
 *
 * | part | per 10,000 people | rule | 1,000 people |
 * | --- | --- | --- | --- |
 * | active on the date | 9,691 | 96.91 %; of the others two thirds have left, one third not started | 969 |
 * | roles (one JD each) | 300 | 3 per 100 people, at least 5 | 30 |
 * | product teams | 60 | one per 5 roles | 6 |
 * | departments | 10 | one per 6 teams | 1 |
 * | capabilities | 406 | 4.06 per 100 people | 41 |
 * | repositories | 2,000 | 1 per 5 people; a tenth shared per department, the rest per team | 200 |
 * | on-call rotations | 50 | 1 per 200 people, at most one per team; at most 28 people each | 5 |
 * | AWS accounts | 3 | prod, staging, tooling at every size | 3 |
 *
 * Every person holds 1 or 2 roles.
 */
export interface OrgShape {
  readonly people: number;
  /** People whose access is active on the generated date. */
  readonly active: number;
  /** People who have left (end before the date). */
  readonly ended: number;
  /** People who start after the date. */
  readonly future: number;
  readonly roles: number;
  readonly teams: number;
  readonly departments: number;
  readonly capabilities: number;
  readonly repositories: number;
  readonly rotations: number;
}

/** Share of people active on the date at the reference size (9,691 of 10,000). */
export const ACTIVE_SHARE = 0.9691;
/** Most people in one on-call rotation (rolecall's own limit is 30 for Incident Manager). */
export const MAX_ROTATION_PEOPLE = 28;
/** Fewest people in one on-call rotation. */
export const MIN_ROTATION_PEOPLE = 12;
/** Roles per product team. */
export const ROLES_PER_TEAM = 5;

/** The shape of an organisation of `people` people (at least 50). */
export function orgShape(people: number): OrgShape {
  if (!Number.isInteger(people) || people < 50) throw new RangeError(`expected at least 50 people, got ${people}`);
  const active = Math.round(people * ACTIVE_SHARE);
  const inactive = people - active;
  const ended = Math.round((inactive * 2) / 3);
  const roles = Math.max(ROLES_PER_TEAM, Math.round(people * 0.03));
  const teams = Math.ceil(roles / ROLES_PER_TEAM);
  const departments = Math.ceil(teams / 6);
  const rotations = Math.min(teams, Math.max(1, Math.round(people / 200)));
  // Each team needs at least one capability of its own, beside the shared ones (console view, one
  // read baseline per department, one per rotation).
  const shared = 1 + departments + rotations;
  const capabilities = Math.max(shared + teams, Math.round(people * 0.0406));
  const repositories = Math.max(4 * teams + 2 * departments, Math.round(people * 0.2));
  return { people, active, ended, future: inactive - ended, roles, teams, departments, capabilities, repositories, rotations };
}

/** `total` split into `parts` whole numbers that differ by at most one, the larger ones first. */
export function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, index) => base + (index < extra ? 1 : 0));
}
