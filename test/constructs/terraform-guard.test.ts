import { App, TerraformOutput, Token } from 'cdktf';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupMembership } from '@cdktf/provider-aws/lib/iam-group-membership';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { liveTemplates, terraformLiteral } from '../../src/constructs/terraform-literal';
import { isTokenNumber, tokenMarkerIn } from '../../src/model/layout/token-markers';
import { RolecallStack } from '../../stacks/rolecall-stack';

describe('cdktf token markers, as the model spells them', () => {
  it('match every encoding cdktf uses for a string, list, map and number token', () => {
    const resolvable = { resolve: () => 'x', creationStack: [], toString: () => 'x' };
    expect(tokenMarkerIn(Token.asString(resolvable))).toBe('${TfToken[');
    expect(tokenMarkerIn(Token.asList(resolvable)[0] ?? '')).toBe('#{TfToken[');
    expect(tokenMarkerIn(Object.keys(Token.asStringMap(resolvable))[0] ?? '')).toBe('&{TfToken[');
    expect(isTokenNumber(Token.asNumber(resolvable))).toBe(true);
    expect(isTokenNumber(Token.asNumberList(resolvable)[0] ?? 0)).toBe(true);
  });
});

describe('liveTemplates', () => {
  it.each([
    ['plain', []],
    ['$${file("x")} and %%{ if x }', []],
    ['$$${aws:username}', []],
    ['${aws_iam_group.sre.name}', []],
    ['${aws_iam_group.other.name}', ['${aws_iam_group.other.name}']],
    ['${data.aws_caller_identity.x.id}', ['${data.aws_caller_identity.x.id}']],
    ['${data.aws_identitystore_group.sre.group_id}', []],
    ['${data.aws_identitystore_group.other.group_id}', ['${data.aws_identitystore_group.other.group_id}']],
    ['${data.aws_iam_group.sre.name}', ['${data.aws_iam_group.sre.name}']],
    ['${file("/etc/hostname")}', ['${file("/etc/hostname")}']],
    ['a ${var.x} b', ['${var.x}']],
    ['%{ if true }x%{ endif }', ['%{ if true }', '%{ endif }']],
    ['${unterminated', ['${unterminated']],
  ])('finds in %j: %j', (text, expected) => {
    const config = { resource: { aws_iam_group: { sre: {} } }, data: { aws_identitystore_group: { sre: {} } }, output: { key: [text] } };
    expect(liveTemplates(config).map((live) => live.text)).toEqual(expected);
  });

  it('finds nothing live in anything terraformLiteral wrote', () => {
    const hostile = '${file("/etc/passwd")} %{ for x in y }$${a}%%{b}$$${c}${';
    expect(liveTemplates(terraformLiteral(hostile))).toEqual([]);
  });

  it('says where a live template is', () => {
    expect(liveTemplates({ resource: { a: { b: { name: 'x ${var.y}' } } } })).toEqual([{ path: 'resource.a.b.name', text: '${var.y}' }]);
  });
});

describe('RolecallStack', () => {
  function stack(): RolecallStack {
    const scope = new RolecallStack(new App({ stackTraces: false }), 'guarded');
    new AwsProvider(scope, 'aws', { region: 'eu-west-1' });
    return scope;
  }

  it('fails synth when a string from the model reached a construct unescaped', () => {
    const scope = stack();
    new IamGroup(scope, 'group', { name: '${file("/etc/hostname")}' });
    expect(() => scope.toTerraform()).toThrow(
      /stack "guarded": 1 unescaped Terraform template\(s\), first at resource\.aws_iam_group\.group\.name: \$\{file\("\/etc\/hostname"\)\}/,
    );
  });

  it('fails synth when an output carries a directive', () => {
    const scope = stack();
    new TerraformOutput(scope, 'out', { value: '%{ if true }x%{ endif }' });
    expect(() => scope.toTerraform()).toThrow(/unescaped Terraform template/);
  });

  it('passes escaped text and the references cdktf writes itself', () => {
    const scope = stack();
    const group = new IamGroup(scope, 'group', { name: terraformLiteral('${file("/etc/hostname")}') });
    new IamGroupMembership(scope, 'members', { name: 'm', group: group.name, users: [] });
    const config = JSON.stringify(scope.toTerraform());
    expect(config).toContain('$${file(\\"/etc/hostname\\")}');
    expect(config).toContain('${aws_iam_group.group.name}');
  });
});
