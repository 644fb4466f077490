import { z } from 'zod';
import { compareText } from '../../util/compare-text';
import type { ActualIdentityCenter, ActualPagerdutyUser } from '../actual';
import { hasAny, typed, type StateContext } from './state-resources';

const User = z.object({ user_id: z.string().min(1), user_name: z.string().min(1) });
const Group = z.object({ group_id: z.string().min(1), display_name: z.string() });
const Membership = z.object({ group_id: z.string().min(1), member_id: z.string().min(1) });
const PermissionSet = z.object({ arn: z.string().min(1), name: z.string().min(1) });
const Assignment = z.object({
  target_id: z.string().min(1),
  permission_set_arn: z.string().min(1),
  principal_type: z.enum(['USER', 'GROUP']),
  principal_id: z.string().min(1),
});
const PagerdutyUser = z.object({ id: z.string().min(1), email: z.string(), name: z.string().nullish() });

const IDENTITY_TYPES = [
  'identitystore_user',
  'identitystore_group',
  'identitystore_group_membership',
  'ssoadmin_permission_set',
  'ssoadmin_account_assignment',
].map((type) => `aws_${type}`);

/**
 * Reduces the hashicorp/aws 5.x identity-store and SSO admin resources of a state to Identity Center users,
 * groups, memberships, permission sets and account assignments.
 * https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/ssoadmin_account_assignment
 */
export function stateIdentityCenter(context: StateContext): ActualIdentityCenter | undefined {
  if (!hasAny(context, IDENTITY_TYPES)) return undefined;
  const line = (a: { from: { line: number } }, b: { from: { line: number } }): number => a.from.line - b.from.line;
  return {
    users: typed(context, 'aws_identitystore_user', User)
      .map(({ value, resource }) => ({ id: value.user_id, userName: value.user_name, from: resource.from }))
      .sort((a, b) => compareText(a.userName, b.userName) || compareText(a.id, b.id) || line(a, b)),
    groups: typed(context, 'aws_identitystore_group', Group)
      .map(({ value, resource }) => ({ id: value.group_id, name: value.display_name, from: resource.from }))
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id) || line(a, b)),
    memberships: typed(context, 'aws_identitystore_group_membership', Membership)
      .map(({ value, resource }) => ({ groupId: value.group_id, userId: value.member_id, from: resource.from }))
      .sort((a, b) => compareText(a.groupId, b.groupId) || compareText(a.userId, b.userId) || line(a, b)),
    permissionSets: typed(context, 'aws_ssoadmin_permission_set', PermissionSet)
      .map(({ value, resource }) => ({ arn: value.arn, name: value.name, from: resource.from }))
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.arn, b.arn) || line(a, b)),
    assignments: typed(context, 'aws_ssoadmin_account_assignment', Assignment)
      .map(({ value, resource }) => ({
        accountId: value.target_id,
        permissionSetArn: value.permission_set_arn,
        principalType: value.principal_type,
        principalId: value.principal_id,
        from: resource.from,
      }))
      .sort(
        (a, b) =>
          compareText(a.permissionSetArn, b.permissionSetArn) ||
          compareText(a.accountId, b.accountId) ||
          compareText(a.principalType, b.principalType) ||
          compareText(a.principalId, b.principalId) ||
          line(a, b),
      ),
  };
}

/** Reduces the PagerDuty provider's `pagerduty_user` resources of a state to users. https://registry.terraform.io/providers/PagerDuty/pagerduty/latest/docs/resources/user */
export function statePagerdutyUsers(context: StateContext): ActualPagerdutyUser[] | undefined {
  if (!hasAny(context, ['pagerduty_user'])) return undefined;
  return typed(context, 'pagerduty_user', PagerdutyUser)
    .map(({ value, resource }) => ({ id: value.id, email: value.email, name: value.name ?? '', from: resource.from }))
    .sort((a, b) => compareText(a.email, b.email) || compareText(a.id, b.id) || a.from.line - b.from.line);
}
