import { readGithubExport } from '../../../../src/audit/sources';
import { brief, json, lineOf, withoutFrom } from './source-helpers';

const user = (login: string, id: number) => ({ login, id, node_id: `U_${id}`, type: 'User', site_admin: false });
const repo = (name: string, extra: Record<string, unknown>) => ({
  id: name.length,
  name,
  full_name: `northwind-labs/${name}`,
  private: true,
  ...extra,
});
const flags = (top: 'admin' | 'maintain' | 'push' | 'triage' | 'pull') => {
  const order = ['pull', 'triage', 'push', 'maintain', 'admin'];
  return Object.fromEntries(order.map((name) => [name, order.indexOf(name) <= order.indexOf(top)]));
};

/** An export as `gh api --paginate --slurp` writes it: every list as pages. */
function exportFiles(paged = true): Map<string, string> {
  const list = (items: unknown[]) => json(paged ? [items.slice(0, 1), items.slice(1)] : items);
  return new Map([
    ['org.json', json({ login: 'northwind-labs', id: 1, plan: { name: 'team' } })],
    ['members.json', list([user('ada-gh', 1), user('bob-gh', 2), user('cy-gh', 3)])],
    ['admins.json', list([user('ada-gh', 1)])],
    [
      'teams.json',
      list([
        { id: 10, slug: 'platform', name: 'Platform', parent: null, privacy: 'closed' },
        { id: 11, slug: 'sre', name: 'SRE', parent: { id: 10, slug: 'platform' } },
      ]),
    ],
    ['team-members/platform.json', list([user('ada-gh', 1), user('bob-gh', 2)])],
    ['team-maintainers/platform.json', list([user('ada-gh', 1)])],
    ['team-members/sre.json', list([user('cy-gh', 3)])],
    [
      'team-repos/platform.json',
      list([
        repo('infra', { role_name: 'maintain', permissions: flags('maintain') }),
        repo('docs', { role_name: 'read', permissions: flags('pull') }),
        repo('app', { role_name: 'release-manager', permissions: flags('push') }),
      ]),
    ],
  ]);
}

