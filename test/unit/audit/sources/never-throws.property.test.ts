import fc from 'fast-check';
import {
  mergeActual,
  type ActualPiece,
  readAuthorizationDetails,
  readGithubExport,
  readIdentityCenter,
  readLastAccessed,
  readPagerdutyUsers,
  readTerraformState,
} from '../../../../src/audit/sources';
import type { Problem } from '../../../../src/load/problem';

type Reader = (file: string, text: string) => ActualPiece & { problems: readonly Problem[] };

const READERS: readonly (readonly [string, Reader, readonly string[]])[] = [
  [
    'readTerraformState',
    (file, text) => readTerraformState(file, text),
    ['version', 'resources', 'format_version', 'values', 'root_module', 'child_modules', 'instances', 'attributes', 'mode', 'type'],
  ],
  [
    'readAuthorizationDetails',
    readAuthorizationDetails,
    ['UserDetailList', 'GroupDetailList', 'Policies', 'RoleDetailList', 'IsTruncated', 'Arn', 'PolicyVersionList'],
  ],
  [
    'readIdentityCenter',
    readIdentityCenter,
    ['InstanceArn', 'Users', 'Groups', 'GroupMemberships', 'PermissionSets', 'AccountAssignments', 'MemberId'],
  ],
  ['readLastAccessed', readLastAccessed, ['arn:aws:iam::111111111111:group/g', 'Arn', 'JobStatus', 'ServicesLastAccessed', 'IsTruncated']],
  ['readPagerdutyUsers', readPagerdutyUsers, ['users', 'more', 'id', 'email', 'name']],
];

/** JSON values built from a reader's own keys and plausible values, so that checks past the top level run too. */
function shaped(keys: readonly string[]): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constantFrom(
      'managed',
      4,
      '1.0',
      'COMPLETED',
      'USER',
      'arn:aws:iam::111111111111:user/x',
      'arn:aws:iam::222222222222:group/y',
      'aws_iam_user',
      'github_team',
      true,
      null,
    ),
    fc.jsonValue({ maxDepth: 1 }),
  );
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 5 }),
    ),
  })).value;
}

/** A reader's verdict: problems with positive positions, never a throw. */
function expectProblemsNotThrows(problems: readonly Problem[]): void {
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message).toMatch(/\S/);
  }
}

describe('every reader returns problems rather than throwing', () => {
  it.each(READERS)('%s, on any text, JSON or not', (_name, read) => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((value) => JSON.stringify(value) ?? String(value)),
        ),
        (text) => {
          expectProblemsNotThrows(read('f.json', text).problems);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(READERS)('%s, on JSON shaped like its export', (_name, read, keys) => {
    fc.assert(
      fc.property(shaped(keys), fc.boolean(), (value, pretty) => {
        const result = read('f.json', JSON.stringify(value, null, pretty ? 2 : undefined));
        expectProblemsNotThrows(result.problems);
        mergeActual([result]);
      }),
      { numRuns: 300 },
    );
  });

  it('readGithubExport, on any files', () => {
    const key = fc.oneof(
      fc.constantFrom(
        'members.json',
        'admins.json',
        'teams.json',
        'org.json',
        'team-members/a.json',
        'team-maintainers/a.json',
        'team-repos/a.json',
        'team-repos/b.json',
      ),
      fc.string(),
    );
    const text = fc.oneof(
      fc.json(),
      shaped(['login', 'slug', 'name', 'id', 'parent', 'role_name', 'permissions', 'admin', 'push', 'pull']).map((value) =>
        JSON.stringify(value),
      ),
    );
    fc.assert(
      fc.property(fc.dictionary(key, text, { maxKeys: 8 }), (files) => {
        const result = readGithubExport('gh', new Map(Object.entries(files)));
        expectProblemsNotThrows(result.problems);
        mergeActual([result]);
      }),
      { numRuns: 300 },
    );
  });
});
