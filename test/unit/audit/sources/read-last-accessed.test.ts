import { readLastAccessed } from '../../../../src/audit/sources';
import { brief, json, lineOf, withoutFrom } from './source-helpers';

const ENGINEER = 'arn:aws:iam::111111111111:group/rolecall/rolecall-engineer';
const ADA = 'arn:aws:iam::111111111111:user/ada@example.com';

function report(completed: string, services: Record<string, unknown>[], status = 'COMPLETED') {
  return {
    JobStatus: status,
    JobType: 'SERVICE_LEVEL',
    JobCreationDate: '2026-11-20T09:59:00+00:00',
    JobCompletionDate: completed,
    ServicesLastAccessed: services,
    IsTruncated: false,
  };
}
const S3 = {
  ServiceName: 'Amazon S3',
  ServiceNamespace: 's3',
  LastAuthenticated: '2026-11-01T08:00:00+00:00',
  LastAuthenticatedEntity: ADA,
  TotalAuthenticatedEntities: 1,
};
const EC2 = { ServiceName: 'Amazon EC2', ServiceNamespace: 'ec2', TotalAuthenticatedEntities: 0 };
const KEYED = { [ENGINEER]: report('2026-11-20T10:00:00+00:00', [S3, EC2]), [ADA]: report('2026-11-20T09:00:00+00:00', [S3]) };

describe('readLastAccessed', () => {
  it('reads reports keyed by ARN; the source was taken at the earliest completion', () => {
    const text = json(KEYED);
    const read = readLastAccessed('la.json', text);
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({
      kind: 'last-accessed',
      file: 'la.json',
      scope: 'IAM service last accessed of 2 groups and users in account 111111111111',
      taken: '2026-11-20T09:00:00+00:00',
    });
    expect(read.actual?.lastAccessed).toEqual([
      {
        entityArn: ENGINEER,
        services: [
          { namespace: 'ec2', name: 'Amazon EC2' },
          { namespace: 's3', name: 'Amazon S3', lastAuthenticated: '2026-11-01T08:00:00+00:00' },
        ],
        generated: '2026-11-20T10:00:00+00:00',
        from: { file: 'la.json', line: lineOf(text, ENGINEER) },
      },
      {
        entityArn: ADA,
        services: [{ namespace: 's3', name: 'Amazon S3', lastAuthenticated: '2026-11-01T08:00:00+00:00' }],
        generated: '2026-11-20T09:00:00+00:00',
        from: { file: 'la.json', line: lineOf(text, `"${ADA}": {`) },
      },
    ]);
  });

  it('reads a list of reports with an Arn each, in any order, to the same facts', () => {
    const list = Object.entries(KEYED).map(([Arn, value]) => ({ Arn, ...value }));
    const keyed = withoutFrom(readLastAccessed('a.json', json(KEYED)).actual);
    expect(withoutFrom(readLastAccessed('a.json', json(list)).actual)).toEqual(keyed);
    expect(
      withoutFrom(
        readLastAccessed(
          'a.json',
          json([...list].reverse().map((item) => ({ ...item, ServicesLastAccessed: [...item.ServicesLastAccessed].reverse() }))),
        ).actual,
      ),
    ).toEqual(keyed);
  });

  it('warns when a report is truncated', () => {
    const read = readLastAccessed('a.json', json({ [ADA]: { ...report('2026-11-20T09:00:00Z', [S3]), IsTruncated: true, Marker: 'm' } }));
    expect(brief(read.problems)).toEqual([`a.json:16:20: warning: ["${ADA}"].IsTruncated: true: services of ${ADA} are missing`]);
  });

  it.each([
    ['the file is not JSON', '{"a": 1,}', ['la.json:1:9: not JSON: expected a property name in double quotes']],
    [
      'the document is a number',
      '7',
      ['la.json:1:1: the document: expected an object keyed by ARN (or a list of reports with Arn), not the number 7'],
    ],
    [
      'a key is no IAM group or user ARN',
      json({ 'arn:aws:iam::111111111111:role/x': report('2026-11-20T09:00:00Z', []) }),
      ['la.json:2:39: ["arn:aws:iam::111111111111:role/x"]: the key is not the ARN of an IAM group or user'],
    ],
    [
      'a list item has no Arn',
      json([report('2026-11-20T09:00:00Z', [])]),
      ['la.json:2:3: [0].Arn: expected the ARN of an IAM group or user, not nothing'],
    ],
    [
      'a job is still running',
      json({
        [ENGINEER]: { JobStatus: 'IN_PROGRESS', JobCreationDate: '2026-11-20T10:00:00Z' },
        [ADA]: report('2026-11-20T09:00:00Z', [S3]),
      }),
      [`la.json:3:18: ["${ENGINEER}"].JobStatus: IN_PROGRESS, expected COMPLETED: the report of ${ENGINEER} is not ready`],
    ],
    [
      'a service has no namespace',
      json({ [ADA]: report('2026-11-20T09:00:00Z', [{ ServiceName: 'S3' }]) }),
      [`la.json:8:7: ["${ADA}"].ServicesLastAccessed[0]: missing required key "ServiceNamespace" (expected a string)`],
    ],
  ])('fails when %s', (_name, text, expected) => {
    const read = readLastAccessed('la.json', text);
    expect(brief(read.problems)).toEqual(expected);
    expect(
      read.problems.every((problem) => problem.severity === 'error' && /get-service-last-accessed-details/.test(problem.hint ?? '')),
    ).toBe(true);
  });

  it('reads the completed reports of a file whose other jobs are still running', () => {
    const read = readLastAccessed(
      'la.json',
      json({ [ENGINEER]: { JobStatus: 'IN_PROGRESS' }, [ADA]: report('2026-11-20T09:00:00Z', [S3]) }),
    );
    expect(read.actual?.lastAccessed.map((entry) => entry.entityArn)).toEqual([ADA]);
  });
});
