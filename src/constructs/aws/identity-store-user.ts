import type { Construct } from 'constructs';
import { IdentitystoreUser } from '@cdktf/provider-aws/lib/identitystore-user';
import type { AwsState, AwsUser } from '../../model/types';
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

/** The model's Identity Center block, for a construct that renders mode identity-center (a bug otherwise). */
export function identityCenterOf(aws: AwsState, construct: string): NonNullable<AwsState['identityCenter']> {
  const ic = aws.identityCenter;
  if (aws.mode !== 'identity-center' || !ic) {
    throw new Error(`${construct} renders mode identity-center with an identityCenter block, the model is in ${aws.mode}`);
  }
  return ic;
}
