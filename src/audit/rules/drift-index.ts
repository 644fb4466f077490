import type { AccessModel, PersonAccess, SourceRef } from '../../model/types';
import { expectedGithub, expectedIam, expectedIdentityCenter } from '../expected';

/** People by the names the live systems know them by, lower-cased: IAM and identity-store user name, e-mail, GitHub login. */
export interface PeopleIndex {
  byUserName(name: string): PersonAccess | undefined;
  byLogin(login: string): PersonAccess | undefined;
}

const indexes = new WeakMap<AccessModel, PeopleIndex>();

/** The people index of a model, built once per model. */
export function peopleIndex(model: AccessModel): PeopleIndex {
  const cached = indexes.get(model);
  if (cached) return cached;
  const userNames = new Map<string, PersonAccess>();
  const byId = new Map(model.people.map((person) => [person.id, person]));
  for (const person of model.people) userNames.set(person.email.toLowerCase(), person);
  for (const user of model.aws.users) {
    const person = byId.get(user.personId);
    if (person) userNames.set(user.userName.toLowerCase(), person);
  }
  const logins = new Map(model.people.map((person) => [person.github.toLowerCase(), person]));
  const index: PeopleIndex = {
    byUserName: (name) => userNames.get(name.toLowerCase()),
    byLogin: (login) => logins.get(login.toLowerCase()),
  };
  indexes.set(model, index);
  return index;
}

const expectations = new WeakMap<AccessModel, ReturnType<typeof computeExpectations>>();

function computeExpectations(model: AccessModel) {
  return { iam: expectedIam(model), github: expectedGithub(model), identityCenter: expectedIdentityCenter(model) };
}

/** The model's expected facts (expected.ts), computed once per model. */
export function expected(model: AccessModel): ReturnType<typeof computeExpectations> {
  let value = expectations.get(model);
  if (!value) expectations.set(model, (value = computeExpectations(model)));
  return value;
}

/** `file:line` of a fact. */
export function at(from: SourceRef): string {
  return `${from.file}:${from.line}`;
}

/** True for a person whose access has ended: what they still hold is the leaver rule's. */
export function isLeaver(person: PersonAccess | undefined): boolean {
  return person?.status === 'ended';
}
