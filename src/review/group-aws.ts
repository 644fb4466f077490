import { compareText } from '../util/compare-text';
import type { RiskLevel } from '../schema';
import type { AwsTuple, Held, Provider } from './access-set';
import type { AwsStatementChange, ManagedPolicyChange } from './diff-types';

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** The highest risk of any provider. */
export function highestRisk(providers: readonly Provider[]): RiskLevel {
  return providers.reduce<RiskLevel>((top, provider) => (RANK[provider.risk] > RANK[top] ? provider.risk : top), 'low');
}

/** Capability ids of the providers, each once, sorted. */
export function capabilitiesOf(providers: readonly Provider[]): string[] {
  return [...new Set(providers.map((provider) => provider.capability))].sort(compareText);
}

/**
 * Groups tuples into the fewest readable statements without changing what they mean: actions that share
 * exactly the same resources (and account, effect, service, level, conditions, risk and capabilities)
 * are listed together, so each group is every listed action on every listed resource.
 */
export function groupStatements(
  tuples: readonly Held<AwsTuple>[],
  effective: (deny: AwsTuple) => boolean = () => false,
): AwsStatementChange[] {
  const byAction = new Map<
    string,
    { tuple: AwsTuple; risk: RiskLevel; capabilities: string[]; resources: string[]; effective?: boolean }
  >();
  for (const { item, providers } of tuples) {
    if (item.kind !== 'action') continue;
    const risk = highestRisk(providers);
    const capabilities = capabilitiesOf(providers);
    // Per resource: one deny of a statement may lift access on one resource and not on another.
    const deny = item.effect === 'Deny' ? effective(item) : undefined;
    const key = [
      item.accountId,
      item.account,
      item.effect,
      item.service,
      item.level,
      item.conditions ?? '',
      risk,
      capabilities.join(','),
      String(deny),
      item.action,
    ].join('\u0000');
    const entry = byAction.get(key);
    if (entry) entry.resources.push(item.resource);
    else
      byAction.set(key, {
        tuple: item,
        risk,
        capabilities,
        resources: [item.resource],
        ...(deny !== undefined ? { effective: deny } : {}),
      });
  }
  const groups = new Map<string, AwsStatementChange & { actions: string[] }>();
  for (const { tuple, risk, capabilities, resources, effective: deny } of byAction.values()) {
    const sorted = [...new Set(resources)].sort(compareText);
    const key = [
      tuple.accountId,
      tuple.account,
      tuple.effect,
      tuple.service,
      tuple.level,
      tuple.conditions ?? '',
      risk,
      capabilities.join(','),
      String(deny),
      sorted.join('\u0001'),
    ].join('\u0000');
    const group = groups.get(key);
    if (group) group.actions.push(tuple.action);
    else {
      groups.set(key, {
        account: tuple.account,
        accountId: tuple.accountId,
        effect: tuple.effect,
        service: tuple.service,
        level: tuple.level,
        actions: [tuple.action],
        resources: sorted,
        ...(tuple.conditions ? { conditions: tuple.conditions } : {}),
        risk,
        capabilities,
        ...(deny !== undefined ? { effective: deny } : {}),
      });
    }
  }
  return [...groups.values()].map((group) => ({ ...group, actions: [...group.actions].sort(compareActionText) })).sort(compareStatements);
}

/** Managed policies among the tuples, sorted by account and ARN. */
export function groupPolicies(tuples: readonly Held<AwsTuple>[]): ManagedPolicyChange[] {
  return tuples
    .filter(({ item }) => item.kind === 'policy')
    .map(({ item, providers }) => ({
      account: item.account,
      accountId: item.accountId,
      arn: item.action,
      risk: highestRisk(providers),
      capabilities: capabilitiesOf(providers),
    }))
    .sort(
      (a, b) => compareText(a.account, b.account) || compareText(a.arn.toLowerCase(), b.arn.toLowerCase()) || compareText(a.arn, b.arn),
    );
}

/** Orders statement groups: account, effect, service, level, then their first action and resource. */
export function compareStatements(a: AwsStatementChange, b: AwsStatementChange): number {
  return (
    compareText(a.account, b.account) ||
    compareText(a.accountId, b.accountId) ||
    compareText(a.effect, b.effect) ||
    compareText(a.service, b.service) ||
    compareText(a.level, b.level) ||
    compareText((a.actions[0] ?? '').toLowerCase(), (b.actions[0] ?? '').toLowerCase()) ||
    compareText(a.actions.join(','), b.actions.join(',')) ||
    compareText(a.resources.join(','), b.resources.join(',')) ||
    compareText(a.conditions ?? '', b.conditions ?? '') ||
    compareText(a.risk, b.risk) ||
    compareText(a.capabilities.join(','), b.capabilities.join(',')) ||
    compareText(String(a.effective), String(b.effective))
  );
}

function compareActionText(a: string, b: string): number {
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}
