import { Construct } from 'constructs';
import { Membership } from '@cdktf/provider-github/lib/membership';
import type { GithubState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress } from '../terraform-name';
import { GithubTeamAccess } from './github-team-access';

/** Props of {@link GithubOrgAccess}. */
export interface GithubOrgAccessProps {
  /** The model's GitHub state. */
  readonly github: GithubState;
}

/**
 * GitHub access of an organisation: a `github_membership` per person (role `admin` or `member`) and a
 * {@link GithubTeamAccess} per team. Logins are compared case-insensitively by GitHub, so addresses use
 * the lower-case login while the resources keep the login as written.
 */
export class GithubOrgAccess extends Construct {
  /** Teams by slug. */
  public readonly teams: ReadonlyMap<string, GithubTeamAccess>;

  constructor(scope: Construct, id: string, props: GithubOrgAccessProps) {
    super(scope, id);
    const { github } = props;
    for (const member of github.members) {
      const login = member.login.toLowerCase();
      pinAddress(new Membership(this, `member-${login}`, { username: literal(member.login), role: member.role }), login);
    }
    const teams = new Map<string, GithubTeamAccess>();
    for (const team of github.teams) {
      teams.set(
        team.slug,
        new GithubTeamAccess(this, `team-${team.slug}`, {
          team,
          privacy: github.privacy,
          ...(github.parentTeam ? { parentTeam: github.parentTeam } : {}),
        }),
      );
    }
    this.teams = teams;
  }
}
