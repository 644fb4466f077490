import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import {
  contactDisplayName,
  descriptionProblem,
  identityStoreUserNameProblem,
  iamNameProblem,
  permissionSetName,
  permissionSetNameProblem,
} from '../../../src/model/build/aws-names';
import { isTokenNumber, tokenMarkerIn } from '../../../src/model/layout/token-markers';
import { terraformName } from '../../../src/util/terraform-name';
import { copyRoles, type RolesCopy } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';
const GRANT = '      - accounts: [prod, staging]\n';

function problemsOf(copy: RolesCopy): string[] {
  return loadModel(copy.dir, AS_OF, 'roles')
    .problems.map(formatProblem)
    .filter((line) => !line.includes(': warning: '));
}

describe('what reaches Terraform from the roles files', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  it.each([
    [
      'a role title holds a string token',
      'operator.yaml',
      'title: Operator',
      'title: "Operator ${TfToken[TOKEN.3]}"',
      /^roles\/operator\.yaml:2:8: title: contains the cdktf token marker "\$\{TfToken\["/,
    ],
    [
      'a person name holds a list token',
      'people.yaml',
      'name: Olga Ops',
      'name: "#{TfToken[TOKEN.1]}"',
      /^roles\/people\.yaml:\d+:\d+: people\[0\]\.name: contains the cdktf token marker "#\{TfToken\["/,
    ],
    [
      'a description holds a map token',
      'capabilities.yaml',
      'description: Read the Kubernetes clusters',
      'description: "&{TfToken[TOKEN.2]}"',
      /capabilities\[0\]\.description: contains the cdktf token marker "&\{TfToken\["/,
    ],
    [
      'a rotation name holds the CDK spelling',
      'capabilities.yaml',
      'name: Ops primary',
      'name: "${ Token[TOKEN.9]}"',
      /rotations\[0\]\.name: contains the cdktf token marker/,
    ],
    [
      'a keyword holds a token',
      'capabilities.yaml',
      'keywords: [kubernetes, cluster, k8s]',
      'keywords: [kubernetes, "${TfToken[X]}"]',
      /capabilities\[0\]\.keywords\[1\]: contains the cdktf token marker/,
    ],
  ])('fails when %s', (_what, file, from, to, expected) => {
    copy.edit(file, from, to);
    expect(problemsOf(copy)).toContainEqual(expect.stringMatching(expected));
  });

  it.each([
    [
      'assumeRoleArn is a role of another account',
      'org.yaml',
      'staging: { id: "222222222222" }',
      'staging: { id: "222222222222", assumeRoleArn: "arn:aws:iam::111111111111:role/x" }',
      /aws\.accounts\.staging\.assumeRoleArn: role of account 111111111111, but account "staging" is 222222222222/,
    ],
    [
      'assumeRoleArn carries an interpolation',
      'org.yaml',
      'staging: { id: "222222222222" }',
      'staging: { id: "222222222222", assumeRoleArn: \'arn:aws:iam::222222222222:role/${file("/etc/hostname")}\' }',
      /aws\.accounts\.staging\.assumeRoleArn: expected an IAM role ARN/,
    ],
    [
      'the replication set is of another account',
      'org.yaml',
      'replicationSet: { regions: [eu-west-1] }',
      'replicationSet: { existingArn: "arn:aws:ssm-incidents::222222222222:replication-set/ab" }',
      /oncall\.replicationSet\.existingArn: replication set of account 222222222222/,
    ],
    [
      'the local state directory leaves the project',
      'org.yaml',
      'oncall:\n',
      'state: { backend: local, directory: a/../../b }\noncall:\n',
      /state\.directory: expected a relative directory inside the project/,
    ],
    [
      'a managed policy ARN has a live template',
      'capabilities.yaml',
      GRANT,
      `${GRANT}        managedPolicies: ["arn:aws:iam::aws:policy/%{if x}"]\n`,
      /managedPolicies\[0\]: expected a managed policy ARN/,
    ],
  ])('fails when %s', (_what, file, from, to, expected) => {
    copy.edit(file, from, to);
    expect(problemsOf(copy)).toContainEqual(expect.stringMatching(expected));
  });

  it('fails when two repositories of one team map to one Terraform address, citing both', () => {
    copy.edit(
      'capabilities.yaml',
      '        - { name: web, permission: pull }\n',
      '        - { name: web, permission: pull }\n        - { name: carrier_portal, permission: pull }\n        - { name: carrier.portal, permission: push }\n',
    );
    expect(problemsOf(copy)).toEqual([
      expect.stringMatching(
        /^roles\/capabilities\.yaml:\d+:\d+: capabilities\[1\]\.github\.repositories\[3\]\.name: repository "carrier\.portal" and repository "carrier_portal" \(roles\/capabilities\.yaml:\d+:\d+\) would both be the Terraform resource developer__carrier_portal in the team of role developer/,
      ),
    ]);
  });

  it('passes when two capabilities of a role name one repository, in any case', () => {
    copy.edit(
      'capabilities.yaml',
      '        - { name: web, permission: pull }\n',
      '        - { name: web, permission: pull }\n        - { name: API, permission: pull }\n',
    );
    expect(problemsOf(copy)).toEqual([]);
  });

  it('fails when an e-mail cannot be an IAM user name, on the people.yaml entry', () => {
    copy.edit('people.yaml', 'email: olga@fixture.example', "email: o'lga@fixture.example");
    expect(problemsOf(copy)).toEqual([
      `roles/people.yaml:4:12: people[0].email: IAM user name "o'lga@fixture.example" (the lower-case e-mail) has "'"; IAM allows only letters, digits and +=,.@_- (use an address IAM accepts as a user name (at most 64 characters of letters, digits and +=,.@_-), or aws.mode identity-center)`,
    ]);
  });

  it('fails when a role title cannot be a permission set description, on the title', () => {
    copy.edit('org.yaml', 'mode: iam-groups', 'mode: identity-center');
    copy.edit('operator.yaml', 'title: Operator', 'title: "Operator \u{1F6A8}"');
    expect(problemsOf(copy)).toEqual([
      'roles/operator.yaml:2:8: title: has "\u{1F6A8}", which AWS does not allow in a permission set description (Latin-1 only) (shorten the title, or write it in Latin letters)',
    ]);
  });

  it('passes the same e-mail in identity-center mode, where the identity store takes it', () => {
    copy.edit('org.yaml', 'mode: iam-groups', 'mode: identity-center');
    copy.edit('people.yaml', 'email: olga@fixture.example', "email: o'lga@fixture.example");
    expect(problemsOf(copy)).toEqual([]);
  });

  it('passes interpolations in free text: they are escaped when rendered, not refused', () => {
    copy.edit('operator.yaml', 'title: Operator', 'title: \'Operator ${file("/etc/passwd")} %{ if true }x%{ endif } $${x}\'');
    expect(problemsOf(copy)).toEqual([]);
  });
});

