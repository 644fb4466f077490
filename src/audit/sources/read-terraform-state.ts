import { z } from 'zod';
import type { Problem } from '../../load/problem';
import type { ActualGithub, ActualIdentityCenter, ActualPagerdutyUser } from '../actual';
import { checkItems, checkShape, describeValue, isRecord, readJson, readList, type JsonSource, type SourceRead } from './json-source';
import { stateGithub } from './state-github';
import { stateIam, type StateIam } from './state-iam';
import { stateIdentityCenter, statePagerdutyUsers } from './state-identity';
import { STATE_HINT, type StateResource } from './state-resources';

const RawState = z.object({
  version: z.number(),
  serial: z.number().optional(),
  lineage: z.string().optional(),
  resources: z.array(z.unknown()).default([]),
});
const RawResource = z.object({
  mode: z.string(),
  type: z.string(),
  name: z.string(),
  module: z.string().optional(),
  instances: z.array(z.object({ index_key: z.union([z.string(), z.number()]).optional(), attributes: z.record(z.string(), z.unknown()) })),
});
const Shown = z.object({
  format_version: z.string(),
  terraform_version: z.string().optional(),
  values: z.object({ root_module: z.unknown().optional() }).nullish(),
});
const ShownModule = z.object({ resources: z.array(z.unknown()).default([]), child_modules: z.array(z.unknown()).default([]) });
const ShownResource = z.object({ address: z.string(), mode: z.string(), type: z.string(), name: z.string() });
const ShownValues = z.object({ values: z.record(z.string(), z.unknown()) });

/** What a state holds, by kind: https://developer.hashicorp.com/terraform/internals/json-format#state-representation */
export interface StateFacts {
  readonly iam?: StateIam;
  readonly github?: ActualGithub;
  readonly identityCenter?: ActualIdentityCenter;
  readonly pagerduty?: { readonly users: ActualPagerdutyUser[] };
}

/** Options of {@link readTerraformState}: the account of IAM resources whose account nothing in the state names (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). */
export interface StateOptions {
  readonly defaultAccountId?: string;
}

/**
 * Reads a Terraform state file (`version: 4`, as `terraform state pull` writes) or `terraform show -json` of
 * a state, and reduces the managed resources rolecall writes (IAM, GitHub, Identity Center, PagerDuty) to
 * the facts of actual.ts: what the last apply left. A plan is refused.
 * https://developer.hashicorp.com/terraform/internals/json-format#state-representation
 */
