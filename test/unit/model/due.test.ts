import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { dueChanges } from '../../../src/model/build/due';
import { loadModel } from '../../../src/pipeline/load-model';
import { addDays } from '../../../src/util/calendar-date';
import { VALID_FIXTURE } from '../../helpers/roles-dir';

/**
 * `due` against the model itself: on every day of a window, the desired state (AWS, GitHub, on-call) is
 * built and compared with the day before's; the days it changes must be exactly the days `due` lists.
 */
const FROM = '2026-11-23';
const DAYS = 20;
const capabilities = fs
  .readFileSync(path.join(VALID_FIXTURE, 'capabilities.yaml'), 'utf8')
  .replace(
    '  - id: ops-primary\n    name: Ops primary\n',
    '  - id: ops-primary\n    name: Ops primary\n    rampDays: 9\n    shadow: ops-shadow\n  - id: ops-shadow\n    name: Ops shadow\n',
  );
const people = fs.readFileSync(path.join(VALID_FIXTURE, 'people.yaml'), 'utf8');

interface Hire {
  readonly roles: readonly ('operator' | 'developer')[];
  readonly start: number;
  readonly end?: number;
}

function peopleWith(hires: readonly Hire[]): string {
  const entries = hires.map((hire, index) =>
    [
      `  - id: hire-${index}`,
      `    name: Hire ${index}`,
      `    email: hire-${index}@fixture.example`,
      `    github: hire-${index}`,
      `    roles: [${hire.roles.join(', ')}]`,
      `    start: ${addDays(FROM, hire.start)}`,
      ...(hire.end !== undefined ? [`    end: ${addDays(FROM, hire.end)}`] : []),
    ].join('\n'),
  );
  return `${people.trimEnd()}\n${entries.join('\n')}\n`;
}

/** The desired state of a day, as text, or undefined when the organisation does not validate then. */
function stateOn(texts: ReadonlyMap<string, string>, date: string): string | undefined {
  const { model } = loadModel(VALID_FIXTURE, date, 'roles', { texts });
  return model ? JSON.stringify({ aws: model.aws, github: model.github, oncall: model.oncall }) : undefined;
}

function changedDays(texts: ReadonlyMap<string, string>): string[] {
  const days: string[] = [];
  let before = stateOn(texts, addDays(FROM, -1));
  for (let day = 0; day <= DAYS; day++) {
    const date = addDays(FROM, day);
    const now = stateOn(texts, date);
    if (now !== before) days.push(date);
    before = now;
  }
  return days;
}

function dueDays(texts: ReadonlyMap<string, string>): string[] {
  const loaded = loadModel(VALID_FIXTURE, FROM, 'roles', { texts });
  if (!loaded.model) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  return [...new Set(dueChanges(loaded.model, loaded.bundle, FROM, addDays(FROM, DAYS)).map((change) => change.date))];
}

const hire = fc
  .record({
    roles: fc.constantFrom<Hire['roles']>(['operator'], ['developer'], ['operator', 'developer']),
    start: fc.integer({ min: -12, max: DAYS }),
    length: fc.option(fc.integer({ min: 0, max: DAYS }), { nil: undefined }),
  })
  .map(({ roles, start, length }): Hire => ({ roles, start, ...(length !== undefined ? { end: start + length } : {}) }));

describe('rolecall due', () => {
  test('lists a start, the end, the ramp-up into a rotation with its shadow, in order', () => {
    const texts = new Map([
      ['capabilities.yaml', capabilities],
      ['people.yaml', peopleWith([{ roles: ['operator'], start: 2, end: 15 }])],
    ]);
    const loaded = loadModel(VALID_FIXTURE, FROM, 'roles', { texts });
    if (!loaded.model) throw new Error('fixture invalid');
    expect(dueChanges(loaded.model, loaded.bundle, FROM, addDays(FROM, DAYS))).toEqual([
      { date: '2026-11-25', kind: 'start', subject: 'hire-0', detail: 'starts as operator: their access is created' },
      {
        date: '2026-12-04',
        kind: 'join-rotation',
        subject: 'hire-0',
        detail: 'joins rotation ops-primary after 9 days of ramp-up, leaving its shadow ops-shadow',
      },
      { date: '2026-12-09', kind: 'end', subject: 'hire-0', detail: 'ended on 2026-12-08: all their access is removed' },
    ]);
  });

  test('the days it lists are exactly the days the desired state changes', () => {
    fc.assert(
      fc.property(fc.array(hire, { minLength: 1, maxLength: 3 }), (hires) => {
        const texts = new Map([
          ['capabilities.yaml', capabilities],
          ['people.yaml', peopleWith(hires)],
        ]);
        expect(dueDays(texts)).toEqual(changedDays(texts));
      }),
      { numRuns: 8 },
    );
  });
});
