import { roleIndex, rolesOf } from '../model/build/person-access';
import type { AccessModel, Capability, PersonAccess, Role } from '../model/types';
import { EMPTY_ACCESS, roleAccessSet, sameRoleAccess, unionAccessSets, type AccessContext, type AccessSet } from './access-set';
import type { ExpandedAction } from './expand-action';

/**
 * One side of a diff: a model with the lookups the diff needs, each computed once. Access is derived per
 * role and per distinct set of roles, never per person, so ten thousand people with twenty role
 * combinations cost twenty unions.
 */
export interface DiffSide {
  readonly model: AccessModel;
  readonly roles: ReadonlyMap<string, Role>;
  readonly people: ReadonlyMap<string, PersonAccess>;
  readonly capabilities: ReadonlyMap<string, Capability>;
  /** How this side's access is read: its account ids, and the shared action expansion. */
  readonly context: AccessContext;
  /** Roles granting each capability, sorted. */
  readonly rolesGranting: (capability: string) => readonly string[];
  roleAccess(roleId: string): AccessSet;
  /** The roles a person's access comes from (none unless active), and the key of that set of roles. */
  activeRoles(person: PersonAccess): { readonly key: string; readonly ids: readonly string[] };
  /** The access of a person's active roles, and the key of that role set (empty unless active). */
  personAccess(person: PersonAccess): { readonly key: string; readonly access: AccessSet };
  /** Team memberships (slug → role) of a person, from the model's GitHub state. */
  teamsOf(personId: string): ReadonlyMap<string, 'member' | 'maintainer'>;
  /** Rotations a person is in (after opt-outs), from the model's on-call state. */
  rotationsOf(personId: string): ReadonlySet<string>;
  orgRoleOf(personId: string): 'member' | 'admin' | undefined;
  /** The role team's slug of a role. */
  teamOfRole(roleId: string): string | undefined;
}

/** Builds one side of a diff over `model`. */
export function diffSide(model: AccessModel, expand: (action: string) => readonly ExpandedAction[]): DiffSide {
  const accountIds = new Map(model.aws.accounts.map((account) => [account.name, account.id]));
  const context: AccessContext = { accountId: (name) => accountIds.get(name) ?? name, expand };
  const roles = roleIndex(model);
  const roleSets = new Map<string, AccessSet>();
  const roleSetsByKey = new Map<string, AccessSet>();
  const roleAccess = (roleId: string): AccessSet => {
    let set = roleSets.get(roleId);
    if (!set) {
      const role = roles.get(roleId);
      set = role ? roleAccessSet(role, context) : EMPTY_ACCESS;
      roleSets.set(roleId, set);
    }
    return set;
  };

  const teams = new Map<string, Map<string, 'member' | 'maintainer'>>();
  const roleTeams = new Map<string, string>();
  for (const team of model.github.teams) {
    if (team.roleId) roleTeams.set(team.roleId, team.slug);
    for (const member of team.members) mapOf(teams, member.personId).set(team.slug, member.role);
  }
  const rotations = new Map<string, Set<string>>();
  for (const rotation of model.oncall.rotations) for (const id of rotation.members) setOf(rotations, id).add(rotation.id);
  const orgRoles = new Map(model.github.members.map((member) => [member.personId, member.role]));
  const granting = new Map<string, string[]>();
  for (const role of model.roles) for (const capability of role.capabilities) listOf(granting, capability.id).push(role.id);

  return {
    model,
    roles,
    people: new Map(model.people.map((person) => [person.id, person])),
    capabilities: new Map(model.capabilities.map((capability) => [capability.id, capability])),
    context,
    rolesGranting: (capability) => granting.get(capability) ?? [],
    roleAccess,
    activeRoles(person) {
      const ids = rolesOf(model, person).map((role) => role.id);
      return { key: ids.join('\n'), ids };
    },
    personAccess(person) {
      const ids = rolesOf(model, person).map((role) => role.id);
      const key = ids.join('\n');
      let access = roleSetsByKey.get(key);
      if (!access) {
        access = ids.length === 0 ? EMPTY_ACCESS : unionAccessSets(ids.map(roleAccess));
        roleSetsByKey.set(key, access);
      }
      return { key, access };
    },
    teamsOf: (personId) => teams.get(personId) ?? EMPTY_MAP,
    rotationsOf: (personId) => rotations.get(personId) ?? EMPTY_SET,
    orgRoleOf: (personId) => orgRoles.get(personId),
    teamOfRole: (roleId) => roleTeams.get(roleId),
  };
}

const unchanged = new WeakMap<DiffSide, WeakMap<DiffSide, Map<string, boolean>>>();

/**
 * True when a role (by its base and head ids, the same unless renamed) certainly grants the same access
 * for the same reasons on both sides (see `sameRoleAccess`): its access sets need not be built or compared.
 */
export function unchangedRole(base: DiffSide, head: DiffSide, baseId: string, headId: string): boolean {
  let byHead = unchanged.get(base);
  if (!byHead) unchanged.set(base, (byHead = new WeakMap()));
  let answers = byHead.get(head);
  if (!answers) byHead.set(head, (answers = new Map()));
  const key = `${baseId}\u0000${headId}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    const [before, after] = [base.roles.get(baseId), head.roles.get(headId)];
    answer =
      baseId === headId && before !== undefined && after !== undefined && sameRoleAccess(baseId, before, after, base.context, head.context);
    answers.set(key, answer);
  }
  return answer;
}

const EMPTY_MAP: ReadonlyMap<string, 'member' | 'maintainer'> = new Map();
const EMPTY_SET: ReadonlySet<string> = new Set();

function mapOf<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Set()));
  return inner;
}

function listOf(map: Map<string, string[]>, key: string): string[] {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = []));
  return inner;
}
