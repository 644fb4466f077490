import { Construct } from 'constructs';
import { Membership } from '@cdktf/provider-github/lib/membership';
import type { GithubState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress } from '../terraform-name';
import { GithubExistingTeam } from './github-existing-team';
import { GithubTeamAccess } from './github-team-access';

/** Props of {@link GithubOrgAccess}. */
export interface GithubOrgAccessProps {
  /** The model's GitHub state. */
  readonly github: GithubState;
  /**
   * Whether organisation and team memberships are rendered here too; false when they live in people
   * shard stacks (`GithubPeopleShard`), which leaves the teams and their repositories.
   * @default true
   */
  readonly includePeople?: boolean;
}

/**
 * GitHub access of an organisation: a `github_membership` per person (role `admin` or `member`), a
 * {@link GithubTeamAccess} per team rolecall creates and a {@link GithubExistingTeam} per existing team. Logins are compared case-insensitively by GitHub, so addresses use
 * the lower-case login while the resources keep the login as written.
 */
export class GithubOrgAccess extends Construct {
  /** Teams rolecall creates, by team id. */
  public readonly teams: ReadonlyMap<string, GithubTeamAccess>;
  /** Existing teams rolecall grants memberships in, by team id. */
  public readonly existingTeams: ReadonlyMap<string, GithubExistingTeam>;

  constructor(scope: Construct, id: string, props: GithubOrgAccessProps) {
    super(scope, id);
    const { github } = props;
    const includePeople = props.includePeople !== false;
    for (const member of includePeople ? github.members : []) {
      const login = member.login.toLowerCase();
      pinAddress(new Membership(this, `member-${login}`, { username: literal(member.login), role: member.role }), login);
    }
    const teams = new Map<string, GithubTeamAccess>();
    const existingTeams = new Map<string, GithubExistingTeam>();
    for (const team of github.teams) {
      if (team.existing) {
        if (!includePeople) continue; // rolecall only adds people to an existing team
        existingTeams.set(team.id, new GithubExistingTeam(this, `existing-team-${team.id}`, { team }));
        continue;
      }
      teams.set(
        team.id,
        new GithubTeamAccess(this, `team-${team.id}`, {
          team,
          privacy: github.privacy,
          ...(github.parentTeam ? { parentTeam: github.parentTeam } : {}),
          ...(includePeople ? {} : { includeMembers: false }),
        }),
      );
    }
    this.teams = teams;
    this.existingTeams = existingTeams;
  }
}
