import { compareText } from '../../load/problem';
import type { Statement } from '../iam/statement';

/** Sorts and de-duplicates a statement's actions and resources (IAM action names are case-insensitive). */
export function normalizeStatement(statement: Statement): Statement {
  return {
    ...(statement.sid ? { sid: statement.sid } : {}),
    effect: statement.effect,
    actions: uniqueSorted(statement.actions, (action) => action.toLowerCase()),
    resources: uniqueSorted(statement.resources, (resource) => resource),
    ...(statement.conditions ? { conditions: sortConditions(statement.conditions) } : {}),
  };
}

/**
 * Merges statements that share effect, resources and conditions into one with the union of their
 * actions, and sorts the result, so the same access always yields the same statements.
 */
export function mergeStatements(statements: readonly Statement[]): Statement[] {
  const merged = new Map<string, Statement>();
  for (const statement of statements) {
    const key = JSON.stringify([statement.effect, statement.resources, statement.conditions ?? null]);
    const existing = merged.get(key);
    merged.set(
      key,
      existing
        ? { ...existing, sid: undefined, actions: uniqueSorted([...existing.actions, ...statement.actions], (a) => a.toLowerCase()) }
        : { ...statement, sid: undefined },
    );
  }
  return [...merged.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, statement]) => {
      const { sid: _sid, ...rest } = statement;
      return rest;
    });
}

function uniqueSorted(values: readonly string[], keyOf: (value: string) => string): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) if (!byKey.has(keyOf(value))) byKey.set(keyOf(value), value);
  return [...byKey.entries()].sort(([a], [b]) => compareText(a, b)).map(([, value]) => value);
}

function sortConditions(conditions: NonNullable<Statement['conditions']>): NonNullable<Statement['conditions']> {
  const sorted: Record<string, Record<string, string | string[] | boolean>> = {};
  for (const operator of Object.keys(conditions).sort()) {
    const inner = conditions[operator] ?? {};
    sorted[operator] = {};
    for (const key of Object.keys(inner).sort()) {
      const value = inner[key];
      if (value !== undefined) sorted[operator][key] = typeof value === 'object' ? [...value].sort() : value;
    }
  }
  return sorted;
}
