import type { Problem } from '../../load/problem';
import type { Located, RolesBundle } from '../../load/roles-bundle';
import { terraformName } from '../../util/terraform-name';

/** One YAML entry that becomes a Terraform resource, and the address part it would get. */
interface AddressMention {
  /** The value as written, e.g. `carrier.portal`. */
  readonly value: string;
  /** What the value is rendered as, e.g. `repository`. */
  readonly what: string;
  readonly located: Located<unknown>;
  readonly path: readonly (string | number)[];
}

/**
 * Two entries that would share one Terraform address: `terraformName` maps every character Terraform
 * does not allow in a name to `_`, so repositories `carrier_portal` and `carrier.portal` of one role
 * team, or managed policies `…/a+b` and `…/a=b` attached to one role, would both render as the same
 * resource and crash synth. Decided here, with both places cited, using the same naming function the
 * constructs use. Pure.
 */
export function checkTerraformAddresses(bundle: RolesBundle): Problem[] {
  const capabilities = new Map(bundle.capabilities.map((capability) => [capability.value.id, capability]));
  const problems: Problem[] = [];
  // Ids are kebab-case today, which terraformName keeps as they are; checked all the same, so that a
  // looser id schema can never let two people or two roles share their resources' addresses.
  const ids = (items: readonly Located<{ readonly id: string }>[], what: string): AddressMention[] =>
    items.map((located) => ({ value: located.value.id, what, located, path: ['id'] }));
  problems.push(...collisions(ids(bundle.people, 'person id'), (value) => terraformName(value), 'roles files'));
  problems.push(...collisions(ids(bundle.roles, 'role id'), (value) => terraformName(value), 'roles files'));
  for (const role of bundle.roles) {
    const ids = [
      ...new Set([
        ...role.value.duties.flatMap((duty) => duty.capabilities),
        ...role.value.baseline.map((baseline) => baseline.capability),
      ]),
    ];
    const repositories: AddressMention[] = [];
    const policies: AddressMention[] = [];
    for (const id of ids) {
      const located = capabilities.get(id);
      if (!located) continue;
      located.value.github?.repositories.forEach((repository, index) => {
        repositories.push({ value: repository.name, what: 'repository', located, path: ['github', 'repositories', index, 'name'] });
      });
      located.value.aws.forEach((grant, grantIndex) =>
        grant.managedPolicies.forEach((arn, index) => {
          policies.push({ value: arn, what: 'managed policy', located, path: ['aws', grantIndex, 'managedPolicies', index] });
        }),
      );
    }
    // GitHub repository names are case-insensitive: the address is built from the lower-case name.
    problems.push(
      ...collisions(repositories, (value) => terraformName(role.value.id, value.toLowerCase()), `team of role ${role.value.id}`),
    );
    problems.push(...collisions(policies, (value) => terraformName(role.value.id, value), `IAM group of role ${role.value.id}`));
  }
  return problems;
}

/** Each mention whose address an earlier, different value already has, citing that earlier one. */
function collisions(mentions: readonly AddressMention[], addressOf: (value: string) => string, owner: string): Problem[] {
  const first = new Map<string, AddressMention>();
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const mention of mentions) {
    const address = addressOf(mention.value);
    const earlier = first.get(address);
    if (!earlier) {
      first.set(address, mention);
      continue;
    }
    // The same value named by two capabilities is one resource, merged by the model.
    if (addressOf(earlier.value) === address && sameValue(earlier.value, mention.value, mention.what)) continue;
    const key = `${address}\u0000${mention.value}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const where = earlier.located.source.locate([...earlier.located.path, ...earlier.path]);
    problems.push(
      mention.located.source.problem(
        [...mention.located.path, ...mention.path],
        `${mention.what} "${mention.value}" and ${earlier.what} "${earlier.value}" (${earlier.located.source.file}:${where.line}:${where.column}) would both be the Terraform resource ${address} in the ${owner}`,
        'Terraform names keep only letters, digits, "_" and "-": two names that differ only in other characters cannot both be rendered',
      ),
    );
  }
  return problems;
}

/** Equal values are one resource (repositories compare case-insensitively); duplicate ids are reported elsewhere. */
function sameValue(a: string, b: string, what: string): boolean {
  return what === 'repository' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
