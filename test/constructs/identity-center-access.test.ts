import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
import { IdentitystoreGroupMembership } from '@cdktf/provider-aws/lib/identitystore-group-membership';
import { IdentitystoreUser } from '@cdktf/provider-aws/lib/identitystore-user';
import { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
import { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
import { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
import { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
import { IdentityCenterAccess } from '../../src/constructs/aws/identity-center-access';
import { IdentityCenterPermissionSet } from '../../src/constructs/aws/identity-center-permission-set';
import type { AccessModel } from '../../src/model/types';
import { expectedIdentityCenterCounts } from '../helpers/expected-counts';
import { fixtureModel } from '../helpers/fixture-model';
import { synthScope } from '../helpers/synth-construct';

Testing.setupJest();

const model = fixtureModel({ awsMode: 'identity-center' });
const render = (from: AccessModel = model) => synthScope((scope) => new IdentityCenterAccess(scope, 'ic', { aws: from.aws }));
const synthesized = render();
const INSTANCE = 'arn:aws:sso:::instance/ssoins-6804a3c1e7b29f15';
const STORE = 'd-9367a0c41e';

describe('IdentityCenterAccess', () => {
  test('renders exactly the resources the model calls for', () => {
    expect(synthesized.counts).toEqual(expectedIdentityCenterCounts(model));
    expect(synthesized.counts).toEqual({
      aws_identitystore_group: 3,
      aws_identitystore_group_membership: 7,
      aws_identitystore_user: 5,
      aws_ssoadmin_account_assignment: 4,
      aws_ssoadmin_managed_policy_attachment: 3,
      aws_ssoadmin_permission_set: 4,
      aws_ssoadmin_permission_set_inline_policy: 4,
    });
  });

  test('creates an identity-store user per person with AWS access', () => {
    expect(synthesized.text).toHaveResourceWithProperties(IdentitystoreUser, {
      identity_store_id: STORE,
      user_name: 'mateo.alvarez@example.com',
      display_name: 'Mateo Álvarez',
      name: { given_name: 'Mateo', family_name: 'Álvarez' },
      emails: { value: 'Mateo.Alvarez@example.com', primary: true, type: 'work' },
    });
    expect(Object.keys(synthesized.resources('aws_identitystore_user'))).not.toContain('priya-raman');
  });

  test('creates a group per role with AWS access and a membership per holder', () => {
    expect(synthesized.text).toHaveResourceWithProperties(IdentitystoreGroup, {
      identity_store_id: STORE,
      display_name: 'site-reliability-engineer',
    });
    expect(Object.keys(synthesized.resources('aws_identitystore_group'))).toEqual([
      'cloud-engineer',
      'platform-engineer',
      'site-reliability-engineer',
    ]);
    expect(synthesized.text).toHaveResourceWithProperties(IdentitystoreGroupMembership, {
      identity_store_id: STORE,
      group_id: '${aws_identitystore_group.site-reliability-engineer.group_id}',
      member_id: '${aws_identitystore_user.li-wei.user_id}',
    });
    expect(Object.keys(synthesized.resources('aws_identitystore_group_membership'))).toContain('platform-engineer__jonas-lindqvist');
  });

  test('creates a permission set per role and account with the session duration and its inline policy', () => {
    expect(synthesized.text).toHaveResourceWithProperties(SsoadminPermissionSet, {
      instance_arn: INSTANCE,
      name: 'cloud-engineer-staging',
      session_duration: 'PT10H',
    });
    expect(Object.keys(synthesized.resources('aws_ssoadmin_permission_set'))).toEqual([
      'cloud-engineer__prod',
      'cloud-engineer__staging',
      'platform-engineer__staging',
      'site-reliability-engineer__prod',
    ]);
    const inline = model.aws.roles.find((role) => role.roleId === 'cloud-engineer')?.accounts.find((a) => a.account === 'staging')?.policies
      .inline[0];
    expect(synthesized.text).toHaveResourceWithProperties(SsoadminPermissionSetInlinePolicy, {
      instance_arn: INSTANCE,
      permission_set_arn: '${aws_ssoadmin_permission_set.cloud-engineer__staging.arn}',
      inline_policy: inline?.document,
    });
  });

  test('attaches each managed policy ARN and assigns the role group to the account', () => {
    expect(synthesized.text).toHaveResourceWithProperties(SsoadminManagedPolicyAttachment, {
      permission_set_arn: '${aws_ssoadmin_permission_set.site-reliability-engineer__prod.arn}',
      managed_policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    expect(synthesized.text).toHaveResourceWithProperties(SsoadminAccountAssignment, {
      instance_arn: INSTANCE,
      permission_set_arn: '${aws_ssoadmin_permission_set.site-reliability-engineer__prod.arn}',
      principal_type: 'GROUP',
      principal_id: '${aws_identitystore_group.site-reliability-engineer.group_id}',
      target_type: 'AWS_ACCOUNT',
      target_id: '418273645190',
    });
  });

  test('reads nothing from AWS and creates no IAM users or groups', () => {
    expect(synthesized.json.data).toBeUndefined();
    expect(Object.keys(synthesized.counts).filter((type) => type.startsWith('aws_iam_'))).toEqual([]);
  });

  test('fails when the model is in iam-groups mode', () => {
    expect(() => render(fixtureModel())).toThrow('renders mode identity-center');
  });

  test('fails when a permission set is handed two inline policies', () => {
    const role = model.aws.roles.find((candidate) => candidate.roleId === 'cloud-engineer');
    const access = role?.accounts[0];
    if (!role || !access) throw new Error('fixture lacks cloud-engineer');
    const twice = { ...access, policies: { ...access.policies, inline: [...access.policies.inline, ...access.policies.inline] } };
    expect(() =>
      synthScope(
        (scope) =>
          new IdentityCenterPermissionSet(scope, 'ps', {
            instanceArn: INSTANCE,
            sessionDuration: 'PT1H',
            role,
            access: twice,
            groupId: 'g',
          }),
      ),
    ).toThrow('permission set cloud-engineer/prod: identity-center takes one inline policy');
  });
});
