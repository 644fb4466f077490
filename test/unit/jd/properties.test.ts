import fc from 'fast-check';
import { findQuote, JdParseError, parseJobDescription, repairText } from '../../../src/jd';
import { readSeed, SEED_FILES, seedIt, type SeedName } from '../../helpers/seeds';

/** Text made of the characters job descriptions are built from, so the parsers' paths are all reached. */
const documentText = fc
  .array(
    fc.constantFrom(
      '#',
      '## ',
      '\n',
      '\n\n',
      '---\n',
      '- ',
      '* ',
      '   * ',
      ':',
      '(Desirable) ',
      '**',
      '\\(',
      '&amp;',
      '&lt;br&gt;',
      'â€“',
      '<li>',
      '</li>',
      '<ul>',
      '{',
      '}',
      '"',
      '[',
      ']',
      'title: ',
      'Responsibilities',
      'Benefits',
      'Run Kafka',
      '1. ',
      'x',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('properties', () => {
  it('parses any text or fails with a JdParseError, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(documentText, fc.string({ maxLength: 200 })), (text) => {
        try {
          parseJobDescription(text);
        } catch (error) {
          expect(error).toBeInstanceOf(JdParseError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives every item and heading repaired text', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        let jd;
        try {
          jd = parseJobDescription(text);
        } catch {
          return;
        }
        for (const section of jd.sections) {
          for (const item of section.items) {
            expect(item.text).not.toBe('');
            expect(item.text).toBe(item.text.trim());
            expect(item.text).not.toMatch(/\s{2}|â€/);
            expect(item.line).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  seedIt()('finds any part of any seed item', () => {
    const seeds = (Object.keys(SEED_FILES) as SeedName[]).map((name) => parseJobDescription(readSeed(name)));
    const items = seeds.flatMap((jd, index) => jd.sections.flatMap((section) => section.items.map((item) => ({ index, item }))));
    fc.assert(
      fc.property(
        fc
          .constantFrom(...items)
          .chain(({ index, item }) =>
            fc
              .tuple(fc.nat({ max: item.text.length - 1 }), fc.integer({ min: 4, max: 60 }))
              .map(([start, length]) => ({ index, item, quote: item.text.slice(start, start + length) })),
          ),
        ({ index, item, quote }) => {
          fc.pre(/[\p{L}\p{N}]/u.test(quote));
          const jd = seeds[index];
          if (jd === undefined) throw new Error('no seed');
          const match = findQuote(jd, quote.toUpperCase());
          expect(match.found).toBe(true);
          expect(match.found && match.item.text.length).toBeGreaterThan(0);
          expect(item.text.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('repairs text that is already repaired to itself, when there are no escapes to remove', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const once = repairText(text, { markdownEscapes: false });
        expect(repairText(once, { markdownEscapes: false })).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
