import type { Problem } from '../../load/problem';
import type { Located, RolesBundle } from '../../load/roles-bundle';
import { githubTeamSlug } from '../build/github-team-slug';
import type { AccessModel } from '../types';

/** A place that names a GitHub team: one rolecall creates, or one that exists already. */
interface TeamMention {
  readonly slug: string;
  /** A role team or a capability team (rolecall creates both), or a team GitHub has already. */
  readonly kind: 'role' | 'team' | 'existing';
  /** Where the slug comes from, for messages, e.g. `the team of role sre`. */
  readonly what: string;
  readonly located: Located<unknown>;
  readonly path: readonly (string | number)[];
}

/**
 * GitHub settings that the API refuses, or that it accepts and someone regrets, checked on the files:
 * secret teams nested under a parent, team names without a slug, and two teams with one slug. Pure.
 */
export function checkGithubTeams(bundle: RolesBundle): Problem[] {
  const problems: Problem[] = [];
  const org = bundle.org;
  if (org?.value.github.teamPrivacy === 'secret' && org.value.github.parentTeam !== undefined) {
    // https://docs.github.com/en/organizations/organizing-members-into-teams/about-teams#visibility
    problems.push(
      org.source.problem(
        ['github', 'teamPrivacy'],
        `secret teams cannot be nested, and every rolecall team would be a child of "${org.value.github.parentTeam}" (github.parentTeam)`,
        'use teamPrivacy closed, or drop parentTeam',
      ),
    );
  }

  const mentions: TeamMention[] = [];
  if (org?.value.github.parentTeam !== undefined) {
    mentions.push({
      slug: org.value.github.parentTeam,
      kind: 'existing',
      what: 'the parent team (github.parentTeam)',
      located: org,
      path: ['github', 'parentTeam'],
    });
  }
  for (const role of bundle.roles) {
    const named = role.value.team?.name;
    const slug = githubTeamSlug(named ?? role.value.id);
    const path = named === undefined ? ['id'] : ['team', 'name'];
    if (slug === '') {
      problems.push(
        role.source.problem(
          [...role.path, ...path],
          `team name ${JSON.stringify(named)} gives an empty slug`,
          'use at least one Latin letter or digit',
        ),
      );
      continue;
    }
    mentions.push({ slug, kind: 'role', what: `the team of role ${role.value.id}`, located: role, path });
  }
  for (const capability of bundle.capabilities) {
    const id = capability.value.id;
    capability.value.github?.teams.forEach((slug, index) => {
      mentions.push({
        slug,
        kind: 'team',
        what: `team "${slug}" of capability ${id}`,
        located: capability,
        path: ['github', 'teams', index],
      });
    });
    capability.value.github?.existingTeams.forEach((slug, index) => {
      mentions.push({
        slug,
        kind: 'existing',
        what: `existing team "${slug}" of capability ${id}`,
        located: capability,
        path: ['github', 'existingTeams', index],
      });
    });
  }

  const first = new Map<string, TeamMention>();
  for (const mention of mentions) {
    const earlier = first.get(mention.slug);
    if (!earlier) {
      first.set(mention.slug, mention);
      continue;
    }
    // Capabilities naming one team to create, or one existing team, mean the same team.
    if (earlier.kind === mention.kind && mention.kind !== 'role') continue;
    const where = earlier.located.source.locate([...earlier.located.path, ...earlier.path]);
    const created = earlier.kind !== 'existing' && mention.kind !== 'existing';
    problems.push(
      mention.located.source.problem(
        [...mention.located.path, ...mention.path],
        `team slug "${mention.slug}" is also the slug of ${earlier.what} (${earlier.located.source.file}:${where.line}:${where.column})`,
        created
          ? 'GitHub slugs are unique in an organisation: name one of the teams differently'
          : 'rolecall would create a team that GitHub has already: join the existing team through existingTeams, or name the new team differently',
      ),
    );
  }
  return problems;
}

/**
 * The organisation keeps at least `github.minOwners` owners on the model's date: every active person
 * who is not an owner becomes a plain member, so an owner list that has emptied out (people left, or
 * `owners: []`) would demote the admins who run rolecall.
 */
export function checkGithubOwners(model: AccessModel, bundle: RolesBundle): Problem[] {
  const org = bundle.org;
  if (!org) return [];
  const minimum = org.value.github.minOwners;
  const active = model.github.members.filter((member) => member.role === 'admin').map((member) => member.personId);
  if (active.length >= minimum) return [];
  const named = active.length > 0 ? ` (${active.join(', ')})` : '';
  return [
    org.source.problem(
      ['github', 'owners'],
      `${active.length} of ${org.value.github.owners.length} owners active on ${model.asOf}${named}; github.minOwners asks for at least ${minimum}`,
      'add active people to github.owners: every active person who is not an owner is made a plain member',
    ),
  ];
}
