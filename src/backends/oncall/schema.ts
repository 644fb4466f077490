import { z } from 'zod';
import { IdSchema } from '../../schema/common';

/** The on-call part of a capability (`oncall:` in capabilities.yaml): the rotations its holders are in. */
export const OncallGrantSchema = z.strictObject({ rotations: z.array(IdSchema).min(1) });
