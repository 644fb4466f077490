import { positionAt } from '../../jd/source-position';
import type { Problem } from '../../load/problem';

/** One entry of a plan's `resource_changes`, as `terraform show -json PLANFILE` writes it. */
export interface PlanResourceChange {
  readonly address: string;
  readonly type: string;
  readonly providerName: string;
  /** `["create"]`, `["update"]`, `["delete"]`, `["delete","create"]`, `["create","delete"]`, `["no-op"]`, `["read"]`. */
  readonly actions: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
  /** The same shape as `after`, `true` where a value is known only after apply. */
  readonly afterUnknown: unknown;
}

/** A plan file read: its resource changes, and the Terraform version that wrote it. */
export interface ReadPlan {
  readonly file: string;
  readonly terraformVersion?: string;
  readonly changes: readonly PlanResourceChange[];
}

const SHOW_HINT = 'give the output of `terraform show -json PLANFILE`, where PLANFILE comes from `terraform plan -out=PLANFILE`';

/**
 * Reads the JSON of `terraform show -json PLANFILE` (format 1.x). Nothing in it is trusted: every field is
 * checked for its type, and a file that is not such a plan gives positioned problems, never a throw.
 * https://developer.hashicorp.com/terraform/internals/json-format#plan-representation
 */
export function readPlan(file: string, text: string): { plan?: ReadPlan; problems: Problem[] } {
  const at = (offset: number, message: string, hint = SHOW_HINT): Problem => ({
    severity: 'error',
    file,
    ...positionAt(text, offset),
    message,
    hint,
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const offset = Number(/position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? text.length);
    return { problems: [at(Math.min(offset, text.length), 'not JSON: a plan summary reads `terraform show -json` output')] };
  }
  if (!isObject(data)) return { problems: [at(0, 'not a Terraform plan: expected a JSON object')] };
  const format = data['format_version'];
  if (typeof format !== 'string' || !/^1\./.test(format)) {
    return {
      problems: [at(offsetOf(text, 'format_version'), `not a Terraform plan: format_version ${JSON.stringify(format ?? null)} is not 1.x`)],
    };
  }
  const raw = data['resource_changes'];
  if (raw === undefined && isObject(data['values'])) {
    return { problems: [at(offsetOf(text, 'values'), 'this is state, not a plan: it has values and no resource_changes')] };
  }
  if (raw !== undefined && !Array.isArray(raw))
    return { problems: [at(offsetOf(text, 'resource_changes'), 'resource_changes is not a list')] };
  const problems: Problem[] = [];
  const changes: PlanResourceChange[] = [];
  (raw ?? []).forEach((entry: unknown, index: number) => {
    const change = isObject(entry) ? entry['change'] : undefined;
    const actions = isObject(change) ? change['actions'] : undefined;
    if (
      !isObject(entry) ||
      typeof entry['address'] !== 'string' ||
      typeof entry['type'] !== 'string' ||
      !isObject(change) ||
      !isStringList(actions)
    ) {
      problems.push(
        at(
          offsetOf(text, 'resource_changes'),
          `resource_changes[${index}] is not a resource change: it needs address, type and change.actions`,
        ),
      );
      return;
    }
    changes.push({
      address: entry['address'],
      type: entry['type'],
      providerName: typeof entry['provider_name'] === 'string' ? entry['provider_name'] : '',
      actions,
      before: change['before'] ?? null,
      after: change['after'] ?? null,
      afterUnknown: change['after_unknown'] ?? false,
    });
  });
  if (problems.length > 0) return { problems };
  const version = data['terraform_version'];
  return { plan: { file, ...(typeof version === 'string' ? { terraformVersion: version } : {}), changes }, problems: [] };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Where a top-level key is written, for the problem's position (the start when it is not found). */
function offsetOf(text: string, key: string): number {
  const found = text.indexOf(`"${key}"`);
  return found < 0 ? 0 : found;
}
