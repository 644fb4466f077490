import { compareText } from '../../util/compare-text';
import { policyDelta } from './plan-policy';
import { isObject, type PlanResourceChange, type ReadPlan } from './read-plan';

/** Where a resource gives or records access. */
export type PlanArea = 'aws-iam' | 'identity-center' | 'github' | 'oncall';
export type PlanAction = 'create' | 'update' | 'replace' | 'delete';

/** One access resource Terraform will change, reduced to what a reviewer reads. */
export interface AccessChange {
  readonly file: string;
  readonly address: string;
  readonly type: string;
  readonly area: PlanArea;
  /** What the resource is, e.g. `IAM group policy`. */
  readonly kind: string;
  readonly action: PlanAction;
  /** The resource's own name: a user, group, team, schedule (`(known after apply)` when not yet known). */
  readonly subject: string;
  /** What changes in it: `+ Allow s3:getobject on …`, `groups: + platform`, `permission: push → admin`. */
  readonly details: readonly string[];
}

/** The access changes of some plans, and the other resources they change (counted, not described). */
export interface PlanSummary {
  readonly files: readonly { readonly file: string; readonly terraformVersion?: string }[];
  readonly changes: readonly AccessChange[];
  readonly other: readonly { readonly file: string; readonly address: string; readonly type: string; readonly action: PlanAction }[];
}

interface Kind {
  readonly area: PlanArea;
  readonly kind: string;
  /** Attributes that name the resource, in order; the first one set is its subject. */
  readonly subject: readonly string[];
}

const kind = (area: PlanArea, name: string, ...subject: string[]): Kind => ({ area, kind: name, subject });

/** The resource types that grant or record access, by provider (AWS provider 5.x, GitHub 6.x, PagerDuty 3.x). */
export const ACCESS_TYPES: Readonly<Record<string, Kind>> = {
  aws_iam_user: kind('aws-iam', 'IAM user', 'name'),
  aws_iam_group: kind('aws-iam', 'IAM group', 'name'),
  aws_iam_role: kind('aws-iam', 'IAM role', 'name'),
  aws_iam_user_group_membership: kind('aws-iam', 'IAM group memberships of a user', 'user'),
  aws_iam_group_membership: kind('aws-iam', 'IAM group members', 'group', 'name'),
  aws_iam_group_policy: kind('aws-iam', 'IAM group inline policy', 'group', 'name'),
  aws_iam_user_policy: kind('aws-iam', 'IAM user inline policy', 'user', 'name'),
  aws_iam_role_policy: kind('aws-iam', 'IAM role inline policy', 'role', 'name'),
  aws_iam_policy: kind('aws-iam', 'IAM managed policy', 'name'),
  aws_iam_group_policy_attachment: kind('aws-iam', 'IAM policy attached to a group', 'group'),
  aws_iam_user_policy_attachment: kind('aws-iam', 'IAM policy attached to a user', 'user'),
  aws_iam_role_policy_attachment: kind('aws-iam', 'IAM policy attached to a role', 'role'),
  aws_iam_user_login_profile: kind('aws-iam', 'IAM console password', 'user'),
  aws_iam_access_key: kind('aws-iam', 'IAM access key', 'user'),
  aws_ssoadmin_permission_set: kind('identity-center', 'permission set', 'name'),
  aws_ssoadmin_permission_set_inline_policy: kind('identity-center', 'permission set inline policy', 'permission_set_arn'),
  aws_ssoadmin_managed_policy_attachment: kind('identity-center', 'managed policy of a permission set', 'permission_set_arn'),
  aws_ssoadmin_customer_managed_policy_attachment: kind(
    'identity-center',
    'customer managed policy of a permission set',
    'permission_set_arn',
  ),
  aws_ssoadmin_account_assignment: kind('identity-center', 'account assignment', 'principal_id'),
  aws_identitystore_user: kind('identity-center', 'Identity Center user', 'user_name'),
  aws_identitystore_group: kind('identity-center', 'Identity Center group', 'display_name'),
  aws_identitystore_group_membership: kind('identity-center', 'Identity Center group membership', 'member_id'),
  github_membership: kind('github', 'organisation membership', 'username'),
  github_team: kind('github', 'team', 'name'),
  github_team_membership: kind('github', 'team membership', 'username'),
  github_team_members: kind('github', 'team members', 'team_id'),
  github_team_repository: kind('github', 'team repository permission', 'repository'),
  github_repository_collaborator: kind('github', 'repository collaborator', 'username'),
  pagerduty_user: kind('oncall', 'PagerDuty user', 'email', 'name'),
  pagerduty_user_contact_method: kind('oncall', 'PagerDuty contact method', 'address'),
  pagerduty_team: kind('oncall', 'PagerDuty team', 'name'),
  pagerduty_team_membership: kind('oncall', 'PagerDuty team membership', 'user_id'),
  pagerduty_schedule: kind('oncall', 'PagerDuty schedule', 'name'),
  pagerduty_escalation_policy: kind('oncall', 'PagerDuty escalation policy', 'name'),
  aws_ssmcontacts_contact: kind('oncall', 'Incident Manager contact', 'alias'),
  aws_ssmcontacts_contact_channel: kind('oncall', 'Incident Manager contact channel', 'name'),
  aws_ssmcontacts_rotation: kind('oncall', 'Incident Manager rotation', 'name'),
  aws_ssmcontacts_plan: kind('oncall', 'Incident Manager engagement plan', 'contact_id'),
  aws_ssmincidents_replication_set: kind('oncall', 'Incident Manager replication set'),
  aws_ssmincidents_response_plan: kind('oncall', 'Incident Manager response plan', 'name'),
};

