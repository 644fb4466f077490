import type { RolePlan } from './org-catalog';
import { MAX_ROTATION_PEOPLE, MIN_ROTATION_PEOPLE, type OrgShape } from './org-shape';
import { FIRST_NAMES, LAST_NAMES } from './org-words';
import type { Prng } from './prng';

/** One entry of people.yaml. */
export interface PersonPlan {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly github: string;
  readonly roles: string[];
  readonly start: string;
  readonly end?: string;
  oncallOptOut?: { readonly reason: string };
  /** Whether the person's access is active on the date (not written). */
  readonly active: boolean;
}

/** The people and, per role, who maintains its team. */
export interface People {
  readonly people: readonly PersonPlan[];
  /** Role id → 1–2 active holders who maintain the role's GitHub team. */
  readonly maintainers: ReadonlyMap<string, readonly string[]>;
  /** Three long-serving active people: the GitHub organisation's owners and the risk approvers. */
  readonly owners: readonly string[];
}

const FIRST_DAY = '2012-01-09';
const OPT_OUT_REASONS = [
  'Works a reduced schedule agreed with their manager; reviewed every six months.',
  'Acts as incident commander for escalations instead of taking rotation shifts.',
  'On a long-term accommodation that excludes night-time pages.',
];

/**
 * People for `roles`: `shape.active` active on `asOf`, the rest ended or not started. Each holds one
 * primary role and, two times in five, a second role of another team (mostly of the same department).
 * An on-call role has 12–28 active holders and is never anyone's second role, so no rotation exceeds 28.
 */
export function planPeople(shape: OrgShape, roles: readonly RolePlan[], domain: string, asOf: string, prng: Prng): People {
  const identities = identitiesFor(shape.people, domain, prng);
  const statuses = prng.shuffle([
    ...Array<'active'>(shape.active).fill('active'),
    ...Array<'ended'>(shape.ended).fill('ended'),
    ...Array<'future'>(shape.future).fill('future'),
  ]);
  const oncallRoles = roles.filter((role) => role.oncall);
  const otherRoles = roles.filter((role) => !role.oncall);
  const activeIndexes = prng.shuffle(statuses.flatMap((status, index) => (status === 'active' ? [index] : [])));

  // Primary roles of active people: on-call roles first, each within the rotation bounds; every other
  // role gets two people, then the rest are drawn by weight so that team sizes vary.
  const primary = new Array<RolePlan | undefined>(shape.people).fill(undefined);
  let next = 0;
  const take = (role: RolePlan, count: number): void => {
    for (let i = 0; i < count && next < activeIndexes.length; i++) primary[activeIndexes[next++] as number] = role;
  };
  const spare = shape.active - 2 * otherRoles.length;
  for (const role of oncallRoles)
    take(role, Math.min(prng.int(MIN_ROTATION_PEOPLE, MAX_ROTATION_PEOPLE), Math.floor(spare / oncallRoles.length)));
  for (const role of otherRoles) take(role, 2);
  const weights = otherRoles.map(() => 0.3 + prng.float() * 1.4);
  while (next < activeIndexes.length) take(otherRoles[prng.weighted(weights)] as RolePlan, 1);

  const asOfDay = dayNumber(asOf);
  const people = identities.map((identity, index): PersonPlan => {
    const status = statuses[index] as 'active' | 'ended' | 'future';
    const role = primary[index] ?? (prng.pick(roles) as RolePlan);
    const second = prng.chance(0.4) ? secondRole(role, otherRoles, prng) : undefined;
    const dates =
      status === 'active'
        ? { start: prng.date(FIRST_DAY, dayString(asOfDay)) }
        : status === 'future'
          ? { start: prng.date(dayString(asOfDay + 1), dayString(asOfDay + 75)) }
          : endedDates(asOfDay, prng);
    return { ...identity, roles: second ? [role.id, second.id] : [role.id], ...dates, active: status === 'active' };
  });

  // A few on-call holders opt out, never all of a rotation: the first holder always stays in.
  const seen = new Set<string>();
  for (const person of people) {
    const role = person.roles[0] as string;
    if (!person.active || !oncallRoles.some((candidate) => candidate.id === role)) continue;
    if (seen.has(role) && prng.chance(0.05)) person.oncallOptOut = { reason: prng.pick(OPT_OUT_REASONS) };
    seen.add(role);
  }

  const bySeniority = people
    .filter((person) => person.active)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  const maintainers = new Map<string, string[]>();
  for (const person of bySeniority) {
    for (const role of person.roles) {
      const list = maintainers.get(role) ?? [];
      if (list.length < 2 && (list.length === 0 || prng.chance(0.5))) list.push(person.id);
      maintainers.set(role, list);
    }
  }
  return { people, maintainers, owners: bySeniority.slice(0, 3).map((person) => person.id) };
}

function secondRole(primary: RolePlan, others: readonly RolePlan[], prng: Prng): RolePlan | undefined {
  const sameDepartment = others.filter((role) => role.department === primary.department && role.team !== primary.team);
  const pool = sameDepartment.length > 0 && prng.chance(0.75) ? sameDepartment : others.filter((role) => role.id !== primary.id);
  return pool.length > 0 ? prng.pick(pool) : undefined;
}

function endedDates(asOfDay: number, prng: Prng): { start: string; end: string } {
  const start = prng.date(FIRST_DAY, dayString(asOfDay - 400));
  return { start, end: prng.date(dayString(dayNumber(start) + 60), dayString(asOfDay - 1)) };
}

/** Unique ids, names, e-mail addresses and GitHub logins for `count` people. */
function identitiesFor(count: number, domain: string, prng: Prng): Pick<PersonPlan, 'id' | 'name' | 'email' | 'github'>[] {
  const ids = new Set<string>();
  const logins = new Set<string>();
  return Array.from({ length: count }, () => {
    const first = prng.pick(FIRST_NAMES);
    const last = prng.pick(LAST_NAMES);
    const base = `${first}-${last}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const suffix = id === base ? '' : id.slice(base.length + 1);
    const styles = [
      `${first}${last}`,
      `${first.charAt(0)}${last}`,
      `${first}-${last.slice(0, 3)}`,
      `${last}-${first}`,
      `${first}${last.charAt(0)}-dev`,
    ];
    let login = `${prng.pick(styles)}${suffix}`;
    for (let n = 2; logins.has(login); n++) login = `${prng.pick(styles)}${n}${suffix}`;
    logins.add(login);
    const name = `${capitalise(first)} ${capitalise(last)}`;
    return { id, name, email: `${first}.${last}${suffix}@${domain}`, github: login };
  });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
