import { didYouMean, editDistance } from '../../../src/model/iam';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', '', 3],
    ['GetObjects', 'GetObject', 1],
    ['lamda', 'lambda', 1],
    ['ec3', 'ec2', 1],
    ['Decsribe', 'Describe', 1], // a swap of neighbours counts once
    ['kitten', 'sitting', 3],
  ])('%j → %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('didYouMean', () => {
  const names = ['GetObject', 'GetObjectAcl', 'PutObject', 'ListBucket', 'ListAllMyBuckets', 'DeleteBucket'];

  it.each([
    ['a small edit away', 'GetObjects', 'GetObject'],
    ['ignoring case', 'getobjet', 'GetObject'],
    ['a swap of two letters', 'GteObject', 'GetObject'],
    ['a prefix of the name', 'DeleteBuck', 'DeleteBucket'],
    ['all the words of the input', 'ListMyBuckets', 'ListAllMyBuckets'],
  ])('suggests a name %s', (_, input, expected) => {
    expect(didYouMean(input, names)[0]).toBe(expected);
  });

  it('returns nothing when no name is close', () => {
    expect(didYouMean('TerminateInstances', names)).toEqual([]);
  });

  it('does not suggest the input itself in another case', () => {
    expect(didYouMean('getobject', ['GetObject'])).toEqual([]);
  });

  it('returns at most `limit` names, independent of candidate order', () => {
    const forward = didYouMean('GetObjectz', names, 2);
    expect(forward).toHaveLength(2);
    expect(didYouMean('GetObjectz', [...names].reverse(), 2)).toEqual(forward);
  });
});
