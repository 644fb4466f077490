import { compareText } from '../util/compare-text';
import type { SourceRef } from '../model/types';
import { accessRows, type AccessRow } from './access-rows';
import type { SourceInfo } from './actual';
import { roleDuties } from './rules/role-duties';
import { SEVERITY_ORDER, type AuditContext, type AuditRule, type Finding, type FindingSeverity, type RuleFinding } from './finding';
import { RULE_PACK } from './rule-pack';

/** A rule of the pack and whether it ran: a rule whose sources were not given has nothing to say. */
export interface RuleRun {
  readonly id: string;
  readonly category: AuditRule['category'];
  readonly description: string;
  readonly ran: boolean;
  readonly findings: number;
}

/** The outcome of an audit: every finding, sorted most severe first, and which rules ran on which sources. */
export interface AuditResult {
  readonly asOf: string;
  readonly org: string;
  readonly sources: readonly SourceInfo[];
  readonly rules: readonly RuleRun[];
  readonly findings: readonly Finding[];
  /** How each role's JD duties are covered. */
  readonly coverage: readonly RoleCoverage[];
  /** The user-access review: one row per active person and grant. */
  readonly rows: readonly AccessRow[];
}

/** How a role file covers the duties of its JD. */
export interface RoleCoverage {
  readonly role: string;
  readonly jd: string;
  readonly duties: number;
  readonly mapped: number;
  readonly noAccess: number;
  readonly unmapped: number;
}

/**
 * Runs every rule of the pack over the context. A rule that throws becomes a high finding
 * (`Audit-RuleError[<rule>]`), never a crash; suppressions of org.yaml `audit.suppressions` are applied
 * (an expired one no longer holds, and is reported, as is one that matches nothing).
 */
export function runAudit(context: AuditContext, pack: readonly AuditRule[] = RULE_PACK): AuditResult {
  const runs: RuleRun[] = [];
  const found: Finding[] = [];
  for (const rule of pack) {
    const ran = hasSources(rule, context);
    let produced: readonly RuleFinding[] = [];
    if (ran) {
      try {
        produced = rule.check(context);
      } catch (error) {
        produced = [];
        found.push(
          finding(
            { id: 'Audit-RuleError', category: 'audit' },
            {
              detail: rule.id,
              severity: 'high',
              subject: `rule:${rule.id}`,
              message: `rule ${rule.id} failed, so what it checks is unknown`,
              evidence: [error instanceof Error ? error.message : String(error)],
            },
          ),
        );
      }
    }
    runs.push({ id: rule.id, category: rule.category, description: rule.description, ran, findings: produced.length });
    for (const item of produced) found.push(finding(rule, item));
  }
  const findings = applySuppressions(found, context, new Set(runs.filter((run) => run.ran).map((run) => run.id)));
  return {
    asOf: context.model.asOf,
    org: context.model.org.name,
    sources: context.actual.sources,
    rules: runs,
    findings: sortFindings(findings),
    coverage: roleCoverage(context),
    rows: accessRows(context.model),
  };
}

/** True when at least one finding is at or above `level`, suppressed ones left out. */
export function failsAt(result: AuditResult, level: FindingSeverity): boolean {
  const floor = SEVERITY_ORDER.indexOf(level);
  return result.findings.some((item) => !item.suppressed && SEVERITY_ORDER.indexOf(item.severity) >= floor);
}

function roleCoverage({ bundle }: AuditContext): RoleCoverage[] {
  return bundle.roles
    .flatMap((role) => {
      const read = roleDuties(bundle, role);
      if (!read) return [];
      const mapped = read.duties.filter((duty) => duty.capabilities.length > 0).length;
      const noAccess = read.duties.filter((duty) => duty.capabilities.length === 0 && duty.noAccess !== undefined).length;
      return [
        {
          role: role.value.id,
          jd: read.jdFile,
          duties: read.duties.length,
          mapped,
          noAccess,
          unmapped: read.duties.length - mapped - noAccess,
        },
      ];
    })
    .sort((a, b) => compareText(a.role, b.role));
}

function hasSources(rule: AuditRule, { actual }: AuditContext): boolean {
  switch (rule.needs) {
    case undefined:
      return true;
    case 'iam':
      return actual.iam !== undefined;
    case 'github':
      return actual.github !== undefined;
    case 'identity-center':
      return actual.identityCenter !== undefined;
    case 'last-accessed':
      return actual.lastAccessed !== undefined;
    case 'aws-or-github':
      return (
        actual.iam !== undefined || actual.github !== undefined || actual.identityCenter !== undefined || actual.pagerduty !== undefined
      );
  }
}

function finding(rule: Pick<AuditRule, 'id' | 'category'>, item: RuleFinding): Finding {
  return { ...item, id: `${rule.id}[${item.detail}]`, rule: rule.id, category: rule.category };
}

function applySuppressions(findings: readonly Finding[], { bundle, config, model }: AuditContext, ran: ReadonlySet<string>): Finding[] {
  const org = bundle.org;
  const used = new Set<number>();
  const meta: Finding[] = [];
  const located = config.suppressions.map((suppression, index) => {
    const where = org ? org.source.locate([...org.path, 'audit', 'suppressions', index, 'finding']) : { line: 0 };
    const at: SourceRef = { file: org?.source.file ?? 'org.yaml', line: where.line };
    const expired = suppression.expires !== undefined && suppression.expires < model.asOf;
    return { suppression, index, at, expired };
  });
  const result = findings.map((item) => {
    const match = located.find(({ suppression }) => suppression.finding === item.id || suppression.finding === item.rule);
    if (!match) return item;
    used.add(match.index);
    if (match.expired) return item;
    const { reason, expires } = match.suppression;
    return { ...item, suppressed: { reason, at: match.at, ...(expires ? { expires } : {}) } };
  });
  for (const { suppression, index, at, expired } of located) {
    if (expired && used.has(index)) {
      meta.push(
        finding(
          { id: 'Audit-Suppression', category: 'audit' },
          {
            detail: `expired:${suppression.finding}`,
            severity: 'low',
            subject: suppression.finding,
            message: `the suppression of ${suppression.finding} ran out on ${suppression.expires ?? ''}, so what it covered counts again`,
            evidence: [`${at.file}:${at.line}: ${suppression.reason}`],
          },
        ),
      );
    } else if (
      !used.has(index) &&
      (ran.has(suppression.finding.replace(/\[.*$/s, '')) || !RULE_PACK.some((rule) => suppression.finding.startsWith(rule.id)))
    ) {
      meta.push(
        finding(
          { id: 'Audit-Suppression', category: 'audit' },
          {
            detail: `unused:${suppression.finding}`,
            severity: 'low',
            subject: suppression.finding,
            message: `the suppression of ${suppression.finding} matches no finding of this run`,
            evidence: [`${at.file}:${at.line}: ${suppression.reason}`],
          },
        ),
      );
    }
  }
  return [...result, ...meta];
}

/** Most severe first, then by id: the same findings in any order give the same list. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(b.severity) - SEVERITY_ORDER.indexOf(a.severity) || compareText(a.id, b.id));
}
