import { findQuote } from '../../jd';
import type { Problem } from '../../load/problem';
import { isKnownId, locatedById, type Located, type RolesBundle } from '../../load/roles-bundle';
import { formatPath } from '../../load/yaml-source';
import { checkAuditReferences } from './check-audit-references';
import { checkAwsArns } from './check-aws-arns';
import { checkAwsTargets } from './check-aws-targets';
import { checkGithubTeams } from './check-github';
import { checkTerraformAddresses } from './check-terraform-addresses';
import { checkTokenMarkers } from './check-token-markers';
import { unknownReference } from './unknown-reference';

/** Incident Manager accepts at most 30 contacts in a rotation. https://docs.aws.amazon.com/incident-manager/latest/userguide/incident-manager-limits.html */
export const MAX_ROTATION_CONTACTS = 30;

/**
 * Cross-file checks of a roles bundle: references between files, duplicates, dates, and that every duty
 * quote is in its JD. Pure: returns problems, never throws.
 */
export function checkBundle(bundle: RolesBundle): Problem[] {
  const problems: Problem[] = [];
  const roleIds = bundle.roles.map((role) => role.value.id);
  const capabilityIds = bundle.capabilities.map((capability) => capability.value.id);
  const rotationIds = bundle.rotations.map((rotation) => rotation.value.id);
  const personIds = bundle.people.map((person) => person.value.id);
  const accountNames = bundle.org ? Object.keys(bundle.org.value.aws.accounts).sort() : [];

  problems.push(
    ...duplicates(bundle.capabilities, 'id', (value) => value.id, 'capability id'),
    ...duplicates(bundle.rotations, 'id', (value) => value.id, 'rotation id'),
    ...duplicates(bundle.people, 'id', (value) => value.id, 'person id'),
    ...duplicates(bundle.people, 'email', (value) => value.email.toLowerCase(), 'e-mail address'),
    ...duplicates(bundle.people, 'github', (value) => value.github.toLowerCase(), 'GitHub login', 'GitHub logins are case-insensitive'),
    ...duplicates(bundle.roles, 'id', (value) => value.id, 'role id'),
  );

  const unknown = (located: Located<unknown>, path: (string | number)[], what: string, id: string, known: readonly string[]): void => {
    problems.push(unknownReference(located, path, what, id, known));
  };

  if (bundle.org) {
    const org = bundle.org;
    if (!accountNames.includes(org.value.aws.defaultAccount)) {
      unknown(org, ['aws', 'defaultAccount'], 'account', org.value.aws.defaultAccount, accountNames);
    }
    if (org.value.aws.mode === 'identity-center' && !org.value.aws.identityCenter) {
      problems.push(
        org.source.problem(
          ['aws', 'mode'],
          'identity-center mode needs an aws.identityCenter block',
          'give instanceArn and identityStoreId',
        ),
      );
    }
    org.value.github.owners.forEach((owner, index) => {
      if (!isKnownId(bundle, 'people', owner, personIds)) unknown(org, ['github', 'owners', index], 'person', owner, personIds);
    });
  }

  const peopleById = locatedById(bundle.people);
  for (const role of bundle.roles) {
    const expected = `${role.value.id}.yaml`;
    const fileName = role.source.file.split(/[\\/]/).pop() ?? '';
    if (fileName !== expected && fileName !== `${role.value.id}.yml`) {
      problems.push(
        role.source.problem(
          ['id'],
          `role id "${role.value.id}" does not match the file name ${fileName}`,
          `rename the file to ${expected}`,
        ),
      );
    }
    const jd = bundle.jds.get(role.value.jd);
    if (jd && !jd.jd.sections.some((section) => section.kind === 'duties' && section.items.length > 0)) {
      problems.push(
        role.source.problem(
          ['jd'],
          `no duties found in ${jd.file}`,
          'its sections need headings such as "Responsibilities" or "Key activities", or extend org.yaml jdSections.duties',
        ),
      );
    }
    role.value.duties.forEach((duty, index) => {
      duty.capabilities.forEach((id, capabilityIndex) => {
        if (!isKnownId(bundle, 'capabilities', id, capabilityIds))
          unknown(role, ['duties', index, 'capabilities', capabilityIndex], 'capability', id, capabilityIds);
      });
      if (!jd) return;
      const match = findQuote(jd.jd, duty.quote);
      if (!match.found) {
        const near = match.closest ? `closest passage, ${jd.file}:${match.closest.line}: "${clip(match.closest.text)}"` : undefined;
        problems.push(role.source.problem([...role.path, 'duties', index, 'quote'], `quote not found in ${jd.file}`, near));
      } else if (match.section.kind !== 'duties') {
        problems.push(
          role.source.problem(
            ['duties', index, 'quote'],
            `quote is in section "${match.section.heading}" of ${jd.file}:${match.item.line}, which lists ${match.section.kind === 'requirements' ? 'requirements' : 'no duties'}`,
            'quote a duty; if that heading lists duties, add it to org.yaml jdSections.duties',
          ),
        );
      }
    });
    role.value.baseline.forEach((baseline, index) => {
      if (!isKnownId(bundle, 'capabilities', baseline.capability, capabilityIds))
        unknown(role, ['baseline', index, 'capability'], 'capability', baseline.capability, capabilityIds);
    });
    role.value.maintainers.forEach((maintainer, index) => {
      const person = peopleById.get(maintainer);
      if (!person) {
        if (!isKnownId(bundle, 'people', maintainer, personIds)) unknown(role, ['maintainers', index], 'person', maintainer, personIds);
      }
      // A person whose roles name an unknown role is reported there: the typo may be this very role.
      else if (!person.value.roles.includes(role.value.id) && person.value.roles.every((id) => isKnownId(bundle, 'roles', id, roleIds))) {
        problems.push(
          role.source.problem(
            ['maintainers', index],
            `maintainer "${maintainer}" does not hold the role ${role.value.id}`,
            `add ${role.value.id} to their roles in people.yaml`,
          ),
        );
      }
    });
  }

  for (const person of bundle.people) {
    const { roles, start, end } = person.value;
    roles.forEach((id, index) => {
      if (!isKnownId(bundle, 'roles', id, roleIds)) unknown(person, ['roles', index], 'role', id, roleIds);
      if (roles.indexOf(id) !== index) problems.push(person.source.problem([...person.path, 'roles', index], `role "${id}" listed twice`));
    });
    if (end !== undefined && end < start) {
      problems.push(person.source.problem([...person.path, 'end'], `end ${end} is before start ${start}`));
    }
  }

  for (const capability of bundle.capabilities) {
    const { aws, oncall } = capability.value;
    aws.forEach((grant, grantIndex) =>
      grant.accounts?.forEach((account, index) => {
        if (bundle.org && !accountNames.includes(account))
          unknown(capability, ['aws', grantIndex, 'accounts', index], 'account', account, accountNames);
      }),
    );
    oncall?.rotations.forEach((rotation, index) => {
      if (!isKnownId(bundle, 'rotations', rotation, rotationIds))
        unknown(capability, ['oncall', 'rotations', index], 'rotation', rotation, rotationIds);
    });
  }

  for (const rotation of bundle.rotations) {
    const shadow = rotation.value.shadow;
    if (shadow === undefined) continue;
    if (shadow === rotation.value.id) {
      problems.push(
        rotation.source.problem(
          [...rotation.path, 'shadow'],
          'a rotation cannot shadow itself',
          'name the rotation hires sit in while they ramp up, e.g. a "-shadow" rotation',
        ),
      );
    } else if (!isKnownId(bundle, 'rotations', shadow, rotationIds)) {
      unknown(rotation, ['shadow'], 'rotation', shadow, rotationIds);
    }
  }

  problems.push(
    ...checkAwsTargets(bundle),
    ...checkGithubTeams(bundle),
    ...checkAwsArns(bundle),
    ...checkTerraformAddresses(bundle),
    ...checkTokenMarkers(bundle),
    ...checkAuditReferences(bundle),
  );

  // A role that failed its schema may be the one granting a capability: say nothing rather than guess.
  const rolesFailed = bundle.failed?.roles;
  if (rolesFailed === 'all' || (rolesFailed?.size ?? 0) > 0) return problems;
  const used = new Set(
    bundle.roles.flatMap((role) => [
      ...role.value.duties.flatMap((duty) => duty.capabilities),
      ...role.value.baseline.map((baseline) => baseline.capability),
    ]),
  );
  for (const capability of bundle.capabilities) {
    if (!used.has(capability.value.id)) {
      problems.push(
        capability.source.problem(
          [...capability.path, 'id'],
          `capability "${capability.value.id}" is granted by no role`,
          'justify it with a duty or remove it',
          'warning',
        ),
      );
    }
  }
  return problems;
}

/** Reports each value seen before, citing the first place it was written. */
function duplicates<T>(items: readonly Located<T>[], key: string, valueOf: (value: T) => string, what: string, hint?: string): Problem[] {
  const first = new Map<string, Located<T>>();
  const problems: Problem[] = [];
  for (const item of items) {
    const value = valueOf(item.value);
    const earlier = first.get(value);
    if (!earlier) {
      first.set(value, item);
      continue;
    }
    const where = earlier.source.locate([...earlier.path, key]);
    const label = earlier.path.length ? formatPath(earlier.path) : earlier.source.file;
    problems.push(
      item.source.problem(
        [...item.path, key],
        `duplicate ${what} "${value}" (first at ${label}, ${earlier.source.file}:${where.line}:${where.column})`,
        hint,
      ),
    );
  }
  return problems;
}

function clip(text: string): string {
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}
