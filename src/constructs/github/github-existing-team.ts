import { Construct } from 'constructs';
import { TeamMembership } from '@cdktf/provider-github/lib/team-membership';
import type { GithubTeam } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress } from '../terraform-name';

/** Props of {@link GithubExistingTeam}. */
export interface GithubExistingTeamProps {
  /** An existing team, as the model has it (`existing: true`). */
  readonly team: GithubTeam;
}

/**
 * The memberships rolecall grants in a team created outside it: one `github_team_membership` per
 * person, addressed by team slug and lower-case login, with `team_id` set to the slug (the resource
 * takes a slug as well as an id, so no `data "github_team"` lookup is needed). Never a `github_team`
 * (the team, its name and its repositories are someone else's) and never the authoritative
 * `github_team_members`, which would remove everyone rolecall did not add; the provider also forbids
 * mixing the two on one team. Destroying a membership (the person left, or lost the capability)
 * removes just that person from the team.
 * https://registry.terraform.io/providers/integrations/github/6.9.0/docs/resources/team_membership
 */
export class GithubExistingTeam extends Construct {
  /** Memberships by person id. */
  public readonly memberships: ReadonlyMap<string, TeamMembership>;

  constructor(scope: Construct, id: string, props: GithubExistingTeamProps) {
    super(scope, id);
    const { team } = props;
    if (!team.existing) throw new Error(`GithubExistingTeam renders existing teams; "${team.slug}" is created by rolecall`);
    const memberships = new Map<string, TeamMembership>();
    for (const member of team.members) {
      const login = member.login.toLowerCase();
      memberships.set(
        member.personId,
        pinAddress(
          new TeamMembership(this, `member-${login}`, { teamId: literal(team.slug), username: literal(member.login), role: member.role }),
          team.id,
          login,
        ),
      );
    }
    this.memberships = memberships;
  }
}
