import type { Construct } from 'constructs';
import { IdentitystoreUser } from '@cdktf/provider-aws/lib/identitystore-user';
import type { AwsUser } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress } from '../terraform-name';

/**
 * A person's `aws_identitystore_user`, addressed by person id: user name and e-mail from the model,
 * display, given and family name as the model splits them. Shared by the Identity Center stack and its
 * people shards, so a person renders the same wherever they are placed.
 */
export function identityStoreUser(scope: Construct, user: AwsUser, identityStoreId: string): IdentitystoreUser {
  return pinAddress(
    new IdentitystoreUser(scope, `user-${user.personId}`, {
      identityStoreId,
      userName: literal(user.userName),
      displayName: literal(user.displayName),
      name: { givenName: literal(user.givenName), familyName: literal(user.familyName) },
      emails: { value: literal(user.email), primary: true, type: 'work' },
    }),
    user.personId,
  );
}
