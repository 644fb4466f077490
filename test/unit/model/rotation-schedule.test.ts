import * as fc from 'fast-check';
import { firstShift, rotationLayer, type RotationLayer, type RotationMember } from '../../../src/model/build/rotation-schedule';

/**
 * Who PagerDuty puts on call from a layer: the turn is the number of whole weeks from the layer's
 * rotation_virtual_start, counted on the schedule's wall clock (weekly turns keep their wall-clock
 * hand-off across daylight-saving changes), modulo the number of users.
 */
function onCallAt(layer: RotationLayer, wallInstant: number): string | undefined {
  const start = Date.parse(`${layer.start.slice(0, 19)}Z`);
  const turn = Math.floor((wallInstant - start) / (7 * 86_400_000));
  const n = layer.order.length;
  return layer.order[((turn % n) + n) % n];
}

const noon = (date: string): number => Date.parse(`${date}T12:00:00Z`);
const day = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dateIn = (from: string, to: string) =>
  fc.integer({ min: 0, max: (Date.parse(to) - Date.parse(from)) / 86_400_000 }).map((offset) => day(from, offset));

const handoffs = fc.record({
  day: fc.constantFrom('monday', 'wednesday', 'friday', 'sunday'),
  time: fc.constantFrom('00:00', '09:00', '17:30', '23:45'),
});
const zones = fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Australia/Sydney');
const histories = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z]{2,6}$/),
      join: dateIn('2023-10-01', '2026-12-31'),
      stay: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 9, selector: (member) => member.id },
  )
  .map((members) =>
    members.map(({ id, join, stay }): RotationMember => ({ id, join, ...(stay === undefined ? {} : { last: day(join, stay) }) })),
  );

/** The week a wall-clock time falls in, counted from the hand-off of the first week of 2024. */
const shiftOf = (handoff: { day: string; time: string }, wall: number): number => {
  const index = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(handoff.day);
  const [hour, minute] = handoff.time.split(':').map(Number);
  return Math.floor((wall - Date.UTC(2024, 0, 1 + index, hour ?? 0, minute ?? 0)) / (7 * 86_400_000));
};

const inRotation = (members: readonly RotationMember[], asOf: string): string[] =>
  members.filter((member) => member.join <= asOf && (member.last === undefined || member.last >= asOf)).map((member) => member.id);

