import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { Membership } from '@cdktf/provider-github/lib/membership';
import { Team } from '@cdktf/provider-github/lib/team';
import { TeamMembers } from '@cdktf/provider-github/lib/team-members';
import { TeamMembership } from '@cdktf/provider-github/lib/team-membership';
import { TeamRepository } from '@cdktf/provider-github/lib/team-repository';
import { GithubOrgAccess } from '../../src/constructs/github/github-org-access';
import type { AccessModel } from '../../src/model/types';
import { DEFAULT_FIXTURE, fixtureModel } from '../helpers/fixture-model';
import { synthScope } from '../helpers/synth-construct';

Testing.setupJest();

const model = fixtureModel();
const render = (from: AccessModel = model) => synthScope((scope) => new GithubOrgAccess(scope, 'github', { github: from.github }));
const synthesized = render();

describe('GithubOrgAccess', () => {
  test('creates a membership per active person, admin for owners', () => {
    expect(Object.keys(synthesized.resources('github_membership'))).toHaveLength(model.github.members.length);
    expect(synthesized.text).toHaveResourceWithProperties(Membership, { username: 'amaraokafor', role: 'admin' });
    expect(synthesized.text).toHaveResourceWithProperties(Membership, { username: 'priya-raman-dev', role: 'member' });
    const logins = Object.values(synthesized.resources('github_membership')).map((member) => member.username);
    expect(logins).not.toContain('olu-a');
    expect(logins).not.toContain('saranyberg');
  });

  test('addresses a member by lower-case login and keeps the login as written', () => {
    expect(synthesized.resources('github_membership').jlindqvist).toMatchObject({ username: 'JLindqvist', role: 'member' });
  });

  test('creates a team per model team, nested under the parent by slug without a data source', () => {
    expect(Object.keys(synthesized.resources('github_team'))).toEqual(model.github.teams.map((team) => team.id));
    expect(synthesized.text).toHaveResourceWithProperties(Team, {
      name: 'site-reliability-engineer',
      privacy: 'closed',
      parent_team_id: 'engineering',
      create_default_maintainer: false,
    });
    expect(synthesized.json.data).toBeUndefined();
  });

  test('leaves a team top-level when the model names no parent', () => {
    const flat = render(fixtureModel({ parentTeam: undefined }));
    for (const team of Object.values(flat.resources('github_team'))) expect(team).not.toHaveProperty('parent_team_id');
  });

  test('lists every member of a team with their role in exactly one github_team_members', () => {
    const teamsWithMembers = model.github.teams.filter((team) => team.members.length > 0);
    const members = synthesized.resources('github_team_members');
    expect(Object.keys(members)).toEqual(teamsWithMembers.map((team) => team.slug));
    expect(synthesized.text).toHaveResourceWithProperties(TeamMembers, {
      team_id: '${github_team.site-reliability-engineer.id}',
      members: [
        { username: 'hanasuzuki', role: 'member' },
        { username: 'JLindqvist', role: 'maintainer' },
        { username: 'liwei-ops', role: 'member' },
      ],
    });
    expect(synthesized.text).not.toHaveResource(TeamMembership);
  });

  test('creates no github_team_members for a team without members', () => {
    const lonely = fixtureModel({
      roles: [
        ...DEFAULT_FIXTURE.roles,
        { id: 'data-engineer', title: 'Data Engineer', repositories: [{ name: 'warehouse', permission: 'push' }] },
      ],
    });
    const rendered = render(lonely);
    expect(Object.keys(rendered.resources('github_team'))).toContain('data-engineer');
    expect(Object.keys(rendered.resources('github_team_members'))).not.toContain('data-engineer');
    expect(rendered.resources('github_team_repository')['data-engineer__warehouse']).toBeDefined();
  });

  test('creates one github_team_repository per team and repository, with its permission', () => {
    const expected = model.github.teams.flatMap((team) =>
      team.repositories.map((repository) => `${team.slug}__${repository.name.toLowerCase().replace(/\./g, '_')}`),
    );
    expect(Object.keys(synthesized.resources('github_team_repository')).sort()).toEqual([...expected].sort());
    expect(synthesized.text).toHaveResourceWithProperties(TeamRepository, {
      team_id: '${github_team.platform-engineer.id}',
      repository: 'platform-infra',
      permission: 'maintain',
    });
    // Addressed by lower-case name, created with the name as written.
    expect(synthesized.resources('github_team_repository')['cloud-engineer__terraform_modules']).toMatchObject({
      repository: 'Terraform.Modules',
      permission: 'pull',
    });
  });

  test('names a role team after its role id, never its title', () => {
    const names = Object.values(synthesized.resources('github_team')).map((team) => team.name);
    expect(names).not.toContain('Site Reliability Engineer');
    expect(synthesized.resources('github_team')['cloud-engineer']).toMatchObject({
      name: 'cloud-engineer',
      description: 'Cloud Engineer: managed by rolecall from jd/cloud-engineer.md',
    });
  });

  test('renames a team in place: the address stays the role id when the role file names the team', () => {
    const renamed = render(
      fixtureModel({
        roles: DEFAULT_FIXTURE.roles.map((role) => (role.id === 'cloud-engineer' ? { ...role, teamName: 'Cloud Platform' } : role)),
      }),
    );
    expect(renamed.resources('github_team')['cloud-engineer']).toMatchObject({ name: 'Cloud Platform' });
    expect(renamed.resources('github_team_members')['cloud-engineer']).toMatchObject({ team_id: '${github_team.cloud-engineer.id}' });
    expect(Object.keys(renamed.resources('github_team'))).toEqual(Object.keys(synthesized.resources('github_team')));
  });

  describe('an existing team', () => {
    const roles = DEFAULT_FIXTURE.roles.map((role) =>
      role.id === 'site-reliability-engineer' || role.id === 'cloud-engineer' ? { ...role, existingTeams: ['incident-responders'] } : role,
    );
    const withExisting = fixtureModel({ roles });
    const rendered = render(withExisting);
    const team = withExisting.github.teams.find((candidate) => candidate.id === 'incident-responders');

    test('gets one github_team_membership per member, by slug, with owners as maintainers', () => {
      expect(team?.members.length).toBeGreaterThan(2);
      const memberships = rendered.resources('github_team_membership');
      expect(Object.keys(memberships).sort()).toEqual(
        (team?.members ?? []).map((member) => `incident-responders__${member.login.toLowerCase()}`).sort(),
      );
      expect(memberships['incident-responders__amaraokafor']).toEqual({
        team_id: 'incident-responders',
        username: 'amaraokafor',
        role: 'maintainer',
      });
      expect(memberships['incident-responders__jlindqvist']).toEqual({
        team_id: 'incident-responders',
        username: 'JLindqvist',
        role: 'member',
      });
    });

    test('is never created, renamed or listed authoritatively', () => {
      expect(rendered.resources('github_team')).not.toHaveProperty('incident-responders');
      expect(rendered.resources('github_team_members')).not.toHaveProperty('incident-responders');
      expect(rendered.text).not.toHaveResourceWithProperties(Team, { name: 'incident-responders' });
    });

    test('leaves the teams rolecall creates as they were', () => {
      const without = (text: typeof synthesized) => ({ ...text.counts, github_team_membership: 0 });
      expect(without(rendered)).toEqual(without(synthesized));
    });

    test('loses the membership of a person who left, and only theirs', () => {
      const left = render(fixtureModel({ roles, people: DEFAULT_FIXTURE.people.filter((person) => person.id !== 'hana-suzuki') }));
      const before = Object.keys(rendered.resources('github_team_membership'));
      const after = Object.keys(left.resources('github_team_membership'));
      expect(before.filter((address) => !after.includes(address))).toEqual(['incident-responders__hanasuzuki']);
    });
  });

  test('fails when two repository names would share an address', () => {
    const clash = fixtureModel({
      roles: [
        {
          id: 'data-engineer',
          title: 'Data Engineer',
          repositories: [
            { name: 'a.b', permission: 'pull' },
            { name: 'a_b', permission: 'pull' },
          ],
        },
      ],
      people: [],
    });
    expect(() => render(clash)).toThrow('github_team_repository.data-engineer__a_b');
  });
});
