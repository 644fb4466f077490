import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOne, THREAD_THRESHOLD } from '../../../src/load/parse-jds';
import { buildIfStale } from '../../helpers/loaded-modules';
import { EXAMPLE_ROLES, PROJECT_ROOT } from '../../helpers/roles-dir';

/**
 * Many JDs are parsed on a second thread, which exists only in the compiled build: the built module is
 * loaded here, and what the thread returns must be exactly what parsing here gives, mistakes included.
 */
describe('parsing many JDs on a second thread', () => {
  const jdDir = join(EXAMPLE_ROLES, 'jd');
  const examples = readdirSync(jdDir)
    .sort()
    .map((name) => readFileSync(join(jdDir, name), 'utf8'));
  const broken = '---\ntitle: [unclosed\n---\n# Engineer\n\n## Responsibilities\n\n- Keep things running\n';
  const texts: string[] = [];
  for (let copy = 0; texts.reduce((sum, text) => sum + text.length, 0) < THREAD_THRESHOLD * 1.5; copy += 1) {
    texts.push(
      ...examples.map((text) => (text.trimStart().startsWith('{') ? `${text}${' '.repeat(copy)}` : `${text}\n<!-- copy ${copy} -->\n`)),
      broken,
    );
  }
  const vocabulary = { duties: ['what you will own'] };
  // Outcomes are kept per text for the process: each test parses texts of its own, so that it parses.
  const fresh = (label: string): string[] =>
    texts.map((text) => (text.trimStart().startsWith('{') ? `${text} ` : `${text}\n<!-- ${label} -->\n`));

  beforeAll(() => buildIfStale(), 120_000);

  it('gives the same outcomes, in order, as parsing each JD here', () => {
    const built = require(join(PROJECT_ROOT, 'dist/src/load/parse-jds.js')) as typeof import('../../../src/load/parse-jds');
    const outcomes = built.startParsingJds(texts, { vocabulary })();
    expect(outcomes).toEqual(texts.map((text) => parseOne(text, { vocabulary })));
    expect(outcomes.filter((outcome) => !outcome.ok)).toHaveLength(texts.filter((text) => text === broken).length);
  });

  it('gives the same outcomes from a thread started before the JDs were read, both threads taking JDs', () => {
    const built = require(join(PROJECT_ROOT, 'dist/src/load/parse-jds.js')) as typeof import('../../../src/load/parse-jds');
    const early = fresh('early');
    const parsing = new built.JdParsing(true);
    const outcomes = parsing.parse(early, { vocabulary })();
    expect(outcomes).toEqual(early.map((text) => parseOne(text, { vocabulary })));
  });

  it('reuses what it parsed before under the same reader options, and parses only the new texts', () => {
    const built = require(join(PROJECT_ROOT, 'dist/src/load/parse-jds.js')) as typeof import('../../../src/load/parse-jds');
    const once = fresh('once');
    const first = built.startParsingJds(once, { vocabulary })();
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const spy = jest.spyOn(threads, 'Worker');
    const again = built.startParsingJds([...once].reverse(), { vocabulary })();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(again).toEqual([...first].reverse());
    expect(again[0]).toBe(first[first.length - 1]);
    const changed = [`${once[0] ?? ''}\n- Keep the lights on\n`, ...once.slice(1)];
    expect(built.startParsingJds(changed, { vocabulary })()).toEqual(changed.map((text) => parseOne(text, { vocabulary })));
    expect(built.startParsingJds(once, {})()).toEqual(once.map((text) => parseOne(text, {})));
  });

  it('stops a thread started early when the JDs turn out to be few, and parses them here', () => {
    const built = require(join(PROJECT_ROOT, 'dist/src/load/parse-jds.js')) as typeof import('../../../src/load/parse-jds');
    const parsing = new built.JdParsing(true);
    expect(parsing.parse(examples)()).toEqual(examples.map((text) => parseOne(text, {})));
  });

  it('parses a few JDs on this thread, without starting one', () => {
    const built = require(join(PROJECT_ROOT, 'dist/src/load/parse-jds.js')) as typeof import('../../../src/load/parse-jds');
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const spy = jest.spyOn(threads, 'Worker');
    expect(built.startParsingJds(examples)()).toEqual(examples.map((text) => parseOne(text, {})));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
