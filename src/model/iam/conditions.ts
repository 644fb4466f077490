import type { ConditionBlock } from './statement';

/** What rolecall makes of one condition of a statement, for risk. */
export interface ConditionNote {
  /** `Operator key`, e.g. `StringEquals ssm:resourceTag/role`. */
  readonly condition: string;
  /**
   * - `resources`: narrows which resources the statement reaches; its resources are not rated broad;
   * - `context`: narrows when or from where it can be used (MFA, network); shown, the level is kept;
   * - `ignored`: not taken into account, with why.
   */
  readonly effect: 'resources' | 'context' | 'ignored';
  readonly why: string;
}

/** The conditions of one statement as risk sees them. */
export interface ConditionReading {
  /** True when at least one condition narrows the resources (all conditions of a statement must hold). */
  readonly narrowsResources: boolean;
  readonly notes: readonly ConditionNote[];
}

/** Keys that narrow which resources are reached, by lower-case pattern. */
const RESOURCE_KEYS: readonly RegExp[] = [
  /^[a-z0-9-]+:resourcetag\/.+/,
  /^s3:existingobjecttag\/.+/,
  /^aws:resourceaccount$/,
  /^aws:resourceorgid$/,
  /^aws:resourceorgpaths$/,
  /^s3:prefix$/,
];

/** Keys that narrow when or from where a statement can be used, with what value narrows. */
const CONTEXT_KEYS: Readonly<Record<string, { readonly operators: readonly string[]; readonly values?: (value: string) => boolean }>> = {
  'aws:multifactorauthpresent': { operators: ['bool'], values: (value) => value.toLowerCase() === 'true' },
  'aws:multifactorauthage': { operators: ['numericlessthan', 'numericlessthanequals'], values: (value) => /^\d+$/.test(value) },
  'aws:sourcevpc': { operators: ['stringequals', 'stringlike'] },
  'aws:sourcevpce': { operators: ['stringequals', 'stringlike'] },
  'aws:sourceip': { operators: ['ipaddress'] },
  'aws:vpcsourceip': { operators: ['ipaddress'] },
  'aws:requestedregion': { operators: ['stringequals', 'stringlike'] },
  'aws:viaawsservice': { operators: ['bool'], values: (value) => value.toLowerCase() === 'true' },
};

/** Operators that demand a value: the statement applies only when the key holds one of the values. */
const NARROWING_OPERATORS = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'arnequals',
  'arnlike',
  'bool',
  'numericequals',
  'numericlessthan',
  'numericlessthanequals',
  'ipaddress',
]);

/**
 * Reads a statement's conditions the way IAM evaluates them, conservatively: only a positive operator on
 * a key that is present narrows anything. `…IfExists` and `ForAllValues:` hold when the key is missing,
 * negated operators (`StringNotEquals`…) allow everything but some values, and a value that is only
 * wildcards matches anything: none of them is taken into account.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function readConditions(block: ConditionBlock | undefined): ConditionReading {
  const notes: ConditionNote[] = [];
  for (const [operator, keys] of Object.entries(block ?? {})) {
    for (const [key, raw] of Object.entries(keys)) {
      notes.push({ condition: `${operator} ${key}`, ...classify(operator, key, valuesOf(raw)) });
    }
  }
  return { narrowsResources: notes.some((note) => note.effect === 'resources'), notes };
}

function classify(operator: string, key: string, values: readonly string[]): Pick<ConditionNote, 'effect' | 'why'> {
  const op = operator.toLowerCase();
  const name = key.toLowerCase();
  if (op.endsWith('ifexists')) return ignored('…IfExists holds when the key is missing');
  if (op.startsWith('forallvalues:')) return ignored('ForAllValues holds when the key is missing');
  const base = op.replace(/^foranyvalue:/, '');
  if (!NARROWING_OPERATORS.has(base)) return ignored(`${operator} does not narrow to named values`);
  if (values.length === 0 || values.some((value) => /^[*?]*$/.test(value))) return ignored('a wildcard value matches anything');
  if (RESOURCE_KEYS.some((pattern) => pattern.test(name))) {
    return { effect: 'resources', why: 'only resources with these values: the statement is rated as scoped' };
  }
  const context = CONTEXT_KEYS[name];
  if (context !== undefined) {
    if (!context.operators.includes(base) || (context.values !== undefined && !values.every(context.values))) {
      return ignored(`${operator} on ${key} does not require it`);
    }
    return { effect: 'context', why: 'limits when or from where, not what: shown, the level is kept' };
  }
  if (name === 'iam:passedtoservice') return ignored('limits the service a role is passed to, not which roles');
  return ignored('rolecall does not rate this key');
}

function ignored(why: string): Pick<ConditionNote, 'effect' | 'why'> {
  return { effect: 'ignored', why };
}

function valuesOf(raw: string | readonly string[] | boolean): readonly string[] {
  if (typeof raw === 'boolean') return [String(raw)];
  return typeof raw === 'string' ? [raw] : raw;
}
