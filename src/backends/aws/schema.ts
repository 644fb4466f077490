import { z } from 'zod';
import { IdSchema } from '../../schema/common';

/**
 * The AWS part of a capability (`aws:` in capabilities.yaml): per account, managed policies, explicit
 * statements and least-privilege access by service and access level. The schema layer of the AWS
 * backend: it imports only zod and the shared schema pieces.
 */

/** An IAM action as written in a policy: `service:Action`, wildcards allowed in the action part. */
const ActionSchema = z.string().regex(/^([a-z0-9-]+:[A-Za-z0-9*?]+|\*)$/, {
  error: (issue) => `expected an IAM action such as "s3:GetObject", got ${JSON.stringify(issue.input)}`,
});

/**
 * A resource ARN or pattern. 2,048 characters is the longest ARN AWS accepts; anything longer cannot fit
 * a policy and would only make placement slow.
 */
const ResourceSchema = z.string().min(1).max(2048, { error: 'a resource ARN is at most 2,048 characters' });

/** An explicit IAM policy statement. */
export const StatementSchema = z.strictObject({
  sid: z
    .string()
    .regex(/^[A-Za-z0-9]+$/, { error: 'a Sid is alphanumeric' })
    .optional(),
  effect: z.enum(['Allow', 'Deny']).default('Allow'),
  actions: z.array(ActionSchema).min(1),
  resources: z.array(ResourceSchema).min(1).default(['*']),
  /** IAM condition block: operator → key → value(s). */
  conditions: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()]))).optional(),
});

/** Access levels of the AWS Service Authorization Reference. */
export const AccessLevelSchema = z.enum(['list', 'read', 'write', 'tagging', 'permissions']);

/** Least-privilege access: a service, access levels and resources, expanded into explicit actions. */
export const AccessSchema = z.strictObject({
  service: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a service prefix such as "s3"' }),
  levels: z.array(AccessLevelSchema).min(1),
  resources: z.array(ResourceSchema).min(1).default(['*']),
  /** Actions of those levels to leave out, e.g. `s3:DeleteBucket`. */
  except: z.array(ActionSchema).default([]),
  /**
   * Actions of those levels that take no resource (AWS authorizes them only on `"*"`, e.g.
   * `eks:ListClusters`): `include` grants them on `"*"`, `omit` leaves them out (`explain` lists them).
   * Irrelevant when `resources` is `["*"]`. @default omit
   */
  wildcardOnly: z.enum(['include', 'omit']).default('omit'),
});

/** What a capability grants in AWS, per account. */
export const AwsGrantSchema = z.strictObject({
  /** Account names from org.yaml. @default [org.aws.defaultAccount] */
  accounts: z.array(IdSchema).min(1).optional(),
  managedPolicies: z
    .array(
      // arn:<partition>:iam::<aws or account>:policy/<path/><name>, the name 1–128 characters of [\w+=,.@-].
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
      z.string().regex(/^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?:iam::(aws|\d{12}):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/, {
        error: (issue) =>
          `expected a managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess, got ${JSON.stringify(issue.input)}`,
      }),
    )
    .default([]),
  statements: z.array(StatementSchema).default([]),
  access: z.array(AccessSchema).default([]),
});
