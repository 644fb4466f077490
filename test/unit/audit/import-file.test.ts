import { importFile } from '../../../src/audit/adopt/import-blocks';
import { synthesizedStack } from '../../../src/audit/adopt/stack-config';

describe('import files', () => {
  it('writes an id from an export as a literal: Terraform evaluates nothing in it', () => {
    const text = importFile([{ to: 'aws_iam_user.x', id: 'a${file("/etc/passwd")}%{ if true }b' }]);
    expect(JSON.parse(text).import).toEqual([{ to: 'aws_iam_user.x', id: 'a$${file("/etc/passwd")}%%{ if true }b' }]);
  });

  it('reads escaped literals of a synthesized stack as the text they stand for, and resolves references', () => {
    const stack = synthesizedStack('aws-prod', {
      provider: { aws: [{ allowed_account_ids: ['111111111111'] }] },
      resource: {
        aws_iam_group: { g: { name: 'a$${b}' } },
        aws_iam_group_policy_attachment: { p: { group: '${aws_iam_group.g.name}', policy_arn: 'arn' } },
      },
    });
    expect(stack.accountId).toBe('111111111111');
    expect(stack.resources.map((resource) => [resource.address, resource.config['name'] ?? resource.config['group']])).toEqual([
      ['aws_iam_group.g', 'a${b}'],
      ['aws_iam_group_policy_attachment.p', 'a${b}'],
    ]);
  });
});
