import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What an offline plan of a stack pinned to an account needs: STS answered on this machine. */
export interface StsStandIn {
  /** The stand-in's URL, for `AWS_ENDPOINT_URL_STS`. */
  readonly endpoint: string;
  /**
   * The environment of a Terraform process whose credentials belong to `account`: fake static keys
   * that name the account, and the stand-in as the STS endpoint.
   */
  environmentFor(account: string): Record<string, string>;
  /** Stops answering. */
  close(): Promise<void>;
}

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** Fake access keys carry the account they belong to: `AKIAROLECALL<account>`, `ASIAROLECALL<account>` once a role is assumed. */
const KEY_ACCOUNT = /Credential=A[KS]IAROLECALL(\d{12})\//;
const ROLE_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]+$/;

/**
 * Starts a local stand-in for the two AWS STS calls the `hashicorp/aws` provider makes while it
 * configures itself: `AssumeRole` (answered with credentials of the role's account, read from its ARN)
 * and `GetCallerIdentity` (answered with the account the calling credentials belong to). With it an
 * offline `terraform plan` keeps `allowed_account_ids` and `assume_role`, which both need STS: a stack
 * whose role is in another account than its pin fails the plan exactly as it would against AWS
 * ("AWS account ID not allowed"). It knows no secrets and checks no signatures.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export async function startStsStandIn(): Promise<StsStandIn> {
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => answer(request, body, response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    environmentFor: (account) => ({
      AWS_ACCESS_KEY_ID: `AKIAROLECALL${account}`,
      AWS_SECRET_ACCESS_KEY: 'offline-plan-not-a-secret',
      AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}`,
      AWS_EC2_METADATA_DISABLED: 'true',
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function answer(request: IncomingMessage, body: string, response: ServerResponse): void {
  const params = new URLSearchParams(body);
  const action = params.get('Action');
  response.setHeader('Content-Type', 'text/xml');
  if (action === 'GetCallerIdentity') {
    const account = KEY_ACCOUNT.exec(request.headers.authorization ?? '')?.[1];
    if (!account) return fail(response, 403, 'InvalidClientTokenId', 'the stand-in knows only the credentials it hands out');
    return ok(
      response,
      action,
      `<Arn>arn:aws:iam::${account}:user/rolecall-offline</Arn><UserId>AIDAROLECALLOFFLINE</UserId><Account>${account}</Account>`,
    );
  }
  if (action === 'AssumeRole') {
    const roleArn = params.get('RoleArn') ?? '';
    const account = ROLE_ACCOUNT.exec(roleArn)?.[1];
    if (!account) return fail(response, 400, 'ValidationError', `not an IAM role ARN: ${roleArn}`);
    const session = params.get('RoleSessionName') ?? 'rolecall';
    const role = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    // Far in the future, so the SDK never refreshes during a plan; nothing checks it.
    const expiration = '2099-01-01T00:00:00Z';
    return ok(
      response,
      action,
      `<Credentials><AccessKeyId>ASIAROLECALL${account}</AccessKeyId><SecretAccessKey>offline-plan-not-a-secret</SecretAccessKey>` +
        `<SessionToken>offline</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
        `<AssumedRoleUser><Arn>arn:aws:sts::${account}:assumed-role/${escapeXml(role)}/${escapeXml(session)}</Arn>` +
        `<AssumedRoleId>AROAROLECALLOFFLINE:${escapeXml(session)}</AssumedRoleId></AssumedRoleUser>`,
    );
  }
  fail(response, 400, 'InvalidAction', `the stand-in answers GetCallerIdentity and AssumeRole only, not ${action ?? 'nothing'}`);
}

function ok(response: ServerResponse, action: string, result: string): void {
  response.end(
    `<${action}Response xmlns="${NAMESPACE}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>rolecall-offline</RequestId></ResponseMetadata></${action}Response>`,
  );
}

function fail(response: ServerResponse, status: number, code: string, message: string): void {
  response.statusCode = status;
  response.end(
    `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>rolecall-offline</RequestId></ErrorResponse>`,
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
