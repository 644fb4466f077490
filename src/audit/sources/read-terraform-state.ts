import type { Problem } from '../../load/problem';
import type { SourceInfo } from '../actual';
import { readJson, type JsonSource } from './json-source';
import { stateFacts, type StateFacts, type StateResource } from './state-facts';

const HINT = 'give a Terraform state file (terraform.tfstate, or `terraform state pull`) or the output of `terraform show -json`';

/**
 * Reads a Terraform state file (format version 4) or `terraform show -json` of a state, and reduces the
 * resources rolecall writes to the facts of actual.ts: what the last apply left, to hold against the roles.
 * https://developer.hashicorp.com/terraform/internals/json-format#state-representation
 */
export function readTerraformState(file: string, text: string, options: { readonly defaultAccountId?: string } = {}): StateFacts & { source?: SourceInfo; problems: Problem[] } {
  const read = readJson(file, text, HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const data = isRecord(source.data) ? source.data : undefined;
  if (!data) return { problems: [source.problem('', 'not Terraform state: expected a JSON object', HINT)] };
  if (data['resource_changes'] !== undefined) return { problems: [source.problem('/resource_changes', 'this is a plan, not state', HINT)] };
  let resources: StateResource[];
  let scope: string;
  if (data['version'] === 4 && Array.isArray(data['resources'])) {
    resources = rawResources(source, data['resources']);
    scope = `Terraform state serial ${String(data['serial'] ?? '?')}${typeof data['lineage'] === 'string' ? ` (lineage ${data['lineage']})` : ''}`;
  } else if (typeof data['format_version'] === 'string' && isRecord(data['values'])) {
    resources = shownResources(source, data['values']['root_module'], '/values/root_module');
    scope = `terraform show -json${typeof data['terraform_version'] === 'string' ? `, Terraform ${data['terraform_version']}` : ''}`;
  } else if (typeof data['format_version'] === 'string') {
    // `terraform show -json` of an empty state has no values.
    resources = [];
    scope = 'terraform show -json (no resources)';
  } else {
    return { problems: [source.problem('', 'not Terraform state: expected "version": 4 with resources, or `terraform show -json` output with values', HINT)] };
  }
  const facts = stateFacts(resources, options.defaultAccountId);
  return { ...facts.facts, source: { kind: 'state', file, scope }, problems: facts.problems.map((message) => source.problem('', message, HINT)) };
}

function rawResources(source: JsonSource, list: unknown[]): StateResource[] {
  return list.flatMap((resource, index) => {
    if (!isRecord(resource) || resource['mode'] !== 'managed' || typeof resource['type'] !== 'string' || !Array.isArray(resource['instances'])) return [];
    const type = resource['type'];
    return resource['instances'].flatMap((instance: unknown, instanceIndex) =>
      isRecord(instance) && isRecord(instance['attributes']) ? [{ type, values: instance['attributes'], from: source.ref(`/resources/${index}/instances/${instanceIndex}`) }] : [],
    );
  });
}

function shownResources(source: JsonSource, module: unknown, at: string): StateResource[] {
  if (!isRecord(module)) return [];
  const own = Array.isArray(module['resources'])
    ? module['resources'].flatMap((resource: unknown, index) =>
        isRecord(resource) && resource['mode'] === 'managed' && typeof resource['type'] === 'string' && isRecord(resource['values'])
          ? [{ type: resource['type'], values: resource['values'], from: source.ref(`${at}/resources/${index}`) }]
          : [],
      )
    : [];
  const children = Array.isArray(module['child_modules']) ? module['child_modules'].flatMap((child: unknown, index) => shownResources(source, child, `${at}/child_modules/${index}`)) : [];
  return [...own, ...children];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
