import { startStsStandIn, type StsStandIn } from '../../../src/terraform/sts-stand-in';

describe('the local STS stand-in of offline plans', () => {
  let sts: StsStandIn;
  beforeAll(async () => (sts = await startStsStandIn()));
  afterAll(() => sts.close());

  /** Posts an STS query with credentials as the SDK signs them (only the key id matters here). */
  const call = async (params: Record<string, string>, accessKeyId?: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(sts.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(accessKeyId
          ? {
              authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/eu-west-1/sts/aws4_request, SignedHeaders=host, Signature=0`,
            }
          : {}),
      },
      body: new URLSearchParams({ Version: '2011-06-15', ...params }).toString(),
    });
    return { status: response.status, text: await response.text() };
  };

  it('hands out credentials that belong to the account asked for, and points STS at itself', () => {
    expect(sts.environmentFor('111111111111')).toEqual({
      AWS_ACCESS_KEY_ID: 'AKIAROLECALL111111111111',
      AWS_SECRET_ACCESS_KEY: 'offline-plan-not-a-secret',
      AWS_ENDPOINT_URL_STS: sts.endpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(sts.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers GetCallerIdentity with the account of the calling credentials', async () => {
    const { status, text } = await call({ Action: 'GetCallerIdentity' }, sts.environmentFor('111111111111').AWS_ACCESS_KEY_ID);
    expect(status).toBe(200);
    expect(text).toContain('<Account>111111111111</Account>');
  });

  it("answers AssumeRole with credentials of the role's account, whatever account the caller is in", async () => {
    const assumed = await call(
      { Action: 'AssumeRole', RoleArn: 'arn:aws:iam::222222222222:role/rolecall', RoleSessionName: 'rolecall' },
      'AKIAROLECALL111111111111',
    );
    expect(assumed.status).toBe(200);
    expect(assumed.text).toContain('<AccessKeyId>ASIAROLECALL222222222222</AccessKeyId>');
    expect(assumed.text).toContain('<Arn>arn:aws:sts::222222222222:assumed-role/rolecall/rolecall</Arn>');
    const identity = await call({ Action: 'GetCallerIdentity' }, 'ASIAROLECALL222222222222');
    expect(identity.text).toContain('<Account>222222222222</Account>');
  });

  it.each([
    ['credentials it did not hand out', { Action: 'GetCallerIdentity' }, 'AKIAIOSFODNN7EXAMPLE', 403, 'InvalidClientTokenId'],
    [
      'a role ARN that is not one',
      { Action: 'AssumeRole', RoleArn: 'arn:aws:iam::222222222222:user/x', RoleSessionName: 's' },
      'AKIAROLECALL111111111111',
      400,
      'ValidationError',
    ],
    ['any other action', { Action: 'GetSessionToken' }, 'AKIAROLECALL111111111111', 400, 'InvalidAction'],
  ])('fails on %s, as STS would', async (_what, params, key, status, code) => {
    const answer = await call(params, key);
    expect(answer.status).toBe(status);
    expect(answer.text).toContain(`<Code>${code}</Code>`);
  });
});