describe('token markers', () => {
  it.each([
    ['${TfToken[TOKEN.1]}', '${TfToken['],
    ['x #{TfToken[TOKEN.12]} y', '#{TfToken['],
    ['&{TfToken[TOKEN.1]}', '&{TfToken['],
    ['${Token[TOKEN.1]}', '${Token['],
    ['#{ token[x', '#{ token['],
    ['$${TfToken[TOKEN.1]}', '${TfToken['],
  ])('finds one in %j', (text, marker) => {
    expect(tokenMarkerIn(text)).toBe(marker);
  });

  it.each(['${aws:username}', 'TfToken', '{TfToken[', '$ {TfToken[', '%{TfToken['])('finds none in %j', (text) => {
    expect(tokenMarkerIn(text)).toBeUndefined();
  });

  it('recognises token-encoded numbers, and no ordinary one', () => {
    expect(isTokenNumber(-1.8881545897087626e289)).toBe(true);
    for (const value of [0, 1, -1, 2, 30, 1e300, -1e300, Number.MAX_SAFE_INTEGER, Number.NaN]) expect(isTokenNumber(value)).toBe(false);
  });
});

describe('generated names', () => {
  it.each([
    ['olga@fixture.example', undefined],
    ['a+b=c,d.e@f_g-h', undefined],
    ["o'lga@x.example", `has "'"; IAM allows only letters, digits and +=,.@_-`],
    ['x'.repeat(65), 'is 65 characters; IAM allows 1 to 64'],
    ['', 'is 0 characters; IAM allows 1 to 64'],
  ])('IAM user name %j: %j', (name, expected) => {
    expect(iamNameProblem(name, 64)).toBe(expected);
  });

  it.each([
    ["o'lga@x.example", undefined],
    ['jürgen@x.example', undefined],
    ['a;b@x.example', 'has ";", which the identity store does not allow in a user name'],
    ['a b@x.example', 'has " ", which the identity store does not allow in a user name'],
    ['x'.repeat(129), 'is 129 characters; the identity store allows 1 to 128'],
  ])('identity store user name %j: %j', (name, expected) => {
    expect(identityStoreUserNameProblem(name)).toBe(expected);
  });

  it('derives permission set names Identity Center accepts, however long the role id', () => {
    expect(permissionSetNameProblem(permissionSetName('a'.repeat(64), 'production-eu'))).toBeUndefined();
    expect(permissionSetNameProblem('x'.repeat(33))).toBe('is 33 characters; Identity Center allows 1 to 32');
  });

  it.each([
    ['Operator in prod, managed by rolecall', 'permission set', undefined],
    ['Opérateur ${x} in prod', 'permission set', undefined],
    [
      'Operator \u{1F6A8} in prod',
      'permission set',
      'has "\u{1F6A8}", which AWS does not allow in a permission set description (Latin-1 only)',
    ],
    ['x'.repeat(701), 'permission set', 'makes a permission set description of 701 characters; AWS allows at most 700'],
    ['x'.repeat(1000), 'IAM policy', undefined],
  ] as const)('description %j of a %s: %j', (text, of, expected) => {
    expect(descriptionProblem(text, of)).toBe(expected);
  });

  it.each([
    ['Olga Ops', 'Olga Ops'],
    ["Siobhán O'Brien-Ní Dhuibhir", 'Siobhán OBrien-Ní Dhuibhir'],
    ['Ops ${file("/etc/passwd")}  (lead)', 'Ops fileetcpasswd lead'],
    ['$$$', 'olga'],
    ['x'.repeat(300), 'x'.repeat(255)],
  ])('derives the Incident Manager contact display name of %j: %j', (name, expected) => {
    expect(contactDisplayName(name, 'olga')).toBe(expected);
  });

  it('maps names that differ only in characters Terraform refuses to one address', () => {
    expect(terraformName('developer', 'carrier_portal')).toBe(terraformName('developer', 'carrier.portal'));
    expect(terraformName('1x')).toBe('_1x');
  });
});
