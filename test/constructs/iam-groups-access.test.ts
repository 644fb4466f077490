import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupMembership } from '@cdktf/provider-aws/lib/iam-group-membership';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { IamUserLoginProfile } from '@cdktf/provider-aws/lib/iam-user-login-profile';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { IamGroupsAccess } from '../../src/constructs/aws/iam-groups-access';
import { PERSON_TAG } from '../../src/constructs/aws/iam-person-user';
import type { AccessModel } from '../../src/model/types';
import { expectedIamGroupsCounts } from '../helpers/expected-counts';
import { fixtureModel } from '../helpers/fixture-model';
import { synthScope } from '../helpers/synth-construct';

Testing.setupJest();

const model = fixtureModel();
const render = (account: string, from: AccessModel = model) =>
  synthScope((scope) => new IamGroupsAccess(scope, 'iam', { aws: from.aws, account }));
const staging = render('staging');
const prod = render('prod');

describe('IamGroupsAccess', () => {
  test('renders nothing, not even the MFA policy, in an account no role reaches', () => {
    const withIdle = { ...model, aws: { ...model.aws, accounts: [...model.aws.accounts, { name: 'idle', id: '999999999999' }] } };
    expect(model.aws.mfaPolicy).toBeDefined();
    expect(render('idle', withIdle).counts).toEqual({});
  });

  test('renders exactly the resources the model calls for, per account', () => {
    expect(staging.counts).toEqual(expectedIamGroupsCounts(model, 'staging'));
    expect(prod.counts).toEqual(expectedIamGroupsCounts(model, 'prod'));
    // Written out once, so a mistake shared by the fixture and the expectation still shows.
    expect(staging.counts).toEqual({
      aws_iam_group: 2,
      aws_iam_group_policy: 2,
      aws_iam_group_policy_attachment: 4,
      aws_iam_policy: 2,
      aws_iam_user: 3,
      aws_iam_user_group_membership: 3,
    });
  });

  test('creates a group per role with access in the account, named by the model, addressed by role id', () => {
    expect(staging.text).toHaveResourceWithProperties(IamGroup, { name: 'cloud-engineer', path: '/rolecall/' });
    expect(Object.keys(staging.resources('aws_iam_group'))).toEqual(['cloud-engineer', 'platform-engineer']);
    expect(Object.keys(prod.resources('aws_iam_group'))).toEqual(['cloud-engineer', 'site-reliability-engineer']);
  });

  test('writes inline policies as the model compiled them', () => {
    const access = model.aws.roles.find((role) => role.roleId === 'cloud-engineer')?.accounts.find((a) => a.account === 'staging');
    const document = access?.policies.inline[0];
    expect(document).toBeDefined();
    expect(staging.text).toHaveResourceWithProperties(IamGroupPolicy, {
      name: document?.name,
      policy: document?.document,
      group: '${aws_iam_group.cloud-engineer.name}',
    });
  });

  test('escapes IAM policy variables so Terraform passes them on as written', () => {
    const policy = prod.resources('aws_iam_group_policy')['site-reliability-engineer__site-reliability-engineer-2']?.policy;
    expect(policy).toContain('session/$${aws:username}-*');
    expect(String(policy).replace(/\$\$\{/g, '${')).toBe(
      model.aws.roles.find((role) => role.roleId === 'site-reliability-engineer')?.accounts[0]?.policies.inline[1]?.document,
    );
    expect(prod.resources('aws_iam_policy')['require-mfa']?.policy).toContain('user/rolecall/$${aws:username}');
  });

  test('escapes template syntax in text from the YAML', () => {
    const titled = fixtureModel({
      roles: [
        { id: 'odd-one', title: 'Odd ${var.x} %{ if true }', aws: [{ account: 'prod', managed: [{ name: 'odd-one-1', document: '{}' }] }] },
      ],
      people: [],
    });
    expect(render('prod', titled).resources('aws_iam_policy')['odd-one__odd-one-1']?.description).toBe(
      'Odd $${var.x} %%{ if true } in prod, managed by rolecall',
    );
  });

  test('creates customer-managed policies and attaches them and the listed ARNs', () => {
    expect(staging.text).toHaveResourceWithProperties(IamPolicy, { name: 'cloud-engineer-staging-2', path: '/rolecall/' });
    expect(staging.text).toHaveResourceWithProperties(IamGroupPolicyAttachment, {
      group: '${aws_iam_group.cloud-engineer.name}',
      policy_arn: '${aws_iam_policy.cloud-engineer__cloud-engineer-staging-2.arn}',
    });
    expect(prod.text).toHaveResourceWithProperties(IamGroupPolicyAttachment, {
      group: '${aws_iam_group.site-reliability-engineer.name}',
      policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
  });

  test('creates the MFA policy once and attaches it to every rolecall group', () => {
    const mfa = Object.values(staging.resources('aws_iam_policy')).filter((policy) => policy.name === 'rolecall-require-mfa');
    expect(mfa).toHaveLength(1);
    const attached = Object.values(staging.resources('aws_iam_group_policy_attachment'))
      .filter((attachment) => attachment.policy_arn === '${aws_iam_policy.require-mfa.arn}')
      .map((attachment) => attachment.group);
    expect(attached).toEqual(['${aws_iam_group.cloud-engineer.name}', '${aws_iam_group.platform-engineer.name}']);
  });

  test('creates no MFA policy when the model carries none', () => {
    const without = render('staging', fixtureModel({ requireMfa: false }));
    expect(Object.values(without.resources('aws_iam_policy')).map((policy) => policy.name)).toEqual(['cloud-engineer-staging-2']);
    expect(JSON.stringify(without.json)).not.toContain('require-mfa');
  });

  test('creates a user per person holding a role in the account, tagged with the person id', () => {
    expect(staging.text).toHaveResourceWithProperties(IamUser, {
      name: 'mateo.alvarez@example.com',
      path: '/rolecall/',
      tags: { [PERSON_TAG]: 'mateo-alvarez' },
      force_destroy: true,
    });
    expect(Object.keys(staging.resources('aws_iam_user'))).toEqual(['amara-okafor', 'jonas-lindqvist', 'mateo-alvarez']);
    expect(Object.keys(prod.resources('aws_iam_user'))).toEqual([
      'amara-okafor',
      'hana-suzuki',
      'jonas-lindqvist',
      'li-wei',
      'mateo-alvarez',
    ]);
  });

  test('gives no user to people whose roles reach no AWS account, who have left or have not started', () => {
    for (const synthesized of [staging, prod]) {
      const users = Object.keys(synthesized.resources('aws_iam_user'));
      expect(users).not.toContain('priya-raman'); // software engineers have no AWS access
      expect(users).not.toContain('olu-adeyemi'); // left
      expect(users).not.toContain('sara-nyberg'); // starts next month
    }
  });

  test("lists each user's groups in this account in one aws_iam_user_group_membership", () => {
    expect(staging.text).toHaveResourceWithProperties(IamUserGroupMembership, {
      user: '${aws_iam_user.amara-okafor.name}',
      groups: ['${aws_iam_group.cloud-engineer.name}', '${aws_iam_group.platform-engineer.name}'],
    });
    expect(prod.resources('aws_iam_user_group_membership')['amara-okafor']?.groups).toEqual(['${aws_iam_group.cloud-engineer.name}']);
  });

  test('creates no access key, login profile or exclusive group membership', () => {
    for (const synthesized of [staging, prod]) {
      expect(synthesized.text).toHaveResource(IamUser);
      for (const absent of [IamAccessKey, IamUserLoginProfile, IamGroupMembership, IamUserPolicy]) {
        expect(synthesized.text).not.toHaveResource(absent);
      }
    }
  });

  test("fails when the model marks a role's policies as over the AWS quotas", () => {
    const over: AccessModel = {
      ...model,
      aws: {
        ...model.aws,
        roles: model.aws.roles.map((role) => ({
          ...role,
          accounts: role.accounts.map((access) => ({
            ...access,
            quotaError: { message: 'inline policies exceed 5,120 characters', hint: 'split the role' },
          })),
        })),
      },
    };
    expect(() => render('staging', over)).toThrow(
      'role "cloud-engineer" in staging did not compile: inline policies exceed 5,120 characters',
    );
  });

  test('fails when asked for an account the model does not name', () => {
    expect(() => render('sandbox')).toThrow('the model names no AWS account "sandbox"');
  });

  test('fails when the model is in identity-center mode', () => {
    expect(() => render('prod', fixtureModel({ awsMode: 'identity-center' }))).toThrow('renders mode iam-groups');
  });
});