export function readTerraformState(file: string, text: string, options: StateOptions = {}): SourceRead<StateFacts> {
  const read = readJson(file, text, STATE_HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const data = source.data;
  if (!isRecord(data))
    return { problems: [source.problem('', `the document: expected a Terraform state object, not ${describeValue(data)}`, STATE_HINT)] };
  const planKey = ['resource_changes', 'planned_values', 'prior_state'].find((key) => key in data);
  if (planKey !== undefined) {
    return {
      problems: [
        source.problem(
          `/${planKey}`,
          `${planKey}: this is a plan, not a state`,
          'a plan shows what would change; run `terraform show -json` with no plan file (or `terraform state pull`) for what is applied',
        ),
      ],
    };
  }
  const problems: Problem[] = [];
  let resources: StateResource[];
  let scope: string;
  if ('format_version' in data) {
    const shown = checkShape(source, '', data, Shown, STATE_HINT);
    if (!shown.value) return { problems: shown.problems };
    resources = shownResources(source, shown.value.values?.root_module, '/values/root_module', problems);
    scope = `terraform show -json${shown.value.terraform_version ? `, Terraform ${shown.value.terraform_version}` : ''}`;
  } else if ('version' in data) {
    const raw = checkShape(source, '', data, RawState, STATE_HINT);
    if (!raw.value) return { problems: raw.problems };
    if (isRecord(data['backend'])) {
      return {
        problems: [
          source.problem(
            '/backend',
            'backend: this is the backend configuration Terraform keeps in .terraform/terraform.tfstate, not a state',
            "run `terraform state pull > state.json` in the stack's directory",
          ),
        ],
      };
    }
    if (raw.value.version !== 4) {
      const hint = 'Terraform 0.12 and later write version 4: `terraform state pull > state.json` with a current Terraform';
      return {
        problems: [
          source.problem('/version', `version: ${raw.value.version}, expected 4: not a state this version of Terraform writes`, hint),
        ],
      };
    }
    resources = rawResources(source, data['resources'], problems);
    const { serial, lineage } = raw.value;
    scope = `Terraform state${serial !== undefined ? ` serial ${serial}` : ''}${lineage ? ` (lineage ${lineage})` : ''}`;
  } else {
    return {
      problems: [
        source.problem(
          '',
          'the document: expected a Terraform state ("version": 4 and resources) or `terraform show -json` output ("format_version" and values)',
          STATE_HINT,
        ),
      ],
    };
  }
  const context = { source, resources, problems };
  const iam = stateIam(context, options.defaultAccountId);
  const github = stateGithub(context);
  const identityCenter = stateIdentityCenter(context);
  const pagerduty = statePagerdutyUsers(context);
  return {
    actual: {
      ...(iam ? { iam } : {}),
      ...(github ? { github } : {}),
      ...(identityCenter ? { identityCenter } : {}),
      ...(pagerduty ? { pagerduty: { users: pagerduty } } : {}),
    },
    source: { kind: 'state', file, scope },
    problems,
  };
}

/** The managed resource instances of a state file (https://developer.hashicorp.com/terraform/internals/json-format#state-representation). */
function rawResources(source: JsonSource, list: unknown, problems: Problem[]): StateResource[] {
  return checkItems(source, readList(source, list, '/resources', STATE_HINT, problems), RawResource, STATE_HINT, problems).flatMap(
    ({ value, at }) => {
      if (value.mode !== 'managed') return [];
      const base = `${value.module ? `${value.module}.` : ''}${value.type}.${value.name}`;
      return value.instances.map((instance, index): StateResource => {
        const entry = `${at}/instances/${index}`;
        const key = instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`;
        return {
          type: value.type,
          address: `${base}${key}`,
          values: rawValue(source.data, entry, 'attributes'),
          at: `${entry}/attributes`,
          from: source.ref(entry),
        };
      });
    },
  );
}

/** The managed resources of a module of `terraform show -json` and of its child modules (https://developer.hashicorp.com/terraform/internals/json-format#values-representation). */
function shownResources(source: JsonSource, module: unknown, at: string, problems: Problem[]): StateResource[] {
  if (module === undefined) return [];
  const checked = checkShape(source, at, module, ShownModule, STATE_HINT);
  problems.push(...checked.problems);
  if (!checked.value) return [];
  const own = checkItems(
    source,
    readList(source, checked.value.resources, `${at}/resources`, STATE_HINT, problems),
    ShownResource,
    STATE_HINT,
    problems,
  ).flatMap(({ value, at: entry }): StateResource[] => {
    if (value.mode !== 'managed') return [];
    const values = checkShape(source, entry, rawValue(source.data, entry), ShownValues, STATE_HINT);
    problems.push(...values.problems);
    return values.value
      ? [
          {
            type: value.type,
            address: value.address,
            values: rawValue(source.data, entry, 'values'),
            at: `${entry}/values`,
            from: source.ref(entry),
          },
        ]
      : [];
  });
  const children = checked.value.child_modules.flatMap((child, index) =>
    shownResources(source, child, `${at}/child_modules/${index}`, problems),
  );
  return [...own, ...children];
}

/** The value at a JSON pointer of the parsed document, then a key: the attributes as JSON.parse gave them, unchecked. */
function rawValue(data: unknown, at: string, key?: string): unknown {
  const parts = at.split('/').slice(1);
  let current = data;
  for (const part of key === undefined ? parts : [...parts, key]) {
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isRecord(current) && Object.prototype.hasOwnProperty.call(current, part)) current = current[part];
    else return undefined;
  }
  return current;
}
