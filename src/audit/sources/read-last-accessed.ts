import { z } from 'zod';
import type { Problem } from '../../load/problem';
import { compareText } from '../../util/compare-text';
import type { ActualLastAccessed } from '../actual';
import { arnAccount, isUserOrGroupArn } from './iam-values';
import { checkItems, describeValue, displayPath, isRecord, pointer, readJson, type Located, type SourceRead } from './json-source';

const HINT =
  "give an object of `aws iam get-service-last-accessed-details --job-id …` outputs keyed by group or user ARN, as the README's loop writes (Auditing)";

const Details = z.object({
  JobStatus: z.string(),
  JobType: z.string().optional(),
  JobCompletionDate: z.string().optional(),
  ServicesLastAccessed: z
    .array(
      z.object({
        ServiceName: z.string(),
        ServiceNamespace: z.string().min(1),
        LastAuthenticated: z.string().optional(),
        TotalAuthenticatedEntities: z.number().optional(),
      }),
    )
    .default([]),
  IsTruncated: z.boolean().optional(),
});

/** Last-accessed facts: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html */
export interface LastAccessedFacts {
  readonly lastAccessed: ActualLastAccessed[];
}

/**
 * Reads IAM service last-accessed details: an object keyed by the ARN of an IAM group or user whose values
 * are `aws iam get-service-last-accessed-details` outputs, or a list of such outputs each with an added `Arn`.
 * Only COMPLETED reports are read; the source was taken at the earliest `JobCompletionDate`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html
 */
export function readLastAccessed(file: string, text: string): SourceRead<LastAccessedFacts> {
  const read = readJson(file, text, HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const data = source.data;
  const problems: Problem[] = [];
  let entries: { arn: unknown; arnAt: string; item: Located }[];
  if (Array.isArray(data)) {
    entries = data.map((value: unknown, index) => ({
      arn: isRecord(value) ? value['Arn'] : undefined,
      arnAt: `/${index}/Arn`,
      item: { value, at: `/${index}` },
    }));
  } else if (isRecord(data)) {
    entries = Object.entries(data).map(([arn, value]) => ({ arn, arnAt: pointer([arn]), item: { value, at: pointer([arn]) } }));
  } else {
    return {
      problems: [
        source.problem(
          '',
          `the document: expected an object keyed by ARN (or a list of reports with Arn), not ${describeValue(data)}`,
          HINT,
        ),
      ],
    };
  }
  const result: ActualLastAccessed[] = [];
  for (const entry of entries) {
    const arn = entry.arn;
    if (typeof arn !== 'string' || !isUserOrGroupArn(arn)) {
      const what = Array.isArray(data)
        ? `${displayPath(entry.arnAt)}: expected the ARN of an IAM group or user, not ${describeValue(arn)}`
        : `${displayPath(entry.item.at)}: the key is not the ARN of an IAM group or user`;
      problems.push(source.problem(Array.isArray(data) ? entry.arnAt : entry.item.at, what, HINT));
      continue;
    }
    const [checked] = checkItems(source, [entry.item], Details, HINT, problems);
    if (!checked) continue;
    const report = checked.value;
    if (report.JobStatus !== 'COMPLETED') {
      problems.push(
        source.problem(
          `${checked.at}/JobStatus`,
          `${displayPath(`${checked.at}/JobStatus`)}: ${report.JobStatus}, expected COMPLETED: the report of ${arn} is not ready`,
          'poll `aws iam get-service-last-accessed-details --job-id …` until JobStatus is COMPLETED, then export again',
        ),
      );
      continue;
    }
    if (report.IsTruncated === true) {
      problems.push(
        source.problem(
          `${checked.at}/IsTruncated`,
          `${displayPath(`${checked.at}/IsTruncated`)}: true: services of ${arn} are missing`,
          'the AWS CLI fetches every page unless --no-paginate or --max-items is given',
          'warning',
        ),
      );
    }
    result.push({
      entityArn: arn,
      services: report.ServicesLastAccessed.map((service) => ({
        namespace: service.ServiceNamespace,
        name: service.ServiceName,
        ...(service.LastAuthenticated !== undefined ? { lastAuthenticated: service.LastAuthenticated } : {}),
      })).sort(
        (a, b) =>
          compareText(a.namespace, b.namespace) ||
          compareText(a.name, b.name) ||
          compareText(a.lastAuthenticated ?? '', b.lastAuthenticated ?? ''),
      ),
      ...(report.JobCompletionDate !== undefined ? { generated: report.JobCompletionDate } : {}),
      from: source.ref(checked.at),
    });
  }
  const taken = earliest(result.flatMap((entry) => entry.generated ?? []));
  const accounts = [...new Set(result.flatMap((entry) => arnAccount(entry.entityArn) ?? []))].sort(compareText);
  return {
    actual: {
      lastAccessed: result.sort(
        (a, b) => compareText(a.entityArn, b.entityArn) || compareText(a.generated ?? '', b.generated ?? '') || a.from.line - b.from.line,
      ),
    },
    source: {
      kind: 'last-accessed',
      file,
      scope: `IAM service last accessed of ${result.length} ${result.length === 1 ? 'group or user' : 'groups and users'}${accounts.length ? ` in ${accounts.length === 1 ? 'account' : 'accounts'} ${accounts.join(', ')}` : ''}`,
      ...(taken !== undefined ? { taken } : {}),
    },
    problems,
  };
}

/** The earliest of ISO 8601 times (by instant where they parse, with any offset), as written. */
function earliest(times: readonly string[]): string | undefined {
  const instant = (time: string): number => {
    const parsed = Date.parse(time);
    return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
  };
  return [...times].sort((a, b) => instant(a) - instant(b) || compareText(a, b))[0];
}
