import type { Rotation } from '../../model/types';

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
  const date = `2024-01-0${1 + dayIndex}`;
  const wall = Date.UTC(2024, 0, 1 + dayIndex, hour, minute);
  // The offset at the wall-clock time, read twice so a time near a transition settles.
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${pad(hour)}:${pad(minute)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!match) throw new Error(`cannot read the UTC offset of ${timeZone} from "${name}"`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