/** Attributes that hold a policy document. */
const POLICY_ATTRIBUTES = new Set(['policy', 'inline_policy']);
/** Attributes that only echo or record: never a change of access on their own. */
const NOISE = new Set([
  'id',
  'arn',
  'unique_id',
  'etag',
  'tags_all',
  'created_date',
  'create_date',
  'policy_id',
  'attachment_count',
  'html_url',
  'node_id',
  'slug',
]);

/** Reduces plans to their access changes, in a fixed order (area, then destroys first, then address). */
export function summarisePlans(plans: readonly ReadPlan[]): PlanSummary {
  const changes: AccessChange[] = [];
  const other: PlanSummary['other'][number][] = [];
  for (const plan of plans) {
    for (const change of plan.changes) {
      const action = actionOf(change.actions);
      if (action === undefined) continue;
      const known = ACCESS_TYPES[change.type];
      if (!known) {
        other.push({ file: plan.file, address: change.address, type: change.type, action });
        continue;
      }
      changes.push({
        file: plan.file,
        address: change.address,
        type: change.type,
        area: known.area,
        kind: known.kind,
        action,
        subject: subjectOf(change, known),
        details: detailsOf(change, action),
      });
    }
  }
  const areaOrder: readonly PlanArea[] = ['aws-iam', 'identity-center', 'github', 'oncall'];
  const actionOrder: readonly PlanAction[] = ['delete', 'replace', 'update', 'create'];
  changes.sort(
    (a, b) =>
      areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area) ||
      actionOrder.indexOf(a.action) - actionOrder.indexOf(b.action) ||
      compareText(a.address, b.address) ||
      compareText(a.file, b.file),
  );
  other.sort((a, b) => compareText(a.address, b.address) || compareText(a.file, b.file));
  return {
    files: plans.map((plan) => ({ file: plan.file, ...(plan.terraformVersion ? { terraformVersion: plan.terraformVersion } : {}) })),
    changes,
    other,
  };
}

/** The action a plan's action list comes to; `undefined` for no-op and read. */
export function actionOf(actions: readonly string[]): PlanAction | undefined {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('create')) return 'create';
  if (actions.includes('update')) return 'update';
  return undefined;
}

function subjectOf(change: PlanResourceChange, known: Kind): string {
  const values = [change.after, change.before].filter(isObject);
  for (const attribute of known.subject) {
    for (const value of values) {
      const found = value[attribute];
      if (typeof found === 'string' && found !== '') return found;
    }
    if (isObject(change.afterUnknown) && change.afterUnknown[attribute] === true) return '(known after apply)';
  }
  return change.address;
}

function detailsOf(change: PlanResourceChange, action: PlanAction): string[] {
  const before = isObject(change.before) ? change.before : {};
  const after = isObject(change.after) ? change.after : {};
  const unknown = isObject(change.afterUnknown) ? change.afterUnknown : {};
  const details: string[] = [];
  for (const attribute of [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)])].sort(compareText)) {
    if (NOISE.has(attribute)) continue;
    const from = action === 'create' ? undefined : before[attribute];
    const to = action === 'delete' ? undefined : after[attribute];
    if (action !== 'delete' && unknown[attribute] === true) {
      details.push(`${attribute}: (known after apply)`);
      continue;
    }
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (POLICY_ATTRIBUTES.has(attribute)) {
      const delta = policyDelta(from, to);
      details.push(...(delta ?? [`${attribute}: changed (not a policy document rolecall can read)`]));
    } else if (isScalarList(from) || isScalarList(to)) {
      const was = new Set((isScalarList(from) ? from : []).map(String));
      const now = new Set((isScalarList(to) ? to : []).map(String));
      const removed = [...was].filter((item) => !now.has(item)).sort(compareText);
      const added = [...now].filter((item) => !was.has(item)).sort(compareText);
      if (removed.length + added.length > 0)
        details.push(`${attribute}: ${[...removed.map((item) => `- ${item}`), ...added.map((item) => `+ ${item}`)].join(', ')}`);
    } else if (isScalar(from) || isScalar(to)) {
      if (action === 'update' || action === 'replace') details.push(`${attribute}: ${show(from)} → ${show(to)}`);
      else if (to !== undefined && to !== null && to !== '' && to !== false) details.push(`${attribute}: ${show(to)}`);
    } else if (action === 'update' || action === 'replace') {
      details.push(`${attribute}: changed`);
    }
  }
  return details;
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isScalarList(value: unknown): value is (string | number | boolean)[] {
  return Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item));
}

function show(value: unknown): string {
  return value === undefined || value === null ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
}
