import { AwsGrantSchema } from './aws/schema';
import { GithubGrantSchema } from './github/schema';
import { OncallGrantSchema } from './oncall/schema';

/**
 * The schema part of every backend: what a capability may grant in it, keyed as capabilities.yaml
 * writes it, one line each (in this order in the JSON Schema). The capability schema spreads them in.
 */
export const CAPABILITY_GRANTS = {
  aws: AwsGrantSchema.array().default([]),
  github: GithubGrantSchema.optional(),
  oncall: OncallGrantSchema.optional(),
};
