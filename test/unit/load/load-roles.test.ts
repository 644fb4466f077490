import { loadModel } from '../../../src/pipeline/load-model';
import { formatProblem } from '../../../src/load/problem';
import { copyRoles, VALID_FIXTURE, type RolesCopy } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';

function problemsOf(copy: RolesCopy): string[] {
  return loadModel(copy.dir, AS_OF, 'roles').problems.map(formatProblem);
}

describe('loading a roles directory', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  it('builds a model from the valid fixture with only the maintainer warning', () => {
    const loaded = loadModel(VALID_FIXTURE, AS_OF, 'roles');
    expect(loaded.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^roles\/developer\.yaml:\d+:\d+: warning: maintainers: team "developer" has no active maintainer/),
    ]);
    expect(loaded.model?.people.map((person) => person.id)).toEqual(['dev', 'ned', 'olga']);
  });

  it('fails when a YAML file is broken, with its position', () => {
    copy.edit('people.yaml', '    roles: [operator]\n', '    roles: [operator\n');
    const problems = problemsOf(copy);
    expect(problems.some((line) => /^roles\/people\.yaml:\d+:\d+: invalid YAML: /.test(line))).toBe(true);
  });

  it('fails when a key is duplicated in a mapping', () => {
    copy.edit('org.yaml', 'name: Fixture Co\n', 'name: Fixture Co\nname: Other\n');
    expect(problemsOf(copy)).toContainEqual(expect.stringMatching(/^roles\/org\.yaml:3:1: invalid YAML: map keys must be unique/));
  });

  it('fails when a person names an unknown role, pointing at the list entry', () => {
    copy.edit('people.yaml', 'roles: [operator, developer]', 'roles: [operator, devloper]');
    expect(problemsOf(copy)).toContain(
      'roles/people.yaml:18:23: people[2].roles[1]: unknown role "devloper" (known: developer, operator) (did you mean "developer"?)',
    );
  });

  it('fails when a person id is duplicated, citing the first place', () => {
    copy.edit('people.yaml', '  - id: ned\n', '  - id: olga\n');
    expect(problemsOf(copy)).toContainEqual(
      expect.stringMatching(
        /^roles\/people\.yaml:14:9: people\[2\]\.id: duplicate person id "olga" \(first at people\[0\], roles\/people\.yaml:2:9\)/,
      ),
    );
  });

  it('fails when GitHub logins differ only in case', () => {
    copy.edit('people.yaml', 'github: ned-new', 'github: deedev');
    expect(problemsOf(copy)).toContainEqual(expect.stringContaining('duplicate GitHub login "deedev"'));
  });

  it('fails when a quote is not in the JD, hinting at the closest passage', () => {
    copy.edit('operator.yaml', 'carry the pager one week in four', 'carry the pager one week in five');
    expect(problemsOf(copy)).toContainEqual(
      expect.stringMatching(
        /^roles\/operator\.yaml:7:12: duties\[1\]\.quote: quote not found in roles\/jd\/operator\.md \(closest passage, roles\/jd\/operator\.md:6: "Carry the pager one week in four"\)/,
      ),
    );
  });

  it('fails when a quote comes from a section that lists no duties', () => {
    copy.edit('operator.yaml', 'carry the pager one week in four', 'a quiet desk here');
    copy.edit('jd/operator.md', '* A quiet desk', '* A quiet desk here');
    expect(problemsOf(copy)).toContainEqual(expect.stringContaining('quote is in section "Benefits"'));
  });

  it('fails when end is before start', () => {
    copy.edit('people.yaml', 'end: 2026-12-31', 'end: 2020-01-01');
    expect(problemsOf(copy)).toContainEqual(expect.stringMatching(/people\[2\]\.end: end 2020-01-01 is before start 2025-03-03/));
  });

  it.each([
    [
      'an invalid e-mail',
      'email: dee@fixture.example',
      'email: dee-at-fixture',
      /people\[1\]\.email: expected an e-mail address, got "dee-at-fixture"/,
    ],
    [
      'an invalid GitHub login',
      'github: DeeDev',
      'github: "Dee Developer"',
      /people\[1\]\.github: expected a GitHub login, got "Dee Developer" \(hint: use the login/,
    ],
    [
      'an impossible date',
      'start: 2024-05-06',
      'start: 2024-02-30',
      /people\[1\]\.start: expected a date YYYY-MM-DD that exists, got "2024-02-30"/,
    ],
    ['an unknown time zone', 'timeZone: Europe/Berlin', 'timeZone: Europe/Berlinn', /oncall\.timeZone: expected an IANA time zone/],
  ])('fails on %s', (_what, from, to, pattern) => {
    const file = from.startsWith('timeZone') ? 'org.yaml' : 'people.yaml';
    copy.edit(file, from, to);
    expect(problemsOf(copy)).toContainEqual(expect.stringMatching(pattern));
  });

  it('fails on a misspelt key with a did-you-mean', () => {
    copy.edit('people.yaml', '    start: 2023-01-02', '    strat: 2023-01-02');
    const problems = problemsOf(copy);
    expect(problems).toContainEqual(
      expect.stringMatching(/^roles\/people\.yaml:7:5: people\[0\]\.strat: unknown key \(did you mean "start"\?\)/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/people\[0\]: missing required key "start"/));
  });

  it('reports problems of several files in one run, sorted by file and line', () => {
    copy.edit('people.yaml', 'roles: [developer]', 'roles: [nobody]');
    copy.edit('developer.yaml', 'capabilities: [code-push]', 'capabilities: [code-pull]');
    const problems = problemsOf(copy).filter((line) => !line.includes('warning'));
    expect(problems).toEqual([
      expect.stringMatching(/^roles\/developer\.yaml:6:20: duties\[0\]\.capabilities\[0\]: unknown capability "code-pull"/),
      expect.stringMatching(/^roles\/people\.yaml:12:13: people\[1\]\.roles\[0\]: unknown role "nobody"/),
    ]);
  });

  it('fails when the roles directory does not exist', () => {
    expect(loadModel('/nonexistent/roles', AS_OF, 'nowhere').problems.map(formatProblem)).toEqual([
      'nowhere:1:1: roles directory not found (pass --roles DIR)',
    ]);
  });
});
