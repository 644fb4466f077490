import { handoffAnchor, weeklyHandoff } from '../../src/constructs/oncall/weekly-handoff';

describe('weeklyHandoff', () => {
  test.each([
    ['monday', '09:00', { dayIndex: 0, dayOfWeek: 'MON', hour: 9, minute: 0 }],
    ['wednesday', '10:30', { dayIndex: 2, dayOfWeek: 'WED', hour: 10, minute: 30 }],
    ['sunday', '23:59', { dayIndex: 6, dayOfWeek: 'SUN', hour: 23, minute: 59 }],
  ])('reads %s %s', (day, time, expected) => {
    expect(weeklyHandoff({ day, time })).toEqual(expected);
  });

  test.each([
    ['someday', '09:00'],
    ['monday', '24:00'],
    ['monday', '9:00'],
  ])('fails on %s %s', (day, time) => {
    expect(() => weeklyHandoff({ day, time })).toThrow('expected a hand-off such as monday 09:00');
  });
});

describe('handoffAnchor', () => {
  test.each([
    [{ day: 'monday', time: '09:00' }, 'Europe/Berlin', '2024-01-01T09:00:00+01:00'],
    [{ day: 'wednesday', time: '10:30' }, 'Europe/Berlin', '2024-01-03T10:30:00+01:00'],
    [{ day: 'friday', time: '17:00' }, 'America/New_York', '2024-01-05T17:00:00-05:00'],
    [{ day: 'sunday', time: '00:15' }, 'Asia/Kathmandu', '2024-01-07T00:15:00+05:45'],
    [{ day: 'tuesday', time: '08:00' }, 'UTC', '2024-01-02T08:00:00+00:00'],
  ])('anchors %o in %s at %s', (handoff, zone, expected) => {
    expect(handoffAnchor(handoff, zone)).toBe(expected);
  });
});