describe('rotationLayer', () => {
  it('holds exactly the members in the rotation on the date', () => {
    fc.assert(
      fc.property(handoffs, zones, histories, dateIn('2024-06-01', '2026-12-31'), (handoff, zone, members, asOf) => {
        const layer = rotationLayer(handoff, zone, members, asOf);
        expect([...(layer?.order ?? [])].sort()).toEqual(inRotation(members, asOf).sort());
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the current and the next shift when someone joins in the shift of the date (the deploy `due` asks for)', () => {
    fc.assert(
      fc.property(
        handoffs,
        zones,
        histories,
        dateIn('2024-06-01', '2026-12-31'),
        fc.integer({ min: 0, max: 6 }),
        (handoff, zone, members, asOf, daysAgo) => {
          const join = day(asOf, -daysAgo);
          fc.pre(inRotation(members, asOf).length >= 2);
          fc.pre(shiftOf(handoff, Date.parse(`${join}T00:00:00Z`)) === shiftOf(handoff, noon(asOf)));
          // The newest change: nobody else joined after them by the date (`due` deploys on each join day).
          fc.pre(members.every((member) => member.join > asOf || member.join <= join));
          // Nobody leaves in that shift: if whoever is on call leaves in the shift someone joins, the one
          // just before them in the queue covers, and that may be the newcomer.
          fc.pre(
            members.every(
              (member) =>
                member.last === undefined ||
                member.last >= asOf ||
                shiftOf(handoff, Date.parse(`${day(member.last, 1)}T00:00:00Z`)) !== shiftOf(handoff, noon(asOf)),
            ),
          );
          const before = rotationLayer(handoff, zone, members, asOf);
          const after = rotationLayer(handoff, zone, [...members, { id: 'zzzzzzzz', join }], asOf);
          if (!before || !after) throw new Error('a rotation with members has a layer');
          expect(after.order).toContain('zzzzzzzz');
          for (const week of [0, 1])
            expect(onCallAt(after, noon(asOf) + week * 7 * 86_400_000)).toBe(onCallAt(before, noon(asOf) + week * 7 * 86_400_000));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the current and the next shift when someone else leaves', () => {
    fc.assert(
      fc.property(
        handoffs,
        zones,
        histories,
        dateIn('2024-06-01', '2026-12-31'),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        (handoff, zone, members, asOf, pick, daysAgo) => {
          const before = rotationLayer(handoff, zone, members, asOf);
          const onCall = [0, 1].map((week) => (before ? onCallAt(before, noon(asOf) + week * 7 * 86_400_000) : undefined));
          const leavers = inRotation(members, asOf).filter(
            (id) => !onCall.includes(id) && (members.find((member) => member.id === id)?.join ?? asOf) <= day(asOf, -daysAgo),
          );
          fc.pre(before !== undefined && leavers.length > 0);
          const leaver = leavers[pick % leavers.length];
          const after = rotationLayer(
            handoff,
            zone,
            members.map((member) => (member.id === leaver ? { ...member, last: day(asOf, -daysAgo) } : member)),
            asOf,
          );
          if (!after) throw new Error('someone is still on call');
          expect(after.order).not.toContain(leaver);
          for (const week of [0, 1]) expect(onCallAt(after, noon(asOf) + week * 7 * 86_400_000)).toBe(onCall[week]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('does not move with the date while nobody joins or leaves, and agrees with its own replay', () => {
    fc.assert(
      fc.property(
        handoffs,
        zones,
        histories,
        dateIn('2024-06-01', '2026-12-31'),
        fc.integer({ min: 1, max: 60 }),
        (handoff, zone, members, asOf, later) => {
          const then = day(asOf, later);
          const changes = members
            .flatMap((member) => [member.join, ...(member.last ? [day(member.last, 1)] : [])])
            .filter((date) => date > asOf && date <= then);
          fc.pre(changes.length === 0);
          const first = rotationLayer(handoff, zone, members, asOf);
          const second = rotationLayer(handoff, zone, members, then);
          expect(second).toEqual(first);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("starts each turn at the hand-off, written with the time zone's offset then", () => {
    const layer = rotationLayer(
      { day: 'monday', time: '09:00' },
      'Europe/Berlin',
      [
        { id: 'a', join: '2026-07-01' },
        { id: 'b', join: '2026-07-01' },
      ],
      '2026-07-20',
    );
    expect(layer).toEqual({ start: '2026-06-29T09:00:00+02:00', order: ['a', 'b'] });
    expect(rotationLayer({ day: 'monday', time: '09:00' }, 'Europe/Berlin', [{ id: 'a', join: '2026-12-01' }], '2026-12-20')?.start).toBe(
      '2026-11-30T09:00:00+01:00',
    );
  });
});

describe('firstShift', () => {
  const layer = { start: '2026-06-29T09:00:00+02:00', order: ['a', 'b', 'c'] };
  it('is the first week from the date in which the layer puts the person on call', () => {
    expect(firstShift(layer, 'a', '2026-07-01')).toBe('2026-06-29');
    expect(firstShift(layer, 'c', '2026-07-01')).toBe('2026-07-13');
    expect(firstShift(layer, 'a', '2026-07-07')).toBe('2026-07-20');
    expect(firstShift(layer, 'nobody', '2026-07-01')).toBeUndefined();
  });

  it('agrees with who the layer puts on call that week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), dateIn('2026-06-29', '2027-12-31'), (index, from) => {
        const id = layer.order[index] ?? '';
        const first = firstShift(layer, id, from) ?? '';
        expect(first >= day(from, -6)).toBe(true);
        expect(onCallAt(layer, noon(first))).toBe(id);
      }),
    );
  });
});
