import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, VALID_FIXTURE } from '../../helpers/roles-dir';

const FILES = readdirSync(VALID_FIXTURE)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** One edit a person could make by mistake. */
type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'replace-value'; at: number; value: string }
  | { kind: 'insert-text'; at: number; offset: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({
    kind: fc.constant('replace-value' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.string(),
      fc.constantFrom('', '[]', '{}', '~', '42', 'true', '2026-02-30', '"x y"', 'a: b', '- x', '&a', '*a', '!!binary x', '"\\u0000"'),
    ),
  }),
  fc.record({
    kind: fc.constant('insert-text' as const),
    at: fc.nat(),
    offset: fc.nat(),
    text: fc.constantFrom(':', '-', ' ', '\t', '"', "'", '{', '[', '#', '\n', '|', '>', '?', '%', '@'),
  }),
);

function apply(text: string, change: Mutation): string {
  const lines = text.split('\n');
  const at = change.at % lines.length;
  const line = lines[at] ?? '';
  switch (change.kind) {
    case 'delete-line':
      lines.splice(at, 1);
      break;
    case 'duplicate-line':
      lines.splice(at, 0, line);
      break;
    case 'indent':
      lines[at] = change.by >= 0 ? `${' '.repeat(change.by)}${line}` : line.replace(new RegExp(`^ {0,${-change.by}}`), '');
      break;
    case 'replace-value':
      lines[at] = line.includes(':') ? `${line.slice(0, line.indexOf(':') + 1)} ${change.value}` : `${line} ${change.value}`;
      break;
    case 'insert-text': {
      const offset = change.offset % (line.length + 1);
      lines[at] = `${line.slice(0, offset)}${change.text}${line.slice(offset)}`;
      break;
    }
  }
  return lines.join('\n');
}

describe('mutated roles files', () => {
  it('are either valid or reported as positioned problems, never a crash', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, changes) => {
        const copy = copyRoles();
        try {
          const original = readFileSync(join(copy.dir, file), 'utf8');
          const mutated = changes.reduce(apply, original);
          writeFileSync(join(copy.dir, file), mutated);
          const loaded = loadModel(copy.dir, '2026-11-22', 'roles');
          const errors = loaded.problems.filter((problem) => problem.severity === 'error');
          expect(loaded.model === undefined).toBe(errors.length > 0);
          for (const problem of loaded.problems) {
            expect(problem.file.startsWith('roles/')).toBe(true);
            const lineCount = readFileSync(join(copy.dir, problem.file.slice('roles/'.length)), 'utf8').split('\n').length;
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(lineCount + 1);
            expect(problem.column).toBeGreaterThanOrEqual(1);
            expect(problem.message).not.toMatch(/\n/);
            expect(problem.message.length).toBeGreaterThan(3);
          }
        } finally {
          copy.remove();
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
