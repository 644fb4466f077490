import type { PersonFile } from '../../schema';
import type { PersonStatus } from '../types';

/** Whether a person's access is in force on `asOf` (YYYY-MM-DD): from `start` through `end`, inclusive. */
export function personStatus(person: Pick<PersonFile, 'start' | 'end'>, asOf: string): PersonStatus {
  if (asOf < person.start) return 'not-started';
  if (person.end !== undefined && asOf > person.end) return 'ended';
  return 'active';
}
