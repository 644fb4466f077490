import { Construct } from 'constructs';
import { Membership } from '@cdktf/provider-github/lib/membership';
import { TeamMembership } from '@cdktf/provider-github/lib/team-membership';
import type { GithubState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress } from '../terraform-name';

/** Props of {@link GithubPeopleShard}. */
export interface GithubPeopleShardProps {
  /** The model's GitHub state. */
  readonly github: GithubState;
  /** Ids of the people placed in this shard. */
  readonly people: readonly string[];
}

/**
 * One people shard of the GitHub stack: the `github_membership` of each person of the shard (admin for
 * owners), and one `github_team_membership` per team they are in, with `team_id` set to the team's
 * slug: the teams live in the `github` stack, another state, and the resource takes a slug as well as
 * an id, so no lookup is needed. Addresses are the unsharded ones: lower-case login, team id and
 * lower-case login.
 *
 * Unlike the authoritative `github_team_members` of an unsharded team, per-person memberships leave
 * alone anyone added to a rolecall team by hand; the two cannot be mixed on one team, and one
 * resource per team cannot be split between shards.
 * https://registry.terraform.io/providers/integrations/github/6.9.0/docs/resources/team_membership
 */
export class GithubPeopleShard extends Construct {
  /** Organisation memberships by person id. */
  public readonly memberships: ReadonlyMap<string, Membership>;

  constructor(scope: Construct, id: string, props: GithubPeopleShardProps) {
    super(scope, id);
    const { github } = props;
    const placed = new Set(props.people);
    const memberships = new Map<string, Membership>();
    for (const member of github.members) {
      if (!placed.has(member.personId)) continue;
      const login = member.login.toLowerCase();
      memberships.set(
        member.personId,
        pinAddress(new Membership(this, `member-${login}`, { username: literal(member.login), role: member.role }), login),
      );
    }
    this.memberships = memberships;
    for (const team of github.teams) {
      for (const member of team.members) {
        if (!placed.has(member.personId)) continue;
        const login = member.login.toLowerCase();
        pinAddress(
          new TeamMembership(this, `team-${team.id}-${login}`, {
            teamId: literal(team.slug),
            username: literal(member.login),
            role: member.role,
          }),
          team.id,
          login,
        );
      }
    }
  }
}
