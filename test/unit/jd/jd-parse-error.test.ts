import { YAMLError } from 'yaml';
import { JdParseError, parseJobDescription } from '../../../src/jd';

function parseError(text: string): JdParseError {
  try {
    parseJobDescription(text);
  } catch (error) {
    if (error instanceof JdParseError) return error;
    throw error;
  }
  throw new Error('expected a JdParseError');
}

describe('JdParseError', () => {
  it('fails when json content does not parse, at the place it breaks', () => {
    const error = parseError('{\n  "@type": "JobPosting",\n  "title": "SRE"\n  "description": "x"\n}\n');
    expect(error.message).toBe("content starts like json but is not valid json: expected ',' or '}' after a property value, got \"\\\"\"");
    expect([error.line, error.column]).toEqual([4, 3]);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.hint).toMatch(/missing comma or quote/);
  });

  it('fails when json content ends early', () => {
    const error = parseError('{"@type": "JobPosting", "title": "SRE"');
    expect(error.message).toMatch(/expected ',' or '}' after a property value, got the end of the document$/);
    expect([error.line, error.column]).toEqual([1, 39]);
  });

  it('fails when json holds no JobPosting, pointing at its @type', () => {
    const error = parseError('{\n  "@context": "https://schema.org",\n  "@type": "Organization"\n}');
    expect(error.message).toBe('json document is not a schema.org JobPosting: found "@type" "Organization"');
    expect([error.line, error.column]).toEqual([3, 12]);
    expect(error.hint).toContain('"@type": "JobPosting"');
  });

  it('fails when json has no @type at all', () => {
    const error = parseError('{"title": "SRE"}');
    expect(error.message).toBe('json document is not a schema.org JobPosting: found an object without "@type"');
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  it('fails when a json array holds no JobPosting', () => {
    expect(parseError('[{"@type": "Person"}]').message).toBe(
      'json document is not a schema.org JobPosting: found an array without "@type"',
    );
  });

  it('fails when the JobPosting has no title', () => {
    const error = parseError('{"@type": "JobPosting", "description": "<p>x</p>"}');
    expect(error.message).toBe('JobPosting has no "title"');
    expect(error.hint).toMatch(/^add "title"/);
  });

  it('fails when the JobPosting description is not a string', () => {
    const error = parseError('{"@type": "JobPosting", "title": "SRE",\n "description": {"text": "x"}}');
    expect(error.message).toBe('JobPosting "description" must be a string, got an object');
    expect([error.line, error.column]).toEqual([2, 17]);
  });

  it('fails when the front matter is not valid yaml, at its line in the file', () => {
    const error = parseError('---\ntitle: Platform Engineer\ntags: [job, jd\ndate: 10-11-2022\n---\n\n# Platform Engineer\n');
    expect(error.message).toMatch(/^invalid yaml in front matter: [a-z]/);
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.line).toBeLessThanOrEqual(5);
    expect(error.cause).toBeInstanceOf(YAMLError);
  });

  it('fails when the front matter repeats a key', () => {
    const error = parseError('---\ntitle: A\nlayout: default\ntitle: B\n---\n');
    expect(error.message).toBe('invalid yaml in front matter: map keys must be unique');
    expect([error.line, error.column]).toEqual([4, 1]);
    expect(error.hint).toBe('remove one of the two keys');
  });

  it('fails when a front matter value holds an unquoted ": "', () => {
    const error = parseError('---\ntitle: Engineer: Platform\n---\n');
    expect(error.message).toMatch(/^invalid yaml in front matter: /);
    expect(error.line).toBe(2);
    expect(error.hint).toMatch(/quote values/);
  });

  it('fails when the front matter is a list', () => {
    const error = parseError('---\n- title\n- layout\n---\n\n# SRE\n');
    expect(error.message).toBe('front matter must be a mapping of keys to values, got a list');
    expect([error.line, error.column]).toEqual([2, 1]);
  });

  it('fails when the front matter is never closed', () => {
    const error = parseError('---\ntitle: SRE\nlayout: default\n\n# SRE\n');
    expect(error.message).toBe('front matter is not closed: expected a line "---" after the yaml');
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  it('is an Error named JdParseError', () => {
    const error = parseError('{"@type": "Person"}');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JdParseError');
  });

  it('reads a date such as 10-11-2022 in front matter as text', () => {
    expect(() => parseJobDescription('---\ntitle: SRE\ndate: 10-11-2022\n---\n')).not.toThrow();
  });
});
