import type { Problem } from '../../load/problem';
import { locatedById, type RolesBundle } from '../../load/roles-bundle';
import {
  identityStoreUserNameProblem,
  iamNameProblem,
  MAX_IAM_GROUP_NAME,
  MAX_IAM_PATH,
  MAX_IAM_POLICY_NAME,
  MAX_IAM_USER_NAME,
  MAX_IDENTITY_STORE_DISPLAY_NAME,
  descriptionProblem,
  permissionSetNameProblem,
} from '../build/aws-names';
import type { AccessModel } from '../types';

/**
 * Names the model hands to AWS that AWS would refuse only at plan or apply: the user name (the
 * lower-case e-mail) of everyone who gets AWS access, as an IAM user (64 characters of `[\w+=,.@-]`) or
 * an identity store user (128, no `<>;:%`), display names, group and policy names and the IAM path.
 * Each problem sits on the YAML entry it comes from. Names are refused, not rewritten: a user name is
 * the person's sign-in, and a silently altered one would be a surprise at their first login.
 */
export function checkGeneratedNames(model: AccessModel, bundle: RolesBundle): Problem[] {
  const problems: Problem[] = [];
  const iamGroups = model.aws.mode === 'iam-groups';
  const peopleById = locatedById(bundle.people);
  for (const user of model.aws.users) {
    const person = peopleById.get(user.personId);
    if (!person) continue;
    const problem = iamGroups ? iamNameProblem(user.userName, MAX_IAM_USER_NAME) : identityStoreUserNameProblem(user.userName);
    if (problem !== undefined) {
      problems.push(
        person.source.problem(
          [...person.path, 'email'],
          `${iamGroups ? 'IAM' : 'identity store'} user name ${JSON.stringify(user.userName)} (the lower-case e-mail) ${problem}`,
          iamGroups
            ? 'use an address IAM accepts as a user name (at most 64 characters of letters, digits and +=,.@_-), or aws.mode identity-center'
            : 'use a shorter address',
        ),
      );
    }
    if (!iamGroups && user.displayName.length > MAX_IDENTITY_STORE_DISPLAY_NAME) {
      problems.push(
        person.source.problem(
          [...person.path, 'name'],
          `is ${user.displayName.length} characters; the identity store allows at most ${MAX_IDENTITY_STORE_DISPLAY_NAME}`,
        ),
      );
    }
  }
  if (!iamGroups) {
    for (const role of model.aws.roles) {
      const located = bundle.roles.find((candidate) => candidate.value.id === role.roleId);
      for (const access of role.accounts) {
        const problem = permissionSetNameProblem(access.permissionSetName);
        if (located && problem !== undefined)
          problems.push(located.source.problem(['id'], `permission set name ${JSON.stringify(access.permissionSetName)} ${problem}`));
      }
    }
  }
  // The role title goes into descriptions (as the constructs write them: "<title> in <account>, managed by rolecall").
  for (const role of model.aws.roles) {
    const located = bundle.roles.find((candidate) => candidate.value.id === role.roleId);
    if (!located) continue;
    const described = role.accounts.filter((entry) => !iamGroups || entry.policies.managed.length > 0);
    const problem = described
      .map((access) =>
        descriptionProblem(`${role.title} in ${access.account}, managed by rolecall`, iamGroups ? 'IAM policy' : 'permission set'),
      )
      .find((found) => found !== undefined);
    if (problem !== undefined) problems.push(located.source.problem(['title'], problem, 'shorten the title, or write it in Latin letters'));
  }
  if (iamGroups) {
    const org = bundle.org;
    if (org && model.aws.path.length > MAX_IAM_PATH) {
      problems.push(org.source.problem(['aws', 'path'], `is ${model.aws.path.length} characters; IAM allows at most ${MAX_IAM_PATH}`));
    }
    for (const role of model.aws.roles) {
      const located = bundle.roles.find((candidate) => candidate.value.id === role.roleId);
      if (!located) continue;
      const names = [
        { name: role.groupName, what: 'IAM group name', max: MAX_IAM_GROUP_NAME },
        ...role.accounts.flatMap((access) =>
          [...access.policies.inline, ...access.policies.managed].map((policy) => ({
            name: policy.name,
            what: 'IAM policy name',
            max: MAX_IAM_POLICY_NAME,
          })),
        ),
      ];
      for (const { name, what, max } of names) {
        const problem = iamNameProblem(name, max);
        if (problem !== undefined) problems.push(located.source.problem(['id'], `${what} ${JSON.stringify(name)} ${problem}`));
      }
    }
  }
  return problems;
}
