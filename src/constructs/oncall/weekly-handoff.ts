import type { Rotation } from '../../model/types';
import { wallToRfc3339 } from '../../util/time-zone';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A weekly hand-off in the words of the on-call backends. */
export interface WeeklyHandoff {
  /** 0 for Monday … 6 for Sunday. */
  readonly dayIndex: number;
  /** Incident Manager's day: `MON` … `SUN`. */
  readonly dayOfWeek: string;
  readonly hour: number;
  readonly minute: number;
}

/** Reads a model hand-off (`monday`, `09:00`); throws on anything else, which the schema rules out. */
export function weeklyHandoff(handoff: Rotation['handoff']): WeeklyHandoff {
  const dayIndex = DAYS.findIndex((day) => day === handoff.day.toLowerCase());
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(handoff.time);
  if (dayIndex < 0 || !time) throw new Error(`expected a hand-off such as monday 09:00, got ${handoff.day} ${handoff.time}`);
  return {
    dayIndex,
    dayOfWeek: handoff.day.slice(0, 3).toUpperCase(),
    hour: Number(time[1]),
    minute: Number(time[2]),
  };
}

/**
 * A fixed instant on the hand-off's weekday and wall-clock time in `timeZone`, in the first week of
 * 2024 (which starts on a Monday), as RFC 3339 with the zone's offset then. Fixed, not derived from the
 * model's date, so the rendered schedule is the same every day; a weekly rotation keeps the wall-clock
 * hand-off across daylight-saving changes in the schedule's time zone.
 */
export function handoffAnchor(handoff: Rotation['handoff'], timeZone: string): string {
  const { dayIndex, hour, minute } = weeklyHandoff(handoff);
  return wallToRfc3339(Date.UTC(2024, 0, 1 + dayIndex, hour, minute), timeZone);
}
