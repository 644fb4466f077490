import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

/** One mistake gives one problem, and every independent check still runs in the same pass. */
describe('no cascades', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  const problems = (): string[] => loadModel(copy.dir, '2026-11-22', 'roles').problems.map(formatProblem);

  it('reports a bad risk level in a capability once, not again at every role naming the capability', () => {
    copy.edit('capabilities.yaml', '    risk: low\n    aws:', '    risk: lowish\n    aws:');
    expect(problems()).toEqual([expect.stringMatching(/^roles\/capabilities\.yaml:\d+:\d+: capabilities\[0\]\.risk: /)]);
  });

  it('reports a duplicate key in one person once, not as unknown owners, maintainers and approvers', () => {
    copy.edit('people.yaml', '    github: olga-ops\n', '    github: olga-ops\n    github: olga\n');
    expect(problems()).toEqual([expect.stringMatching(/^roles\/people\.yaml:\d+:\d+: invalid YAML: map keys must be unique/)]);
  });

  it('reports a person with a bad field once: the roles and org still know the id', () => {
    copy.edit('people.yaml', '    start: 2023-01-02\n', '    start: 2023-01-32\n');
    expect(problems()).toEqual([
      expect.stringMatching(/^roles\/people\.yaml:\d+:\d+: people\[0\]\.start: expected a date YYYY-MM-DD that exists/),
    ]);
  });

  it('reports a role file with an unknown key once: people holding the role are not told it is unknown', () => {
    copy.edit('operator.yaml', /^title:/m, 'colour: blue\ntitle:');
    expect(problems()).toEqual([expect.stringMatching(/^roles\/operator\.yaml:\d+:1: colour: unknown key/)]);
  });

  it('still names a reference to an id that no entry, loaded or failed, has', () => {
    copy.edit('capabilities.yaml', '    risk: low\n    aws:', '    risk: lowish\n    aws:');
    copy.edit('people.yaml', 'roles: [operator]', 'roles: [operatr]');
    expect(problems()).toEqual([
      expect.stringMatching(/^roles\/capabilities\.yaml:\d+:\d+: capabilities\[0\]\.risk: /),
      expect.stringMatching(/^roles\/people\.yaml:\d+:\d+: people\[0\]\.roles\[0\]: unknown role "operatr".*did you mean "operator"/),
    ]);
  });

  it('reports IAM group quotas while another file has an error', () => {
    const roles = Array.from({ length: 10 }, (_, index) => `extra-${index}`);
    for (const id of roles) {
      copy.write(
        `${id}.yaml`,
        `id: ${id}\ntitle: Extra ${id}\njd: jd/operator.md\nduties:\n  - quote: keep the kubernetes clusters healthy\n    capabilities: [cluster-read]\n`,
      );
    }
    copy.edit('people.yaml', 'roles: [operator]', `roles: [operator, ${roles.join(', ')}]`);
    copy.edit('people.yaml', '    github: DeeDev\n', '    github: Dee Dev\n');
    expect(problems()).toEqual([
      expect.stringMatching(/^roles\/people\.yaml:\d+:\d+: people\[0\]\.roles: olga would be in 11 IAM groups in account prod/),
      expect.stringMatching(/^roles\/people\.yaml:\d+:\d+: people\[0\]\.roles: olga would be in 11 IAM groups in account staging/),
      expect.stringMatching(/^roles\/people\.yaml:\d+:\d+: people\[1\]\.github: expected a GitHub login/),
    ]);
  });

  it('reports rotation sizes while another file has an error', () => {
    const extra = Array.from({ length: 29 }, (_, index) => {
      const id = `oncaller-${String(index).padStart(2, '0')}`;
      return `  - id: ${id}\n    name: On Caller ${index}\n    email: ${id}@fixture.example\n    github: ${id}\n    roles: [operator]\n    start: 2024-01-01\n`;
    }).join('');
    copy.write('people.yaml', `${copy.read('people.yaml')}${extra}`);
    copy.edit('developer.yaml', /^title:/m, 'colour: blue\ntitle:');
    expect(problems()).toEqual([
      expect.stringMatching(/^roles\/capabilities\.yaml:2:9: rotations\[0\]\.id: rotation "ops-primary" would have 31 contacts/),
      expect.stringMatching(/^roles\/developer\.yaml:\d+:1: colour: unknown key/),
    ]);
  });

  it('does not guess at owner counts or unused capabilities while entries are missing', () => {
    copy.edit('developer.yaml', /^title:/m, 'colour: blue\ntitle:');
    // developer is the only role granting code-push: with the role unreadable that is not news.
    expect(problems().filter((problem) => /granted by no role|owners active/.test(problem))).toEqual([]);
  });
});
