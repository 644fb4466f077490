import { Testing, TerraformStack } from 'cdktf';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { DataAwsIdentitystoreGroup } from '@cdktf/provider-aws/lib/data-aws-identitystore-group';
import { IdentitystoreGroupMembership } from '@cdktf/provider-aws/lib/identitystore-group-membership';
import { pinAddress, referenceTo, terraformName } from '../../src/constructs/terraform-name';

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
    expect(() => pinAddress(new IamGroup(stack, 'b', { name: 'b' }), 'x_y')).toThrow(
      'two elements of stack "stack" would both be aws_iam_group.x_y',
    );
  });

  test('lets different stacks use the same address', () => {
    const app = Testing.app();
    pinAddress(new IamGroup(new TerraformStack(app, 'one'), 'a', { name: 'a' }), 'same');
    expect(() => pinAddress(new IamGroup(new TerraformStack(app, 'two'), 'a', { name: 'a' }), 'same')).not.toThrow();
  });
});

describe('referenceTo', () => {
  test("writes exactly what cdktf resolves the resource's reference token to", () => {
    const synth = (reference: (group: IamGroup) => string): unknown => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      const group = pinAddress(new IamGroup(stack, 'g', { name: 'g' }), 'cloud-engineer');
      pinAddress(new IamGroupPolicy(stack, 'p', { group: reference(group), policy: '{}' }), 'cloud-engineer');
      return JSON.parse(Testing.synth(stack));
    };
    const byToken = synth((group) => group.name);
    expect(synth((group) => referenceTo(group, 'name'))).toEqual(byToken);
    expect(JSON.stringify(byToken)).toContain('"group":"${aws_iam_group.cloud-engineer.name}"');
  });

  test("writes exactly what cdktf resolves a data source's reference token to", () => {
    const synth = (reference: (group: DataAwsIdentitystoreGroup) => string): unknown => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      const group = pinAddress(
        new DataAwsIdentitystoreGroup(stack, 'g', {
          identityStoreId: 'd-0123456789',
          alternateIdentifier: { uniqueAttribute: { attributePath: 'DisplayName', attributeValue: 'sre' } },
        }),
        'sre',
      );
      pinAddress(
        new IdentitystoreGroupMembership(stack, 'm', { identityStoreId: 'd-0123456789', groupId: reference(group), memberId: 'u' }),
        'sre',
        'li-wei',
      );
      return JSON.parse(Testing.synth(stack));
    };
    const byToken = synth((group) => group.groupId);
    expect(synth((group) => referenceTo(group, 'group_id'))).toEqual(byToken);
    expect(JSON.stringify(byToken)).toContain('"group_id":"${data.aws_identitystore_group.sre.group_id}"');
  });

  test('refuses a resource whose address is not pinned, or an attribute that is not a name', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(() => referenceTo(new IamGroup(stack, 'g', { name: 'g' }), 'name')).toThrow('needs a pinned resource');
    const pinned = pinAddress(new IamGroup(stack, 'h', { name: 'h' }), 'h');
    expect(() => referenceTo(pinned, 'name}${file("/etc/passwd")')).toThrow('a Terraform attribute name');
  });
});
