import { formatProblem } from '../../../src/load/problem';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, VALID_FIXTURE, type RolesCopy } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';

function problemsOf(copy: RolesCopy): string[] {
  return loadModel(copy.dir, AS_OF, 'roles').problems.map(formatProblem);
}

describe('where the AWS stacks run', () => {
  let copy: RolesCopy;
  beforeEach(() => (copy = copyRoles()));
  afterEach(() => copy.remove());

  it('puts the account of every AWS stack in the model', () => {
    copy.edit(
      'org.yaml',
      '    staging: { id: "222222222222" }\n',
      '    staging: { id: "222222222222", assumeRoleArn: "arn:aws:iam::222222222222:role/rolecall" }\n',
    );
    copy.edit('org.yaml', '  account: prod\n  timeZone', '  account: staging\n  timeZone');
    const model = loadModel(copy.dir, AS_OF, 'roles').model;
    expect(model?.aws.accounts).toEqual([
      { name: 'prod', id: '111111111111' },
      { name: 'staging', id: '222222222222', assumeRoleArn: 'arn:aws:iam::222222222222:role/rolecall' },
    ]);
    expect(model?.aws.identityCenter?.account).toEqual({ name: 'prod', id: '111111111111' });
    expect(model?.oncall.backend === 'aws-incident-manager' ? model.oncall.account : undefined).toEqual({
      name: 'staging',
      id: '222222222222',
      assumeRoleArn: 'arn:aws:iam::222222222222:role/rolecall',
    });
  });

  it('leaves the on-call account out of the model with PagerDuty', () => {
    copy.edit('org.yaml', '  backend: aws-incident-manager\n  account: prod\n', '  backend: pagerduty\n');
    const loaded = loadModel(copy.dir, AS_OF, 'roles');
    expect(loaded.model?.oncall).not.toHaveProperty('account');
  });

  it.each([
    [
      'Identity Center names an unknown account',
      [['    account: prod\n    instanceArn', '    account: prd\n    instanceArn']],
      'roles/org.yaml:11:14: aws.identityCenter.account: unknown account "prd" (known: prod, staging) (did you mean "prod"?)',
    ],
    [
      'Identity Center names no account',
      [['    account: prod\n    instanceArn', '    instanceArn']],
      'roles/org.yaml:11:5: aws.identityCenter: missing required key "account"',
    ],
    [
      'Incident Manager names an unknown account',
      [['  account: prod\n  timeZone', '  account: staeging\n  timeZone']],
      'roles/org.yaml:21:12: oncall.account: unknown account "staeging" (known: prod, staging) (did you mean "staging"?)',
    ],
    [
      'Incident Manager names no account',
      [['  account: prod\n  timeZone', '  timeZone']],
      'roles/org.yaml:20:3: oncall.account: backend aws-incident-manager needs the account Incident Manager lives in (known: prod, staging) (add "account: <name>" under oncall: the on-call stack runs only in that account)',
    ],
    [
      "an account's role is in another account",
      [
        [
          '    prod: { id: "111111111111" }\n',
          '    prod: { id: "111111111111", assumeRoleArn: "arn:aws:iam::222222222222:role/rolecall" }\n',
        ],
      ],
      'roles/org.yaml:7:48: aws.accounts.prod.assumeRoleArn: role is in account 222222222222, not in prod (111111111111) (the provider of every prod stack assumes this role and then refuses any account but 111111111111: name a role of that account)',
    ],
    [
      "an account's role is not an IAM role ARN",
      [
        [
          '    prod: { id: "111111111111" }\n',
          '    prod: { id: "111111111111", assumeRoleArn: "arn:aws:iam::111111111111:user/rolecall" }\n',
        ],
      ],
      'roles/org.yaml:7:48: aws.accounts.prod.assumeRoleArn: expected an IAM role ARN such as arn:aws:iam::111111111111:role/rolecall, got "arn:aws:iam::111111111111:user/rolecall"',
    ],
    [
      'the on-call region is not replicated',
      [['  replicationSet: { regions: [eu-west-1] }', '  replicationSet: { regions: [eu-central-1, us-east-1] }']],
      "roles/org.yaml:23:30: oncall.replicationSet.regions: the on-call stack runs in eu-west-1 (aws.region), which is not among the replication set's regions (eu-central-1, us-east-1) (add eu-west-1: Incident Manager keeps contacts and rotations only in regions of its replication set)",
    ],
    [
      'an existing replication set is in another account',
      [
        [
          '  replicationSet: { regions: [eu-west-1] }',
          '  replicationSet: { existingArn: "arn:aws:ssm-incidents::222222222222:replication-set/0b1c" }',
        ],
      ],
      'roles/org.yaml:23:34: oncall.replicationSet.existingArn: replication set is in account 222222222222, not in prod (111111111111), where the on-call stack runs (name the replication set of the Incident Manager account, or set oncall.account to the account that holds this one)',
    ],
  ])('fails when %s', (_what, edits, expected) => {
    for (const [from, to] of edits) copy.edit('org.yaml', from ?? '', to ?? '');
    expect(problemsOf(copy)).toContain(expected);
  });

  it('warns that PagerDuty has no use for an account', () => {
    copy.edit('org.yaml', '  backend: aws-incident-manager\n', '  backend: pagerduty\n');
    expect(problemsOf(copy)).toContain(
      'roles/org.yaml:21:12: warning: oncall.account: is not used with backend pagerduty (remove it, or use backend aws-incident-manager)',
    );
  });

  it('refuses an org.yaml written for the old default (Incident Manager settings, no backend) instead of moving it to PagerDuty', () => {
    copy.edit('org.yaml', '  backend: aws-incident-manager\n', '');
    const problems = problemsOf(copy);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^roles\/org\.yaml:20:3: oncall: names Incident Manager settings \(account, replicationSet\) but no backend, and the default backend is pagerduty: .* \(to keep Incident Manager, add "backend: aws-incident-manager" under oncall:/,
      ),
    );
    copy.edit('org.yaml', /  account: prod\n(  timeZone: .*\n)  replicationSet: .*\n/, '$1');
    expect(problemsOf(copy).filter((problem) => !problem.includes('warning'))).toEqual([]);
  });

  it('accepts the fixture as it is', () => {
    expect(loadModel(VALID_FIXTURE, AS_OF, 'roles').problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});
