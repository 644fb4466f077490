import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';

function problemsOf(copy: RolesCopy, asOf = AS_OF): string[] {
  return loadModel(copy.dir, asOf, 'roles').problems.map(formatProblem);
}

const CODE_PUSH_GITHUB = '    github:\n      repositories:\n';

describe('GitHub settings the API refuses or regrets', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  it('fails when secret teams would be nested under the parent team', () => {
    copy.edit('org.yaml', '  owners: [olga]\n', '  owners: [olga]\n  parentTeam: engineering\n  teamPrivacy: secret\n');
    expect(problemsOf(copy)).toContain(
      'roles/org.yaml:18:16: github.teamPrivacy: secret teams cannot be nested, and every rolecall team would be a child of "engineering" (github.parentTeam) (use teamPrivacy closed, or drop parentTeam)',
    );
  });

  it('accepts secret teams at the top level', () => {
    copy.edit('org.yaml', '  owners: [olga]\n', '  owners: [olga]\n  teamPrivacy: secret\n');
    expect(problemsOf(copy).filter((line) => !line.includes('warning'))).toEqual([]);
  });

  const MIN_ONE = '  minOwners: 1\n';
  it.each([
    [
      'an empty owner list',
      [['  owners: [olga]\n', '  owners: []\n']],
      AS_OF,
      'github.owners: 0 of 0 owners active on 2026-11-22; github.minOwners asks for at least 1',
    ],
    [
      'owners who have not started',
      [
        ['  owners: [olga]\n', '  owners: [olga, ned]\n'],
        [MIN_ONE, ''],
      ],
      '2024-06-03',
      'github.owners: 1 of 2 owners active on 2024-06-03 (olga); github.minOwners asks for at least 2',
    ],
    [
      'the default of two owners',
      [[MIN_ONE, '']],
      AS_OF,
      'github.owners: 1 of 1 owners active on 2026-11-22 (olga); github.minOwners asks for at least 2',
    ],
  ])('fails when fewer owners than minOwners are active: %s', (_what, edits, asOf, message) => {
    for (const [from, to] of edits) copy.edit('org.yaml', from ?? '', to ?? '');
    const owners = problemsOf(copy, asOf).filter((line) => line.includes('github.owners:'));
    expect(owners).toEqual([expect.stringMatching(/^roles\/org\.yaml:16:11: /)]);
    expect(owners[0]).toContain(message);
    expect(owners[0]).toContain('(add active people to github.owners');
  });

  it('counts an owner whose end date has passed as gone', () => {
    copy.edit(
      'org.yaml',
      '  owners: [olga]\n  # Three people, one of them an owner: enough for unit tests, not for a real organisation.\n  minOwners: 1\n',
      '  owners: [olga, ned]\n',
    );
    expect(problemsOf(copy, '2026-12-31').some((line) => line.includes('github.owners'))).toBe(false);
    expect(problemsOf(copy, '2027-01-01')).toContainEqual(
      expect.stringContaining('github.owners: 1 of 2 owners active on 2027-01-01 (olga)'),
    );
  });

  it('fails when two role teams would get one slug, citing the first', () => {
    copy.edit('operator.yaml', 'maintainers: [olga]\n', 'maintainers: [olga]\nteam:\n  name: Developer\n');
    expect(problemsOf(copy)).toContain(
      'roles/operator.yaml:12:9: team.name: team slug "developer" is also the slug of the team of role developer (roles/developer.yaml:1:5) (GitHub slugs are unique in an organisation: name one of the teams differently)',
    );
  });

  it('fails when a capability team has the slug of a role team', () => {
    copy.edit('capabilities.yaml', CODE_PUSH_GITHUB, '    github:\n      teams: [operator]\n      repositories:\n');
    expect(problemsOf(copy)).toContainEqual(
      expect.stringMatching(
        /^roles\/capabilities\.yaml:19:15: capabilities\[1\]\.github\.teams\[0\]: team slug "operator" is also the slug of the team of role operator \(roles\/operator\.yaml:1:5\)/,
      ),
    );
  });

  it('fails when a team rolecall creates has the slug of the parent team', () => {
    copy.edit('org.yaml', '  owners: [olga]\n', '  owners: [olga]\n  parentTeam: ops-team\n');
    copy.edit('operator.yaml', 'maintainers: [olga]\n', 'maintainers: [olga]\nteam: { name: Ops Team }\n');
    expect(problemsOf(copy)).toContainEqual(
      expect.stringContaining(
        'roles/operator.yaml:11:15: team.name: team slug "ops-team" is also the slug of the parent team (github.parentTeam) (roles/org.yaml:17:15) (rolecall would create a team that GitHub has already',
      ),
    );
  });

  it('fails when a team is both created and listed as existing', () => {
    copy.edit(
      'capabilities.yaml',
      CODE_PUSH_GITHUB,
      '    github:\n      teams: [reviewers]\n      existingTeams: [reviewers]\n      repositories:\n',
    );
    expect(problemsOf(copy)).toContainEqual(
      expect.stringContaining(
        'capabilities[1].github.existingTeams[0]: team slug "reviewers" is also the slug of team "reviewers" of capability code-push',
      ),
    );
  });

  it('fails when a team name gives no slug', () => {
    copy.edit('operator.yaml', 'maintainers: [olga]\n', 'maintainers: [olga]\nteam: { name: "!!!" }\n');
    expect(problemsOf(copy)).toContain(
      'roles/operator.yaml:11:15: team.name: team name "!!!" gives an empty slug (use at least one Latin letter or digit)',
    );
  });

  it('fails when a team name has a "/", whose slug GitHub does not derive from the whole name', () => {
    copy.edit('operator.yaml', 'maintainers: [olga]\n', 'maintainers: [olga]\nteam: { name: "ops/eu" }\n');
    expect(problemsOf(copy)).toContainEqual(
      expect.stringContaining('roles/operator.yaml:11:15: team.name: a team name cannot contain "/"'),
    );
  });

  it('fails when an existing team is not a slug', () => {
    copy.edit('capabilities.yaml', CODE_PUSH_GITHUB, '    github:\n      existingTeams: [Incident Responders]\n      repositories:\n');
    expect(problemsOf(copy)).toContainEqual(
      expect.stringContaining(
        'capabilities[1].github.existingTeams[0]: expected a GitHub team slug such as "platform-oncall", got "Incident Responders"',
      ),
    );
  });

  it('lets several capabilities share one existing team, and the parent team be one', () => {
    copy.edit('org.yaml', '  owners: [olga]\n', '  owners: [olga]\n  parentTeam: responders\n');
    copy.edit('capabilities.yaml', CODE_PUSH_GITHUB, '    github:\n      existingTeams: [responders]\n      repositories:\n');
    copy.edit(
      'capabilities.yaml',
      '    oncall: { rotations: [ops-primary] }\n',
      '    oncall: { rotations: [ops-primary] }\n    github: { existingTeams: [responders] }\n',
    );
    const loaded = loadModel(copy.dir, AS_OF, 'roles');
    expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(loaded.model?.github.teams.find((team) => team.id === 'responders')).toEqual({
      id: 'responders',
      slug: 'responders',
      name: 'responders',
      description: '',
      existing: true,
      members: [
        { personId: 'dev', login: 'DeeDev', role: 'member' },
        { personId: 'ned', login: 'ned-new', role: 'member' },
        { personId: 'olga', login: 'olga-ops', role: 'maintainer' },
      ],
      repositories: [],
    });
  });

  it('names a role team after the role id, or as the role file says, and derives the slug from that name', () => {
    copy.edit('operator.yaml', 'title: Operator\n', 'title: Site Operator\n');
    copy.edit(
      'developer.yaml',
      'reason: developers debug their services on the clusters\n',
      'reason: developers debug their services on the clusters\nteam:\n  name: Product Développeurs\n',
    );
    const teams = loadModel(copy.dir, AS_OF, 'roles').model?.github.teams.map(({ id, slug, name }) => ({ id, slug, name }));
    expect(teams).toEqual([
      { id: 'developer', slug: 'product-developpeurs', name: 'Product Développeurs' },
      { id: 'operator', slug: 'operator', name: 'operator' },
    ]);
  });
});
