/**
 * The floor of synthesis: a bare cdktf app that creates as many resources of each type per stack as
 * rolecall's synthesized output holds, with literal attributes of about the same size, and nothing of
 * rolecall (no model, no constructs, no escaping, no checks). rolecall's synth can only be slower than
 * cdktf itself creating the same resources; the benchmark states how much slower.
 *
 *   node dist/bench/floor.js --from-synth cdktf.out [--out DIR]   count the types in rolecall's output
 *   node dist/bench/floor.js --counts counts.json [--out DIR]      or take counts written before
 *   node dist/bench/floor.js --from-synth cdktf.out --write-counts counts.json   only write the counts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GithubProvider } from '@cdktf/provider-github/lib/provider';
import { PagerdutyProvider } from '@cdktf/provider-pagerduty/lib/provider';
import { FLOOR_RESOURCES, providerOf } from './floor-resources';

/** How many resources of one type a stack holds, and how big they are. */
export interface TypeCount {
  readonly count: number;
  /** Mean length of each resource's longest string attribute (a policy document, a description). */
  readonly text: number;
  /** Mean length of each resource's longest list (team members, schedule users, groups). */
  readonly items: number;
}

/** Resource type counts per stack: what the floor creates. */
export interface FloorCounts {
  readonly stacks: Readonly<Record<string, Readonly<Record<string, TypeCount>>>>;
}

/** Counts the resources of every stack of a synthesized cdktf output directory (`<dir>/stacks/<stack>/cdk.tf.json`). */
export function countResources(outdir: string): FloorCounts {
  const root = join(outdir, 'stacks');
  const stacks: Record<string, Record<string, TypeCount>> = {};
  for (const stack of readdirSync(root).sort()) {
    const file = join(root, stack, 'cdk.tf.json');
    if (!existsSync(file)) continue;
    const config = JSON.parse(readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
    const types: Record<string, TypeCount> = {};
    for (const type of Object.keys(config.resource ?? {}).sort()) {
      const bodies = Object.values(config.resource?.[type] ?? {}).map(withoutMetadata);
      types[type] = { count: bodies.length, text: mean(bodies.map(longestString)), items: mean(bodies.map(longestList)) };
    }
    stacks[stack] = types;
  }
  return { stacks };
}

/** A bare cdktf app with the resources of `counts`, synthesized into `outdir`. */
export function synthFloor(counts: FloorCounts, outdir: string): void {
  const app = new App({ outdir, stackTraces: false });
  for (const [name, types] of Object.entries(counts.stacks)) {
    const stack = new TerraformStack(app, name);
    new LocalBackend(stack, { path: `terraform-state/${name}.tfstate` });
    const providers = new Set(Object.keys(types).map(providerOf));
    for (const provider of [...providers].sort()) addProvider(stack, provider);
    for (const [type, count] of Object.entries(types)) {
      const make = FLOOR_RESOURCES[type];
      if (!make) throw new Error(`the floor has no resource class for ${type} (known: ${Object.keys(FLOOR_RESOURCES).sort().join(', ')})`);
      for (let index = 0; index < count.count; index++) make(stack, index, count);
    }
  }
  app.synth();
}

function addProvider(stack: Construct, provider: string): void {
  if (provider === 'aws')
    new AwsProvider(stack, 'aws', {
      region: 'eu-west-1',
      allowedAccountIds: ['123456789012'],
      defaultTags: [{ tags: { 'managed-by': 'floor' } }],
    });
  else if (provider === 'github') new GithubProvider(stack, 'github', { owner: 'floor-org' });
  else if (provider === 'pagerduty') new PagerdutyProvider(stack, 'pagerduty', {});
  else throw new Error(`the floor has no provider for ${provider}`);
}

function withoutMetadata(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== '//'));
}

function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 0;
  return Math.max(0, ...Object.values(value).map(longestString));
}

function longestList(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const inner = Math.max(0, ...Object.values(value).map(longestList));
  return Array.isArray(value) ? Math.max(value.length, inner) : inner;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

const USAGE = 'usage: node dist/bench/floor.js (--from-synth DIR | --counts FILE) [--out DIR] [--write-counts FILE]';

function cli(args: readonly string[]): number {
  const value = (flag: string): string | undefined => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const fromSynth = value('--from-synth');
  const countsFile = value('--counts');
  if ((fromSynth === undefined) === (countsFile === undefined)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const counts =
    fromSynth !== undefined ? countResources(fromSynth) : (JSON.parse(readFileSync(countsFile as string, 'utf8')) as FloorCounts);
  const writeCounts = value('--write-counts');
  if (writeCounts !== undefined) {
    writeFileSync(writeCounts, `${JSON.stringify(counts, null, 2)}\n`);
    return 0;
  }
  synthFloor(counts, value('--out') ?? process.env.CDKTF_OUTDIR ?? 'floor.out');
  return 0;
}

if (require.main === module) process.exit(cli(process.argv.slice(2)));
