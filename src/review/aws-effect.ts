import type { AwsChanges, AwsStatementChange } from './diff-types';

/**
 * Statements that give access: allows gained, and denies lifted (removed while an allow they narrowed
 * stays). A deny gained is never access gained, whatever comes with it.
 */
export function awsGrantsGained(aws: AwsChanges): AwsStatementChange[] {
  return [
    ...aws.gained.filter((statement) => statement.effect === 'Allow'),
    ...aws.lost.filter((statement) => statement.effect === 'Deny' && statement.effective === true),
  ];
}

/** Statements that take access away: allows lost, and denies added over access that is kept. */
export function awsGrantsLost(aws: AwsChanges): AwsStatementChange[] {
  return [
    ...aws.lost.filter((statement) => statement.effect === 'Allow'),
    ...aws.gained.filter((statement) => statement.effect === 'Deny' && statement.effective === true),
  ];
}

/** Whether effective AWS access grows (`gained`) or shrinks (`lost`): statements or managed policies. */
export function awsAccessChanges(aws: AwsChanges, side: 'gained' | 'lost'): boolean {
  return side === 'gained'
    ? aws.policiesGained.length > 0 || awsGrantsGained(aws).length > 0
    : aws.policiesLost.length > 0 || awsGrantsLost(aws).length > 0;
}
