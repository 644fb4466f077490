import type { Problem } from '../../load/problem';
import { locatedById, type RolesBundle } from '../../load/roles-bundle';
import { MAX_ROTATION_CONTACTS } from './check-bundle';
import { checkGeneratedNames } from './check-generated-names';
import { checkGithubOwners } from './check-github';
import { checkGuards } from './check-guards';
import { GROUPS_PER_USER } from '../iam/iam-quotas';
import type { AccessModel } from '../types';

/**
 * Checks of the built model that depend on its date: rotation sizes, team maintainers. Problems are
 * positioned at the file entry that causes them. A `partial` model lacks the entries that failed their
 * schema: only the checks that hold for what is there are run (a count over the limit stays over it
 * when the missing entries come back; too few owners or members may not).
 */
export function checkModel(model: AccessModel, bundle: RolesBundle, options: { readonly partial?: boolean } = {}): Problem[] {
  const problems: Problem[] = [...(options.partial ? [] : checkGithubOwners(model, bundle)), ...checkGeneratedNames(model, bundle)];
  if (model.oncall.backend === 'aws-incident-manager') {
    for (const rotation of model.oncall.rotations) {
      if (rotation.members.length <= MAX_ROTATION_CONTACTS) continue;
      const located = bundle.rotations.find((candidate) => candidate.value.id === rotation.id);
      if (!located) continue;
      problems.push(
        located.source.problem(
          [...located.path, 'id'],
          `rotation "${rotation.id}" would have ${rotation.members.length} contacts on ${model.asOf}; Incident Manager allows at most ${MAX_ROTATION_CONTACTS}`,
          'split it into several rotations, or narrow the capabilities that grant it',
        ),
      );
    }
  }
  for (const role of model.aws.roles) {
    const located = bundle.roles.find((candidate) => candidate.value.id === role.roleId);
    if (!located) continue;
    for (const account of role.accounts) {
      if (account.quotaError) {
        problems.push(
          located.source.problem(
            ['id'],
            `role "${role.roleId}" in AWS account ${account.account}: ${account.quotaError.message}`,
            account.quotaError.hint,
          ),
        );
      }
      for (const warning of account.warnings) {
        problems.push(
          located.source.problem(['id'], `role "${role.roleId}" in AWS account ${account.account}: ${warning}`, undefined, 'warning'),
        );
      }
    }
  }
  if (model.aws.mode === 'iam-groups') {
    const accountsOf = new Map(model.aws.roles.map((role) => [role.roleId, role.accounts.map((entry) => entry.account)]));
    const peopleById = locatedById(bundle.people);
    for (const user of model.aws.users) {
      // A user is in one group per AWS role they hold in each account: counted from their own roles.
      const groups = new Map<string, number>();
      for (const roleId of new Set(user.roles))
        for (const account of accountsOf.get(roleId) ?? []) groups.set(account, (groups.get(account) ?? 0) + 1);
      for (const account of model.aws.accounts) {
        const count = groups.get(account.name) ?? 0;
        if (count <= GROUPS_PER_USER) continue;
        const person = peopleById.get(user.personId);
        if (!person) continue;
        problems.push(
          person.source.problem(
            [...person.path, 'roles'],
            `${user.personId} would be in ${count} IAM groups in account ${account.name}; a user can be in at most ${GROUPS_PER_USER}`,
            'merge roles, or use aws.mode identity-center',
          ),
        );
      }
    }
  }
  if (options.partial) return problems;
  problems.push(...checkGuards(model, bundle));
  for (const located of bundle.rotations) {
    if (model.oncall.rotations.some((rotation) => rotation.id === located.value.id)) continue;
    problems.push(
      located.source.problem(
        [...located.path, 'id'],
        `rotation "${located.value.id}" has no members on ${model.asOf} and is not provisioned`,
        'grant it through a capability held by an active person who has not opted out',
        'warning',
      ),
    );
  }
  for (const team of model.github.teams) {
    const fallback = team.members.find((member) => member.fallback);
    if (!fallback || !team.roleId) continue;
    const role = bundle.roles.find((candidate) => candidate.value.id === team.roleId);
    if (!role) continue;
    problems.push(
      role.source.problem(
        ['maintainers'],
        `team "${team.slug}" has no active maintainer on ${model.asOf}; ${fallback.personId} (longest-serving member) is made maintainer`,
        `list maintainers in ${role.source.file}`,
        'warning',
      ),
    );
  }
  return problems;
}
