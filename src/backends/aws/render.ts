import type { Statement } from '../../model/types';
import type { GrantRenderer, GrantTextOptions, TargetOf } from '../types';

/** How an AWS grant (one account's statements and managed policies) reads. */
export const awsRenderer: GrantRenderer<'aws'> = {
  explainLines(target, options) {
    const lines = [`grants AWS ${target.account}:`];
    for (const arn of target.managedPolicyArns) lines.push(`  managed policy ${arn}`);
    for (const statement of target.statements) lines.push(...statementLines(statement, options).map((line) => `  ${line}`));
    lines.push(...leftOutLines(target.leftOut));
    return lines;
  },
  accessText(target) {
    const levels = target.levels.map((level) => `${level.service} ${level.levels.join('/')}`);
    const actions = target.statements
      .filter((statement) => statement.effect === 'Allow')
      .reduce((sum, statement) => sum + statement.actions.length, 0);
    const parts = [
      ...levels,
      ...(actions ? [`${actions} allowed action pattern${actions === 1 ? '' : 's'}`] : []),
      ...target.managedPolicyArns,
    ];
    return `AWS ${target.account}: ${parts.join(', ') || 'no actions'}`;
  },
  summary(target, code) {
    const actions = new Set(
      target.statements.filter((statement) => statement.effect === 'Allow').flatMap((statement) => statement.actions),
    );
    const services = [...new Set([...actions].map((action) => action.split(':')[0]))].sort();
    const parts = [
      ...(actions.size ? [`${actions.size} actions (${services.join(', ')})`] : []),
      ...target.managedPolicyArns.map((arn) => `managed policy ${code(arn)}`),
    ];
    return `AWS ${target.account}: ${parts.join(', ') || 'nothing yet'}`;
  },
};

/** Actions the access levels name but that are not granted, because they could not be used as written. */
function leftOutLines(leftOut: TargetOf<'aws'>['leftOut']): string[] {
  if (leftOut.length === 0) return [];
  const wildcard = leftOut.filter((left) => left.why === 'wildcard-only').map((left) => left.action);
  const mismatched = leftOut.filter((left) => left.why === 'no-matching-resource').map((left) => left.action);
  return [
    ...(wildcard.length > 0
      ? [`  left out, they take no resource and work only on "*" (wildcardOnly: include grants them): ${wildcard.join(', ')}`]
      : []),
    ...(mismatched.length > 0 ? [`  left out, none of the resources is of a type they act on: ${mismatched.join(', ')}`] : []),
  ];
}

/** A statement in `explain`: effect, resources and conditions, then its actions, wildcards expanded. */
export function statementLines(statement: Statement, options: GrantTextOptions): string[] {
  const head = `${statement.effect} on ${statement.resources.join(', ')}${statement.conditions ? ` when ${JSON.stringify(statement.conditions)}` : ''}:`;
  const lines = [head];
  for (const action of statement.actions) {
    const expanded = action.includes('*') || action.includes('?') ? options.expandWildcard?.(action) : undefined;
    if (!expanded) {
      lines.push(`  ${action}`);
      continue;
    }
    const shown = expanded.slice(0, 12).join(', ');
    lines.push(`  ${action} = ${expanded.length} actions: ${shown}${expanded.length > 12 ? ', …' : ''}`);
  }
  return lines;
}
