import { compareActions, compareCodeUnits } from './action-name';
import { contentSid, type PolicyStatementJson } from './policy-document';
import type { ConditionBlock, Statement } from './statement';

/**
 * Merges and normalises statements for compilation, so that equal permissions always compile to equal JSON:
 * - statements with the same effect, resources and conditions become one;
 * - actions are de-duplicated ignoring case (the spelling lowest in code-unit order wins), actions covered by
 *   a `prefix*` pattern in the same statement are dropped (`s3:GetObject` next to `s3:Get*`), and the rest
 *   are sorted ignoring case;
 * - resources are de-duplicated and sorted, and collapse to `*` when `*` is among them;
 * - condition operators, keys and values are sorted (a one-value list becomes a string);
 * - statements are sorted by effect, resources and conditions, and get a Sid hashed from those, so a Sid
 *   stays put when actions are added. A Sid written in the YAML is not kept.
 */
export function mergeStatements(statements: readonly Statement[]): PolicyStatementJson[] {
  const groups = new Map<
    string,
    { effect: 'Allow' | 'Deny'; resources: readonly string[]; conditions?: ConditionBlock; actions: string[] }
  >();
  for (const statement of statements) {
    const resources = canonicalResources(statement.resources);
    const conditions = canonicalConditions(statement.conditions);
    const key = JSON.stringify([statement.effect, resources, conditions ?? null]);
    const group = groups.get(key) ?? {
      effect: statement.effect,
      resources,
      ...(conditions === undefined ? {} : { conditions }),
      actions: [],
    };
    group.actions.push(...statement.actions);
    groups.set(key, group);
  }
  const seen = new Map<string, number>();
  return [...groups.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, group]) => {
      const base = contentSid(group.effect, key);
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const statement: PolicyStatementJson = {
        Sid: count === 1 ? base : `${base}N${count}`,
        Effect: group.effect,
        Action: canonicalActions(group.actions),
        Resource: group.resources,
      };
      return group.conditions === undefined ? statement : { ...statement, Condition: group.conditions };
    });
}

/** De-duplicates actions ignoring case, drops those a `prefix*` pattern covers, sorts ignoring case. */
export function canonicalActions(actions: readonly string[]): string[] {
  const byLower = new Map<string, string>();
  for (const action of actions) {
    const key = action.toLowerCase();
    const current = byLower.get(key);
    if (current === undefined || compareCodeUnits(action, current) < 0) byLower.set(key, action);
  }
  // Only `literal*` patterns are used to drop others: B ⊆ `P*` exactly when B's literal head starts with P.
  const prefixes = [...byLower.keys()].filter((action) => action.endsWith('*') && !/[*?]/.test(action.slice(0, -1)));
  return [...byLower.entries()]
    .filter(([lower]) => {
      const head = /^[^*?]*/.exec(lower)?.[0] ?? lower;
      return !prefixes.some((pattern) => pattern !== lower && head.startsWith(pattern.slice(0, -1)));
    })
    .map(([, action]) => action)
    .sort(compareActions);
}

function canonicalResources(resources: readonly string[]): readonly string[] {
  return resources.includes('*') ? ['*'] : [...new Set(resources)].sort(compareCodeUnits);
}

function canonicalConditions(conditions: ConditionBlock | undefined): ConditionBlock | undefined {
  if (conditions === undefined) return undefined;
  const operators = Object.keys(conditions)
    .sort(compareCodeUnits)
    .flatMap((operator): [string, Record<string, string | readonly string[] | boolean>][] => {
      const keys = conditions[operator] ?? {};
      const entries = Object.keys(keys)
        .sort(compareCodeUnits)
        .map((key): [string, string | readonly string[] | boolean] => [key, canonicalValue(keys[key] ?? [])]);
      return entries.length === 0 ? [] : [[operator, Object.fromEntries(entries)]];
    });
  return operators.length === 0 ? undefined : Object.fromEntries(operators);
}

function canonicalValue(value: string | readonly string[] | boolean): string | readonly string[] | boolean {
  if (typeof value !== 'object') return value;
  const values = [...new Set(value)].sort(compareCodeUnits);
  return values.length === 1 ? (values[0] as string) : values;
}
