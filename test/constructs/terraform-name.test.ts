import { Testing, TerraformStack } from 'cdktf';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { pinAddress, terraformName } from '../../src/constructs/terraform-name';

describe('terraformName', () => {
  test.each([
    [['cloud-engineer'], 'cloud-engineer'],
    [['cloud-engineer', 'prod'], 'cloud-engineer__prod'],
    [['team', 'Terraform.Modules'], 'team__Terraform_Modules'],
    [['role', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'], 'role__arn_aws_iam__aws_policy_job-function_ViewOnlyAccess'],
    [['2fa-team'], '_2fa-team'],
  ])('spells %j as %s', (parts, expected) => {
    expect(terraformName(...parts)).toBe(expected);
  });
});

describe('pinAddress', () => {
  test('sets the logical id', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const group = pinAddress(new IamGroup(stack, 'g', { name: 'g' }), 'cloud-engineer');
    expect(group.friendlyUniqueId).toBe('cloud-engineer');
  });

  test('fails when two resources of one type in a stack would share an address', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    pinAddress(new IamGroup(stack, 'a', { name: 'a' }), 'x.y');
    expect(() => pinAddress(new IamGroup(stack, 'b', { name: 'b' }), 'x_y')).toThrow('two elements of stack "stack" would both be aws_iam_group.x_y');
  });

  test('lets different stacks use the same address', () => {
    const app = Testing.app();
    pinAddress(new IamGroup(new TerraformStack(app, 'one'), 'a', { name: 'a' }), 'same');
    expect(() => pinAddress(new IamGroup(new TerraformStack(app, 'two'), 'a', { name: 'a' }), 'same')).not.toThrow();
  });
});
