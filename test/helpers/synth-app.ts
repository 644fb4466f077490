import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AccessModel } from '../../src/model/types';
import type { StacksConfig } from '../../src/schema/org';
import { addRolecallStacks, rolecallApp, type RolecallStacks } from '../../stacks/rolecall-stacks';
import type { StateConfig } from '../../stacks/state-backend';

/** What {@link synthApp} produced. */
export interface SynthesizedApp {
  /** Where the app was written: the given directory, or none when a temporary one was used and removed. */
  readonly outdir?: string;
  readonly stacks: RolecallStacks;
  /** The bytes of each stack's cdk.tf.json, by stack name. */
  readonly files: ReadonlyMap<string, string>;
}

/** Options of {@link synthApp}. */
export interface SynthAppOptions {
  /** @default a temporary directory, removed once the files are read */
  readonly outdir?: string;
  /** @default local state in `terraform-state` */
  readonly state?: StateConfig;
  /** org.yaml `stacks:`. @default - none: no people shards */
  readonly stacks?: StacksConfig;
}

/** Synthesizes every rolecall stack of `model` the way stacks/main.ts does, and reads the results back. */
export function synthApp(model: AccessModel, options: SynthAppOptions = {}): SynthesizedApp {
  const outdir = options.outdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-synth-'));
  try {
    return synthInto(outdir, model, options);
  } finally {
    if (options.outdir === undefined) fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function synthInto(outdir: string, model: AccessModel, options: SynthAppOptions): SynthesizedApp {
  fs.mkdirSync(outdir, { recursive: true });
  const app = rolecallApp(outdir);
  const stacks = addRolecallStacks(app, model, {
    state: options.state ?? { backend: 'local', directory: 'terraform-state' },
    ...(options.stacks ? { stacks: options.stacks } : {}),
  });
  app.synth();
  const files = new Map<string, string>();
  const stacksDir = path.join(outdir, 'stacks');
  for (const name of fs.readdirSync(stacksDir).sort()) {
    files.set(name, fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
  }
  return { ...(options.outdir !== undefined ? { outdir } : {}), stacks, files };
}

/** Terraform JSON of a stack, parsed. */
export interface TerraformJson {
  readonly terraform?: {
    readonly required_providers?: Record<string, { readonly source?: string; readonly version?: string }>;
    readonly backend?: Record<string, Record<string, unknown>>;
  };
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
}

/** Parses synthesized Terraform JSON. */
export function parseTerraform(text: string): TerraformJson {
  return JSON.parse(text) as TerraformJson;
}

/** The resources of one type in synthesized Terraform JSON, by name (empty when there are none). */
export function resourcesOf(text: string, type: string): Record<string, Record<string, unknown>> {
  return parseTerraform(text).resource?.[type] ?? {};
}

/** How many resources of each type synthesized Terraform JSON holds. */
export function resourceCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [type, resources] of Object.entries(parseTerraform(text).resource ?? {})) counts[type] = Object.keys(resources).length;
  return counts;
}
