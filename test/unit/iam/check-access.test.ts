import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { checkAccess, type AccessGrant } from '../../../src/model/iam';

const catalog = loadActionCatalog();
const access = (overrides: Partial<AccessGrant>): AccessGrant => ({
  service: 's3',
  levels: ['read'],
  resources: ['*'],
  except: [],
  ...overrides,
});

describe('checkAccess', () => {
  it('accepts a known service with levels it has and a useful except', () => {
    expect(checkAccess(access({ levels: ['write'], except: ['s3:DeleteBucket', 's3:Delete*'] }), catalog)).toEqual([]);
  });

  it('fails when the service is unknown, suggesting a close one', () => {
    expect(checkAccess(access({ service: 'lamda' }), catalog)).toEqual([
      expect.objectContaining({ code: 'unknown-service', field: 'service', hint: 'did you mean "lambda"?' }),
    ]);
  });

  it('fails when except names another service', () => {
    expect(checkAccess(access({ except: ['ec2:TerminateInstances'] }), catalog)).toEqual([
      expect.objectContaining({ code: 'bad-except', index: 0, message: 'except "ec2:TerminateInstances" is not an action of s3' }),
    ]);
  });

  it('fails when except names an unknown action, with a suggestion', () => {
    expect(checkAccess(access({ levels: ['write'], except: ['s3:DeleteBuckets'] }), catalog)).toEqual([
      expect.objectContaining({ code: 'bad-except', hint: expect.stringContaining('"s3:DeleteBucket"') }),
    ]);
  });

  it('warns when except removes nothing the levels grant', () => {
    expect(checkAccess(access({ levels: ['read'], except: ['s3:DeleteBucket'] }), catalog)).toEqual([
      expect.objectContaining({ code: 'useless-except', severity: 'warning', message: expect.stringContaining('removes nothing') }),
    ]);
  });

  it('fails when except removes everything', () => {
    expect(checkAccess(access({ service: 'eks', levels: ['list'], except: ['eks:List*'] }), catalog)).toEqual([
      expect.objectContaining({ code: 'grants-nothing', severity: 'error' }),
    ]);
  });
});
