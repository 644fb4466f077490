import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { parseTerraform, resourceCounts, resourcesOf, type TerraformJson } from './synth-app';

/** A construct synthesized alone into a throwaway stack, with helpers to read the result. */
export interface SynthesizedScope {
  /** The Terraform JSON text, for cdktf's jest matchers. */
  readonly text: string;
  readonly json: TerraformJson;
  /** Resources of one type by Terraform name (empty when none). */
  resources(type: string): Record<string, Record<string, unknown>>;
  /** Resource counts by type. */
  readonly counts: Record<string, number>;
}

/** Synthesizes what `build` adds to a throwaway stack (cdktf `Testing.synthScope`). */
export function synthScope(build: (scope: Construct) => void): SynthesizedScope {
  const text = Testing.synthScope(build);
  return {
    text,
    json: parseTerraform(text),
    resources: (type) => resourcesOf(text, type),
    counts: resourceCounts(text),
  };
}
