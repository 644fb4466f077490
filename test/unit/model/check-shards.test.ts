import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

// The valid fixture on this date: olga, dev and ned active. Without MFA each AWS base stack holds 4
// resources (two groups, an inline policy each), the github base 4 (two teams, two repositories); the
// people shard of one account 2 per person, of GitHub 2 for olga and dev and 3 for ned.
const AS_OF = '2026-11-22';

function problemsOf(copy: RolesCopy): string[] {
  return loadModel(copy.dir, AS_OF, 'roles')
    .problems.map(formatProblem)
    .filter((line) => !line.includes('warning:'));
}

function withStacks(copy: RolesCopy, block: string): void {
  copy.edit('org.yaml', '  defaultAccount: staging\n', '  defaultAccount: staging\n  requireMfa: false\n');
  copy.write('org.yaml', `${copy.read('org.yaml')}stacks:\n${block}`);
}

describe('the stacks: block against the model', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  it('accepts an organisation whose stacks all fit', () => {
    withStacks(copy, '  maxResources: 7\n');
    expect(problemsOf(copy)).toEqual([]);
  });

  it('warns while the shard count is chosen, naming the count to pin, and not once it is pinned', () => {
    withStacks(copy, '  maxResources: 7\n');
    const warnings = loadModel(copy.dir, AS_OF, 'roles')
      .problems.map(formatProblem)
      .filter((line) => line.includes('warning: stacks'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^roles\/org\.yaml:\d+:\d+: warning: stacks\.maxResources: people shard counts are chosen from the organisation of today \(aws-prod: \d+, .*github: \d+\).*\(pin the count before the first apply \(shards: \d+ fits every stack today\)/,
      ),
    ]);
    const count = /shards: (\d+) fits/.exec(warnings[0] ?? '')?.[1] ?? '';
    copy.write('org.yaml', copy.read('org.yaml').replace('  maxResources: 7\n', `  maxResources: 7\n  shards: ${count}\n`));
    expect(
      loadModel(copy.dir, AS_OF, 'roles')
        .problems.map(formatProblem)
        .filter((line) => line.includes('stacks')),
    ).toEqual([]);
  });

  it('fails when a base stack alone holds more than maxResources, at maxResources', () => {
    withStacks(copy, '  maxResources: 3\n');
    const lines = problemsOf(copy);
    expect(lines).toContain(
      'roles/org.yaml:26:17: stacks.maxResources: stack aws-prod would hold 4 resources without its people, more than stacks.maxResources (3) (raise maxResources: the role resources (groups, policies, permission sets, teams) stay in one stack, only people are sharded)',
    );
    expect(lines.filter((line) => line.includes('without its people'))).toHaveLength(3);
  });

  it('fails when pinned shards overflow, at shards, with the smallest count that fits every family', () => {
    withStacks(copy, '  maxResources: 6\n  shards: 1\n');
    expect(problemsOf(copy)).toEqual([
      "roles/org.yaml:27:11: stacks.shards: 1 of the 1 people shards of github would hold more than stacks.maxResources (6): github-people-01 holds 7 (set shards to 7, the smallest count that fits every stack family, or remove shards to have each family's count chosen)",
    ]);
  });

  it('fails when one person alone needs more than maxResources', () => {
    withStacks(copy, '  maxResources: 2\n');
    expect(problemsOf(copy)).toContain(
      'roles/org.yaml:26:17: stacks.maxResources: ned alone needs 3 resources in a people shard of github, more than stacks.maxResources (2) (raise maxResources to at least 3)',
    );
  });

  it('fails when an account is named like a people shard of another', () => {
    copy.edit(
      'org.yaml',
      '    staging: { id: "222222222222" }\n',
      '    staging: { id: "222222222222" }\n    prod-people-01: { id: "333333333333" }\n',
    );
    withStacks(copy, '  maxResources: 100\n');
    expect(problemsOf(copy)).toEqual([
      expect.stringMatching(
        /^roles\/org\.yaml:\d+:\d+: aws\.accounts\.prod-people-01: stack name aws-prod-people-01 would be both people shard 1 of account prod and the stack of account prod-people-01 \(rename the account/,
      ),
    ]);
  });

  it.each([
    ['  maxResources: "500"\n', 'stacks.maxResources: expected stacks.maxResources as a whole number from 1 to 100000, got "500"'],
    ['  maxResources: 0\n', 'stacks.maxResources: expected stacks.maxResources of at least 1'],
    ['  maxResources: 12.5\n', 'stacks.maxResources: expected stacks.maxResources as a whole number, got 12.5'],
    ['  maxResources: 10\n  shards: 1000\n', 'stacks.shards: expected stacks.shards of at most 999'],
    ['  maxResources: 10\n  shard: 2\n', 'stacks.shard: unknown key (did you mean "shards"?)'],
  ])('fails when the block is %j', (block, message) => {
    withStacks(copy, block);
    expect(problemsOf(copy).join('\n')).toContain(message);
  });
});
