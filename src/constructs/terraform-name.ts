import { TerraformStack, type TerraformElement } from 'cdktf';

const usedNames = new WeakMap<TerraformStack, Set<string>>();

/**
 * A Terraform name built from stable ids: the parts joined by `__`, each character Terraform does not
 * allow in a name (`[A-Za-z0-9_-]`) replaced by `_`, and `_` put first when the result would not start
 * with a letter or an underscore.
 * https://developer.hashicorp.com/terraform/language/syntax/configuration#identifiers
 */
export function terraformName(...parts: readonly string[]): string {
  const name = parts.map((part) => part.replace(/[^A-Za-z0-9_-]/g, '_')).join('__');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/**
 * Gives an element the Terraform address `<type>.<terraformName(parts)>` and returns it. Addresses are a
 * public contract (renaming one destroys and re-creates the resource), so they are spelt from stable
 * ids, never from cdktf's path hashes, display names or list positions. Throws when two elements of a
 * stack would get the same address, which `terraformName`'s character replacement could otherwise hide
 * (GitHub repositories `a.b` and `a_b`, say).
 */
export function pinAddress<T extends TerraformElement>(element: T, ...parts: readonly string[]): T {
  const stack = TerraformStack.of(element);
  const name = terraformName(...parts);
  const key = `${elementType(element)}.${name}`;
  const used = usedNames.get(stack) ?? new Set<string>();
  if (used.has(key)) {
    throw new Error(`two elements of stack "${stack.node.id}" would both be ${key} (from ${JSON.stringify(parts)})`);
  }
  used.add(key);
  usedNames.set(stack, used);
  element.overrideLogicalId(name);
  return element;
}

function elementType(element: TerraformElement): string {
  const type: unknown = Reflect.get(element, 'terraformResourceType');
  return typeof type === 'string' ? type : element.constructor.name;
}
