import { TerraformStack, type TerraformElement } from 'cdktf';
import { terraformName } from '../util/terraform-name';

export { terraformName } from '../util/terraform-name';

const usedNames = new WeakMap<TerraformStack, Set<string>>();

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
