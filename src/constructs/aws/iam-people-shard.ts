import { Construct } from 'constructs';
import type { AwsState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { accountView } from './account-view';
import { IamPersonUser } from './iam-person-user';

/** Props of {@link IamPeopleShard}. */
export interface IamPeopleShardProps {
  /** The model's AWS state (mode `iam-groups`). */
  readonly aws: AwsState;
  /** Name of the account, one of `aws.accounts`. */
  readonly account: string;
  /** Ids of the people placed in this shard; those without a role in the account get nothing. */
  readonly people: readonly string[];
}

/**
 * One people shard of an account in iam-groups mode: an {@link IamPersonUser} (user and group
 * membership) per person of the shard who holds a role with access in the account. The groups live
 * in the account's base stack, so they are named here as literals, not referenced: Terraform cannot
 * order across states, and the shard must be applied after the base stack (a membership in a group
 * that does not exist yet fails at apply, never at plan).
 */
export class IamPeopleShard extends Construct {
  /** IAM users by person id. */
  public readonly users: ReadonlyMap<string, IamPersonUser>;

  constructor(scope: Construct, id: string, props: IamPeopleShardProps) {
    super(scope, id);
    const { aws } = props;
    if (aws.mode !== 'iam-groups') throw new Error(`IamPeopleShard renders mode iam-groups, the model is in ${aws.mode}`);
    const view = accountView(aws, props.account);
    const groupNames = new Map(view.roles.map(({ role }) => [role.roleId, role.groupName]));
    const placed = new Set(props.people);
    const users = new Map<string, IamPersonUser>();
    for (const { user, roles } of view.users) {
      if (!placed.has(user.personId)) continue;
      const groups = roles.map((roleId) => literal(groupNames.get(roleId) ?? missing(roleId)));
      users.set(user.personId, new IamPersonUser(this, `person-${user.personId}`, { user, path: aws.path, groups }));
    }
    this.users = users;
  }
}

function missing(roleId: string): never {
  throw new Error(`role "${roleId}" has no IAM group in this account`);
}
