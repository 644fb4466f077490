import { explainPerson, explainRole } from '../../src/cli/format-explain';
import { personCapabilities, personEntry, roleEntry } from '../../src/model/build/person-access';
import type { AccessModel } from '../../src/model/types';

/**
 * Everything a model says about one person, in one plain value, so that two models can be compared on
 * that person alone: what `explain` prints (text and JSON), the risk of each capability they hold, their
 * AWS user and the groups and permission sets of their roles (policies included), their GitHub
 * organisation membership and every team they are in with their role there (maintainer or member, and
 * whether rolecall made them maintainer as a fallback) and its repositories, and every rotation they are
 * in with their position in it and in its weekly layer (out of how many), the rotations they are paged
 * for as escalation, and their on-call contact. Nothing about anyone else is in it: a team's other
 * members, for instance, count only through the person's own role there. Undefined when the model has
 * no such person.
 */
export function personView(model: AccessModel, personId: string): Record<string, unknown> | undefined {
  const person = model.people.find((candidate) => candidate.id === personId);
  if (!person) return undefined;
  const held = new Set(personCapabilities(model, person).map((capability) => capability.id));
  return {
    explain: explainPerson(model, person),
    entry: personEntry(model, person),
    risks: model.capabilities.filter((capability) => held.has(capability.id)),
    aws: {
      user: model.aws.users.find((user) => user.personId === personId),
      groups: model.aws.roles.filter((role) => role.members.includes(personId)).map(({ members: _members, ...role }) => role),
    },
    github: {
      member: model.github.members.find((member) => member.personId === personId),
      teams: model.github.teams.flatMap((team) => {
        const member = team.members.find((candidate) => candidate.personId === personId);
        if (!member) return [];
        const { members: _members, ...rest } = team;
        return [{ ...rest, member }];
      }),
    },
    oncall: {
      rotations: model.oncall.rotations.flatMap((rotation) => {
        const position = rotation.members.indexOf(personId);
        if (position < 0) return [];
        const { members, layer, escalation: _escalation, ...rest } = rotation;
        return [
          {
            ...rest,
            position,
            of: members.length,
            layer: layer ? { start: layer.start, position: layer.order.indexOf(personId), of: layer.order.length } : undefined,
          },
        ];
      }),
      escalation: model.oncall.rotations.filter((rotation) => rotation.escalation?.includes(personId)).map((rotation) => rotation.id),
      contact: model.oncall.contacts.find((contact) => contact.personId === personId),
    },
  };
}

/** What `explain ROLE` prints, text and JSON; undefined when the model has no such role. */
export function roleView(model: AccessModel, roleId: string): string | undefined {
  const role = model.roles.find((candidate) => candidate.id === roleId);
  return role ? `${explainRole(model, role)}${JSON.stringify(roleEntry(role))}` : undefined;
}
