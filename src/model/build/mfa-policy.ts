import type { PolicyDocument } from '../types';

/**
 * Denies everything except MFA self-management to a user who signed in without MFA: the policy of the
 * IAM User Guide example "allows MFA-authenticated IAM users to manage their own credentials".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html
 */
export function mfaPolicy(path: string): PolicyDocument {
  const self = `arn:aws:iam::*:user${path}\${aws:username}`;
  const document = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowViewAccountInfo',
        Effect: 'Allow',
        Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
        Resource: '*',
      },
      {
        Sid: 'AllowManageOwnPasswordAndMfa',
        Effect: 'Allow',
        Action: [
          'iam:ChangePassword',
          'iam:CreateVirtualMFADevice',
          'iam:DeactivateMFADevice',
          'iam:EnableMFADevice',
          'iam:GetUser',
          'iam:ListMFADevices',
          'iam:ResyncMFADevice',
        ],
        Resource: ['arn:aws:iam::*:mfa/*', self],
      },
      {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: [
          'iam:ChangePassword',
          'iam:CreateVirtualMFADevice',
          'iam:EnableMFADevice',
          'iam:GetUser',
          'iam:ListMFADevices',
          'iam:ListVirtualMFADevices',
          'iam:ResyncMFADevice',
          'sts:GetSessionToken',
        ],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  };
  return { name: 'rolecall-require-mfa', document: JSON.stringify(document) };
}
