/**
 * True when a resource covers every resource of its kind: `*`, or an ARN whose resource part is only
 * wildcards after an optional resource type, such as `arn:aws:s3:::*`, every object of every bucket,
 * `arn:aws:iam::123456789012:role/*` or `arn:aws:secretsmanager:*:*:secret:*`.
 *
 * Region and account are ignored: `arn:aws:iam::*:role/*` is as broad as the account's own roles for risk
 * purposes. A name prefix (`role/deploy-*`, `arn:aws:s3:::team-*`) counts as scoped. S3 ARNs have no
 * resource type (`arn:aws:s3:::logs/*` is the objects of bucket `logs`), so nothing is stripped there.
 */
export function isBroadResource(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return false;
  const resourcePart = parts.slice(5).join(':');
  // Strip one leading resource type ("role/", "secret:", "table/"), then demand only wildcards and separators.
  const withoutType = parts[2] === 's3' ? resourcePart : resourcePart.replace(/^[A-Za-z][A-Za-z0-9-]*[/:](?=\*)/, '');
  return /^[*?/:]+$/.test(withoutType) && withoutType.includes('*');
}
