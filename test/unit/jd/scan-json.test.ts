import { scanJson } from '../../../src/jd/scan-json';
import { decodeUntilMarkup } from '../../../src/jd/decode-entities';

describe('scanJson', () => {
  it('records where every value starts, by json pointer', () => {
    const text = '{"a": [1, {"b/c": "x"}], "d~": null}';
    const scan = scanJson(text);
    expect(scan.ok && Object.fromEntries(scan.offsets)).toEqual({
      '': 0,
      '/a': 6,
      '/a/0': 7,
      '/a/1': 10,
      '/a/1/b~1c': 18,
      '/d~0': 31,
    });
  });

  it.each([
    ['{"a": tru}', 6, 'a value (object, array, string, number, true, false or null)'],
    ['{"a" 1}', 5, "':' after a property name"],
    ['{a: 1}', 1, 'a property name in double quotes'],
    ['[1, 2', 5, "',' or ']' after an array element"],
    ['{"a": "\\x"}', 8, 'a valid escape after "\\"'],
    ['{} {}', 3, 'the end of the document after the top-level value'],
  ])('reports the first syntax error of %s', (text, offset, expected) => {
    expect(scanJson(text)).toEqual({ ok: false, offset, expected });
  });

  it.each(['{}', '[]', '"x"', '-1.5e3', '{"a": "\\u00e9\\n", "b": [true, false, null, {}]}'])('accepts %s as JSON.parse does', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(scanJson(text).ok).toBe(true);
  });
});

describe('decodeUntilMarkup', () => {
  it('decodes html escaped twice just until its tags are real', () => {
    expect(decodeUntilMarkup('&amp;lt;b&amp;gt;R&amp;amp;D&amp;lt;/b&amp;gt;')).toBe('<b>R&D</b>');
  });

  it('leaves html with real tags alone', () => {
    expect(decodeUntilMarkup('<p>ssh &lt;host&gt;</p>')).toBe('<p>ssh &lt;host&gt;</p>');
  });
});
