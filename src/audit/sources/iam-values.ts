/** The 12-digit account id of an ARN (`arn:<partition>:<service>:<region>:<account>:…`), or undefined (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). */
export function arnAccount(arn: string): string | undefined {
  return /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(arn)?.[1];
}

/** True for the ARN of an IAM user or group (`arn:aws:iam::111111111111:group/rolecall/x`), https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html. */
export function isUserOrGroupArn(arn: string): boolean {
  return /^arn:[a-z-]+:iam::\d{12}:(user|group)\/./.test(arn);
}

/**
 * A policy document as compact JSON text: given as an object (the AWS CLI decodes it), as URL-encoded JSON
 * text (the raw API) or as JSON text (Terraform state). Undefined when it is none of these.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PolicyVersion.html
 */
export function policyText(document: unknown): string | undefined {
  if (typeof document === 'object' && document !== null) return JSON.stringify(document);
  if (typeof document !== 'string') return undefined;
  const parsed = parseObject(document) ?? parseObject(decoded(document));
  return parsed === undefined ? undefined : JSON.stringify(parsed);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseObject(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
