import { literalText } from '../../util/terraform-string';

/**
 * The resources of a synthesized stack (`cdk.tf.json`), as far as adoption needs them: each resource's
 * address and its arguments, with references to other resources of the stack resolved to their
 * literal arguments. Reads the JSON only; nothing in it is evaluated.
 * https://developer.hashicorp.com/terraform/language/syntax/json
 */
export interface StackResource {
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>`. */
  readonly address: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** A synthesized stack: its name, the AWS account its provider is pinned to, and its resources. */
export interface SynthesizedStack {
  readonly name: string;
  readonly accountId?: string;
  readonly resources: readonly StackResource[];
}

const REFERENCE = /^\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}$/;

/** Reads a stack's `cdk.tf.json` (already parsed); unknown shapes give no resources, never a throw. */
export function synthesizedStack(name: string, json: unknown): SynthesizedStack {
  const root = isRecord(json) ? json : {};
  const resources: StackResource[] = [];
  const byAddress = new Map<string, Record<string, unknown>>();
  const types = isRecord(root['resource']) ? root['resource'] : {};
  for (const type of Object.keys(types).sort()) {
    const entries = types[type];
    if (!isRecord(entries)) continue;
    for (const resourceName of Object.keys(entries).sort()) {
      const config = entries[resourceName];
      if (!isRecord(config)) continue;
      byAddress.set(`${type}.${resourceName}`, config);
      resources.push({ type, name: resourceName, address: `${type}.${resourceName}`, config });
    }
  }
  const provider = isRecord(root['provider']) ? root['provider'] : {};
  const aws = Array.isArray(provider['aws']) ? provider['aws'][0] : undefined;
  const ids = isRecord(aws) && Array.isArray(aws['allowed_account_ids']) ? aws['allowed_account_ids'] : [];
  const accountId = typeof ids[0] === 'string' ? ids[0] : undefined;
  return {
    name,
    ...(accountId ? { accountId } : {}),
    resources: resources.map((resource) => ({ ...resource, config: resolveAll(resource.config, byAddress) })),
  };
}

/** Arguments with `${type.name.attribute}` references replaced by that resource's literal argument, where it has one. */
function resolveAll(config: Record<string, unknown>, byAddress: ReadonlyMap<string, Record<string, unknown>>): Record<string, unknown> {
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const match = REFERENCE.exec(value);
      if (!match) return literalText(value);
      const target = byAddress.get(`${match[1] ?? ''}.${match[2] ?? ''}`);
      // A github_team's id is what rolecall references; the slug stands for it until the team is read.
      const attribute = match[1] === 'github_team' && match[3] === 'id' ? 'name' : (match[3] ?? '');
      const resolved = target?.[attribute];
      return typeof resolved === 'string' ? literalText(resolved) : value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    return value;
  };
  return resolve(config) as Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string argument, or undefined. */
export function argument(resource: StackResource, key: string): string | undefined {
  const value = resource.config[key];
  return typeof value === 'string' ? value : undefined;
}
