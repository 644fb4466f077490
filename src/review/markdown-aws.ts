import type { RiskLevel } from '../schema';
import { compareText } from '../util/compare-text';
import type { AwsChanges, AwsStatementChange, ManagedPolicyChange, PersonChange } from './diff-types';
import { mdCode, mdCodeList } from './markdown-text';

/**
 * A person's AWS changes in a comment. A capability gained or lost whole (held on one side only) is one
 * line naming where it reaches; statement rows are kept for what changed inside a capability the
 * person holds on both sides (its definition changed), which no capability line explains.
 */

/** One line per capability a person holds on one side only: its risk and where its AWS access lies. */
export function wholeCapabilityLines(person: PersonChange, levels: ReadonlyMap<string, RiskLevel>): string[] {
  const line = (verb: string, id: string, statements: readonly AwsStatementChange[], policies: readonly ManagedPolicyChange[]): string => {
    const level = levels.get(id);
    const reach = awsReach(
      statements.filter((statement) => statement.capabilities.includes(id)),
      policies.filter((policy) => policy.capabilities.includes(id)),
    );
    return `- ${verb} ${mdCode(id)}${level ? ` · ${level}` : ''}${reach ? ` · ${reach}` : ''}`;
  };
  return [
    ...person.capabilities.added.map((id) => line('gains', id, person.aws.gained, person.aws.policiesGained)),
    ...person.capabilities.removed.map((id) => line('loses', id, person.aws.lost, person.aws.policiesLost)),
  ];
}

/**
 * `AWS prod, staging: cloudwatch (list, read), logs (read); managed policy SecurityAudit (prod)`:
 * accounts with the same services and access levels share one entry.
 */
function awsReach(statements: readonly AwsStatementChange[], policies: readonly ManagedPolicyChange[]): string {
  const byAccount = new Map<string, Map<string, Set<string>>>();
  let denies = 0;
  for (const statement of statements) {
    if (statement.effect === 'Deny') {
      denies += 1;
      continue;
    }
    const services = byAccount.get(statement.account) ?? new Map<string, Set<string>>();
    byAccount.set(statement.account, services);
    const levels = services.get(statement.service) ?? new Set<string>();
    services.set(statement.service, levels);
    levels.add(statement.level);
  }
  const reaches = new Map<string, string[]>();
  for (const [account, services] of [...byAccount.entries()].sort(([a], [b]) => compareText(a, b))) {
    const listed = [...services.entries()].sort(([a], [b]) => compareText(a, b));
    const shown = listed.slice(0, 6).map(([service, levels]) => `${mdCode(service)} (${[...levels].sort(compareText).join(', ')})`);
    const reach = `${shown.join(', ')}${listed.length > 6 ? ` and ${listed.length - 6} more services` : ''}`;
    reaches.set(reach, [...(reaches.get(reach) ?? []), account]);
  }
  const parts = [...reaches.entries()].map(([reach, accounts]) => `AWS ${mdCodeList(accounts, 5)}: ${reach}`);
  if (denies) parts.push(`${denies} deny statement${denies === 1 ? '' : 's'} with it`);
  const byPolicy = new Map<string, string[]>();
  for (const policy of policies) byPolicy.set(policy.arn, [...(byPolicy.get(policy.arn) ?? []), policy.account]);
  for (const [arn, accounts] of [...byPolicy.entries()].sort(([a], [b]) => compareText(a, b))) {
    parts.push(`managed policy ${mdCode(arn.replace(/^arn:aws:iam::aws:policy\//, ''))} in ${mdCodeList(accounts, 5)}`);
  }
  return parts.join('; ');
}

/**
 * The statements and policies of a change that no whole capability explains, and every deny that
 * changes what is allowed by itself (a hire's new deny over access they already held is shown).
 */
export function partialAws(person: PersonChange): AwsChanges {
  const outside = (whole: readonly string[]) => (change: { readonly capabilities: readonly string[] }) =>
    !change.capabilities.some((id) => whole.includes(id));
  const kept = (whole: readonly string[]) => (statement: AwsStatementChange) =>
    outside(whole)(statement) || (statement.effect === 'Deny' && statement.effective !== false);
  const { added, removed } = person.capabilities;
  return {
    gained: person.aws.gained.filter(kept(added)),
    lost: person.aws.lost.filter(kept(removed)),
    policiesGained: person.aws.policiesGained.filter(outside(added)),
    policiesLost: person.aws.policiesLost.filter(outside(removed)),
  };
}

/** What a statement row does, in words: a deny says whether it changes what is allowed. */
function changeWords(statement: AwsStatementChange, side: 'gained' | 'lost'): string {
  if (statement.effect === 'Allow') return side === 'gained' ? '+ allow' : '− allow';
  if (statement.effective === false)
    return side === 'gained' ? '+ deny, with the access it narrows' : '− deny, with the access it narrowed';
  return side === 'gained' ? '**deny added**: narrows kept access' : '**deny lifted**';
}

/** AWS statements and managed policies gained and lost, as tables of at most 7 columns. */
export function awsTable(aws: AwsChanges): string[] {
  const rows = [
    ...aws.gained.map((statement) => ['gained', statement] as const),
    ...aws.lost.map((statement) => ['lost', statement] as const),
  ].map(([side, statement]) =>
    [
      changeWords(statement, side),
      mdCode(statement.account),
      `${mdCodeList(statement.actions, 12)}${statement.level === 'unknown' ? '' : ` (${statement.level})`}`,
      mdCodeList(statement.resources, 4),
      statement.conditions ? mdCode(statement.conditions, 200) : '',
      statement.risk,
      mdCodeList(statement.capabilities, 3),
    ].join(' | '),
  );
  const policies = [
    ...aws.policiesGained.map((policy) => ['+', policy] as const),
    ...aws.policiesLost.map((policy) => ['−', policy] as const),
  ].map(([sign, policy]) =>
    [sign, mdCode(policy.account), mdCode(policy.arn), policy.risk, mdCodeList(policy.capabilities, 3)].join(' | '),
  );
  const lines: string[] = [];
  if (rows.length) {
    lines.push(
      '| change | account | actions | resources | conditions | risk | capability |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    lines.push(...rows.map((row) => `| ${row} |`), '');
  }
  if (policies.length) {
    lines.push('| | account | managed policy | risk | capability |', '| --- | --- | --- | --- | --- |');
    lines.push(...policies.map((row) => `| ${row} |`), '');
  }
  return lines;
}
