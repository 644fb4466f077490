import { Construct } from 'constructs';
import { Team } from '@cdktf/provider-github/lib/team';
import { TeamMembers } from '@cdktf/provider-github/lib/team-members';
import { TeamRepository } from '@cdktf/provider-github/lib/team-repository';
import type { GithubTeam } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';

/** Props of {@link GithubTeamAccess}. */
export interface GithubTeamAccessProps {
  /** The team, as the model has it. */
  readonly team: GithubTeam;
  /** Team privacy. */
  readonly privacy: 'closed' | 'secret';
  /**
   * Slug of an existing team to nest the team under.
   * @default - a top-level team
   */
  readonly parentTeam?: string;
  /**
   * Whether the team's `github_team_members` is rendered; false when the memberships live in people
   * shard stacks, one `github_team_membership` each (`GithubPeopleShard`).
   * @default true
   */
  readonly includeMembers?: boolean;
}

/**
 * One GitHub team that rolecall creates, addressed by the team's stable id (a rename is an in-place
 * update, never a new team): `github_team`, ONE authoritative `github_team_members` listing every member with their
 * role (none when the team has no members), and a `github_team_repository` per repository the team
 * reaches. Never `github_team_membership`: one resource per person cannot remove someone added by hand,
 * and mixing the two on one team makes them fight.
 * https://registry.terraform.io/providers/integrations/github/6.9.0/docs/resources/team_members
 */
export class GithubTeamAccess extends Construct {
  /** The team. */
  public readonly team: Team;

  constructor(scope: Construct, id: string, props: GithubTeamAccessProps) {
    super(scope, id);
    const { team } = props;
    this.team = pinAddress(
      new Team(this, 'team', {
        name: literal(team.name),
        description: literal(team.description),
        privacy: props.privacy,
        // parent_team_id takes the parent's slug as well as its id, so nesting needs no
        // data "github_team" lookup (an API call on every plan).
        // https://registry.terraform.io/providers/integrations/github/6.9.0/docs/resources/team#parent_team_id
        ...(props.parentTeam ? { parentTeamId: literal(props.parentTeam) } : {}),
        createDefaultMaintainer: false,
      }),
      team.id,
    );
    if (team.members.length > 0 && props.includeMembers !== false) {
      pinAddress(
        new TeamMembers(this, 'members', {
          teamId: referenceTo(this.team, 'id'),
          members: team.members.map((member) => ({ username: literal(member.login), role: member.role })),
        }),
        team.id,
      );
    }
    for (const repository of team.repositories) {
      // GitHub repository names are case-insensitive: the address uses the lower-case name.
      const key = repository.name.toLowerCase();
      pinAddress(
        new TeamRepository(this, `repository-${key}`, {
          teamId: referenceTo(this.team, 'id'),
          repository: literal(repository.name),
          permission: repository.permission,
        }),
        team.id,
        key,
      );
    }
  }
}
