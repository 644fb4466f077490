/**
 * A Terraform state (format 4) as if a plan had been applied, made offline: each planned resource with
 * its planned values, and every value known only after apply filled in, by the provider schema's type,
 * or, where the configuration sets it from another resource, with that resource's filled value. A plan
 * of changed configuration against this state (`-refresh=false`) then shows updates and destroys the
 * way one against a real account would. Test scaffolding only: AWS itself is never reached.
 */

type Json = Record<string, unknown>;

interface PlannedResource {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly schema_version: number;
  readonly values: Json;
}

export function stateFromPlan(plan: Json, schema: Json, account: string): Json {
  const planned = ((plan['planned_values'] as Json)['root_module'] as { resources?: PlannedResource[] }).resources ?? [];
  const unknownOf = new Map(
    ((plan['resource_changes'] as Json[] | undefined) ?? []).map((change) => [
      change['address'] as string,
      ((change['change'] as Json)['after_unknown'] ?? {}) as Json,
    ]),
  );
  const expressionsOf = new Map(
    (((plan['configuration'] as Json)['root_module'] as { resources?: Json[] }).resources ?? []).map((resource) => [
      resource['address'] as string,
      (resource['expressions'] ?? {}) as Json,
    ]),
  );
  const filled = new Map(planned.map((resource) => [resource.address, { ...resource.values }]));
  const deferred: [Json, string, string][] = [];
  for (const resource of planned) {
    const values = filled.get(resource.address) ?? {};
    const attributes = attributeTypes(schema, resource.provider_name, resource.type);
    for (const [key, unknown] of Object.entries(unknownOf.get(resource.address) ?? {})) {
      if (unknown !== true) continue;
      const reference = ((expressionsOf.get(resource.address)?.[key] as Json | undefined)?.['references'] as string[] | undefined)?.[0];
      if (reference !== undefined) deferred.push([values, key, reference]);
      else values[key] = placeholder(attributes[key], key, resource, account);
    }
  }
  for (const [values, key, reference] of deferred) {
    const dot = reference.lastIndexOf('.');
    values[key] = filled.get(reference.slice(0, dot))?.[reference.slice(dot + 1)] ?? `offline-${key}`;
  }
  return {
    version: 4,
    terraform_version: plan['terraform_version'],
    serial: 1,
    lineage: 'rolecall-offline-test',
    outputs: {},
    resources: planned.map((resource) => ({
      mode: resource.mode,
      type: resource.type,
      name: resource.name,
      provider: `provider["${resource.provider_name}"]`,
      instances: [
        {
          ...(resource.index === undefined ? {} : { index_key: resource.index }),
          schema_version: resource.schema_version,
          attributes: filled.get(resource.address),
          sensitive_attributes: [],
        },
      ],
    })),
    check_results: null,
  };
}

function attributeTypes(schema: Json, provider: string, type: string): Json {
  const providers = schema['provider_schemas'] as Record<string, { resource_schemas: Record<string, { block: { attributes?: Json } }> }>;
  return providers[provider]?.resource_schemas[type]?.block.attributes ?? {};
}

function placeholder(attribute: unknown, key: string, resource: PlannedResource, account: string): unknown {
  const type = (attribute as Json | undefined)?.['type'];
  const name = typeof resource.values['name'] === 'string' ? resource.values['name'] : resource.name;
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type)) return type[0] === 'map' || type[0] === 'object' ? {} : [];
  if (key === 'arn') return `arn:aws:iam::${account}:${resource.type.replace(/^aws_iam_/, '')}/${name}`;
  if (key === 'id') return name;
  return `offline-${key}`;
}
