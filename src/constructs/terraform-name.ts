import { TerraformDataSource, TerraformStack, type TerraformElement, type TerraformResource } from 'cdktf';
import { terraformName } from '../util/terraform-name';

export { terraformName } from '../util/terraform-name';

const usedNames = new WeakMap<TerraformStack, Set<string>>();
const pinned = new WeakMap<TerraformElement, string>();

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
  pinned.set(element, name);
  return element;
}

function elementType(element: TerraformElement): string {
  const type: unknown = Reflect.get(element, 'terraformResourceType');
  return typeof type === 'string' ? type : element.constructor.name;
}

/**
 * `${<type>.<name>.<attribute>}`: a reference from one resource to another of the same stack, written
 * as the text cdktf would resolve its reference token to; `${data.<type>.<name>.<attribute>}` for a data
 * source of the stack. A token costs a full stack trace when it is made and a lookup in every resolve;
 * with tens of thousands of memberships that is most of synth. Only for pinned elements, whose address
 * is fixed, and the stack guard (`liveTemplates`) accepts exactly these: a reference to a resource or
 * data source the configuration declares.
 */
export function referenceTo(element: TerraformResource | TerraformDataSource, attribute: string): string {
  const name = pinned.get(element);
  if (name === undefined || !/^[a-z][a-z0-9_]*$/.test(attribute)) {
    throw new Error(`internal: referenceTo needs a pinned resource and a Terraform attribute name, got ${element.node.path} ${attribute}`);
  }
  const prefix = element instanceof TerraformDataSource ? 'data.' : '';
  return `\${${prefix}${element.terraformResourceType}.${name}.${attribute}}`;
}