describe('readGithubExport', () => {
  it('reduces an export directory to members, teams, team members and repositories', () => {
    const files = exportFiles();
    const read = readGithubExport('exports/github', files);
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({ kind: 'github-export', file: 'exports/github', scope: 'GitHub organisation northwind-labs' });
    const members = files.get('members.json') ?? '';
    expect(read.actual?.github.members).toEqual([
      { login: 'ada-gh', role: 'admin', from: { file: 'exports/github/members.json', line: lineOf(members, '"ada-gh"') - 1 } },
      { login: 'bob-gh', role: 'member', from: { file: 'exports/github/members.json', line: lineOf(members, '"bob-gh"') - 1 } },
      { login: 'cy-gh', role: 'member', from: { file: 'exports/github/members.json', line: lineOf(members, '"cy-gh"') - 1 } },
    ]);
    expect(withoutFrom(read.actual?.github)).toEqual({
      members: [
        { login: 'ada-gh', role: 'admin' },
        { login: 'bob-gh', role: 'member' },
        { login: 'cy-gh', role: 'member' },
      ],
      teams: [
        { slug: 'platform', name: 'Platform', id: 10 },
        { slug: 'sre', name: 'SRE', id: 11, parent: 'platform' },
      ],
      teamMembers: [
        { team: 'platform', login: 'ada-gh', role: 'maintainer' },
        { team: 'platform', login: 'bob-gh', role: 'member' },
        { team: 'sre', login: 'cy-gh' },
      ],
      teamRepositories: [
        { team: 'platform', repository: 'app', permission: 'push' },
        { team: 'platform', repository: 'docs', permission: 'pull' },
        { team: 'platform', repository: 'infra', permission: 'maintain' },
      ],
    });
  });

  it('reads flat lists as it reads pages', () => {
    expect(withoutFrom(readGithubExport('d', exportFiles(false)).actual)).toEqual(
      withoutFrom(readGithubExport('d', exportFiles(true)).actual),
    );
  });

  it('gives the same facts whatever the order of the lists and of the files', () => {
    const files = exportFiles(false);
    const backward = new Map(
      [...files.entries()]
        .reverse()
        .map(([key, text]) => [key, key === 'org.json' ? text : json((JSON.parse(text) as unknown[]).reverse())]),
    );
    const read = readGithubExport('d', backward);
    expect(read.problems).toEqual([]);
    expect(withoutFrom(read.actual)).toEqual(withoutFrom(readGithubExport('d', files).actual));
  });

  it('leaves roles out without admins.json, and names the export by its directory without org.json', () => {
    const files = exportFiles();
    files.delete('admins.json');
    files.delete('org.json');
    const read = readGithubExport('gh', files);
    expect(read.actual?.github.members.map((member) => member.role)).toEqual([undefined, undefined, undefined]);
    expect(read.source?.scope).toBe('GitHub export gh');
  });

  it('warns about a team without a members file, reads a members file of a team not listed, and ignores unknown files', () => {
    const files = exportFiles(false);
    files.delete('team-members/sre.json');
    files.set('team-members/legacy.json', json([user('dee-gh', 4)]));
    files.set('notes.txt', 'hello');
    const read = readGithubExport('gh', files);
    const teams = files.get('teams.json') ?? '';
    expect(brief(read.problems)).toEqual([
      'gh/notes.txt:1:1: warning: not a file of a GitHub export: ignored',
      `gh/teams.json:${lineOf(teams, '"id": 11') - 1}:3: warning: [1]: team sre has no team-members/sre.json: its members are unknown`,
    ]);
    expect(read.problems[1]?.hint).toBe(
      'gh api --paginate --slurp "orgs/ORG/teams/sre/members" > team-members/sre.json writes it (README, Auditing)',
    );
    expect(read.actual?.github.teamMembers.map((member) => `${member.team}/${member.login}`)).toEqual([
      'legacy/dee-gh',
      'platform/ada-gh',
      'platform/bob-gh',
    ]);
  });

  it('fails when members.json is missing, and still reports the other files', () => {
    const files = exportFiles(false);
    files.delete('members.json');
    files.set('teams.json', '[{"slug": }]');
    const read = readGithubExport('gh', files);
    expect(read.actual).toBeUndefined();
    expect(brief(read.problems)).toEqual([
      'gh/teams.json:1:11: not JSON: expected a value (object, array, string, number, true, false or null)',
      "gh/members.json:1:1: members.json is missing: the organisation's members are unknown",
    ]);
    expect(read.problems[1]?.hint).toMatch(/gh api --paginate --slurp "orgs\/ORG\/members" > members\.json/);
  });

  it.each([
    [
      'a member has no login',
      { 'members.json': '[\n  [\n    { "id": 1 }\n  ]\n]\n' },
      ['gh/members.json:3:5: [0][0]: missing required key "login" (expected a string)'],
    ],
    [
      'a list is an object',
      { 'members.json': '{ "login": "ada-gh" }' },
      ['gh/members.json:1:1: the document: expected a list, not an object'],
    ],
    [
      'a team slug is a number',
      { 'teams.json': '[{ "id": 1, "slug": 7 }]' },
      ['gh/teams.json:1:21: [0].slug: expected a string, not the number 7'],
    ],
    [
      'a repository permission cannot be told',
      {
        'teams.json': '[]',
        'team-members/x.json': '[]',
        'team-repos/x.json': '[{ "name": "app", "role_name": "custom", "permissions": { "pull": false } }]',
      },
      ["gh/team-repos/x.json:1:2: [0]: neither role_name nor permissions gives team x's permission on app"],
    ],
  ])('fails when %s', (_name, extra, expected) => {
    const files = new Map<string, string>([['members.json', '[]'], ['teams.json', '[]'], ...Object.entries(extra)]);
    const read = readGithubExport('gh', files);
    expect(brief(read.problems)).toEqual(expected);
    expect(read.problems.every((problem) => problem.severity === 'error' && problem.hint?.includes('gh api'))).toBe(true);
  });
});
