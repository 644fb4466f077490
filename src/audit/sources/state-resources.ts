import type { z } from 'zod';
import type { Problem } from '../../load/problem';
import type { SourceRef } from '../../model/types';
import { checkShape, type JsonSource } from './json-source';

/** The hint of every problem of a state: the commands that write a state Terraform can read (https://developer.hashicorp.com/terraform/cli/commands/state/pull). */
export const STATE_HINT =
  'give a Terraform state file (`terraform state pull > state.json`) or the output of `terraform show -json` (README, Auditing)';

/** A managed resource instance of a state: its type, address, attributes and where they are written (https://developer.hashicorp.com/terraform/internals/json-format#values-representation). */
export interface StateResource {
  readonly type: string;
  /** `module.x.aws_iam_user.this["ada"]`, for messages. */
  readonly address: string;
  /** The attributes as parsed, not yet checked. */
  readonly values: unknown;
  /** JSON pointer of the attributes object. */
  readonly at: string;
  /** Where the resource's (or instance's) entry starts. */
  readonly from: SourceRef;
}

/** The state being reduced: its source, resources and the problems found so far (https://developer.hashicorp.com/terraform/internals/json-format#state-representation). */
export interface StateContext {
  readonly source: JsonSource;
  readonly resources: readonly StateResource[];
  readonly problems: Problem[];
}

/** A resource whose attributes passed its type's schema (https://developer.hashicorp.com/terraform/internals/json-format#values-representation). */
export interface TypedResource<T> {
  readonly value: T;
  readonly resource: StateResource;
}

/** The resources of a type whose attributes match the schema (hashicorp/aws, integrations/github, PagerDuty names); a problem per issue of the others. https://registry.terraform.io/browse/providers */
export function typed<S extends z.ZodType>(context: StateContext, type: string, schema: S): TypedResource<z.output<S>>[] {
  return context.resources
    .filter((resource) => resource.type === type)
    .flatMap((resource) => {
      const checked = checkShape(context.source, resource.at, resource.values, schema, STATE_HINT);
      context.problems.push(...checked.problems);
      return checked.value === undefined ? [] : [{ value: checked.value, resource }];
    });
}

/** True when the state has a resource of one of the types (https://developer.hashicorp.com/terraform/internals/json-format#state-representation). */
export function hasAny(context: StateContext, types: readonly string[]): boolean {
  return context.resources.some((resource) => types.includes(resource.type));
}
