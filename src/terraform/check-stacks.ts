import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStsStandIn, type StsStandIn } from './sts-stand-in';
import { AWS_PROVIDER, childEnv, findPrerequisites, plannedCounts, terraform, writeCliConfig, type PlanJson } from './terraform-cli';

/** What happened to one synthesized stack. */
export interface StackCheck {
  readonly stack: string;
  readonly status: 'validated' | 'planned' | 'skipped' | 'failed';
  /** Why it was skipped or how it failed; planned counts per action and type when planned. */
  readonly detail: string;
  readonly counts?: Record<string, Record<string, number>>;
}

/** Options of a stack check. */
export interface CheckStacksOptions {
  /**
   * Also run `terraform plan`, offline: no refresh, and fake credentials taken to belong to the account
   * each AWS provider is pinned to, with STS answered locally (see {@link startStsStandIn}).
   */
  readonly plan?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Told, before each stack, which one and what runs: the checks of a large organisation take minutes. */
  readonly progress?: (line: string) => void;
}

/**
 * Runs `terraform init` and `terraform validate` (and, optionally, `plan`) in every stack that
 * `cdktf synth` wrote to `outdir`/stacks. Providers come from a local filesystem mirror when one holds
 * hashicorp/aws (there is no registry here); stacks needing a provider the mirror lacks are skipped
 * and say so. Without a mirror, Terraform installs providers as it normally would.
 */
export async function checkStacks(outdir: string, options: CheckStacksOptions = {}): Promise<StackCheck[]> {
  const env = options.env ?? process.env;
  const stacksDir = join(outdir, 'stacks');
  if (!existsSync(stacksDir))
    return [{ stack: outdir, status: 'failed', detail: `no synthesized stacks in ${stacksDir} (run cdktf synth first)` }];
  const prerequisites = findPrerequisites(env);
  if (!prerequisites.terraformVersion) return [{ stack: outdir, status: 'failed', detail: prerequisites.missing.join('; ') }];
  const work = mkdtempSync(join(tmpdir(), 'rolecall-check-'));
  const extra: Record<string, string> = { TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  if (prerequisites.mirror || env.ROLECALL_TF_REGISTRY === '1') extra.TF_CLI_CONFIG_FILE = writeCliConfig(work, prerequisites.mirror);
  const childEnvironment = options.plan || prerequisites.mirror ? childEnv(env, extra) : env;
  const results: StackCheck[] = [];
  const sts: StsStandIn | undefined = options.plan ? await startStsStandIn() : undefined;
  try {
    const stacks = readdirSync(stacksDir).sort();
    for (const [index, stack] of stacks.entries()) {
      const dir = join(stacksDir, stack);
      options.progress?.(
        `${stack} (${index + 1}/${stacks.length}): terraform init, ${options.plan ? 'plan (which validates)' : 'validate'}`,
      );
      const config = readConfig(join(dir, 'cdk.tf.json'));
      const sources = providerSources(config);
      const unavailable = prerequisites.mirror
        ? sources.filter((source) => `registry.terraform.io/${source}` !== AWS_PROVIDER.address)
        : [];
      if (unavailable.length) {
        results.push({
          stack,
          status: 'skipped',
          detail: `needs ${unavailable.join(', ')}, which the local provider mirror does not hold`,
        });
        continue;
      }
      // The stack's directory is left as cdktf wrote it, usable by a plain `terraform init` there: the
      // working data (provider links into this run's mirror and cache, the backend settings) goes into
      // this run's temporary folder, and a lock file Terraform writes is removed again (it would record
      // the mirror's hashes for this platform only).
      const stackEnvironment = { ...childEnvironment, TF_DATA_DIR: join(work, 'data', stack) };
      const lockFile = join(dir, '.terraform.lock.hcl');
      const hadLockFile = existsSync(lockFile);
      try {
        // Validation needs no backend; a plan needs the (local) backend initialised.
        await terraform(dir, ['init', '-input=false', '-no-color', ...(options.plan ? [] : ['-backend=false'])], stackEnvironment);
        const lookups = dataSources(config);
        // `terraform plan` validates the configuration first, with the same diagnostics: a stack that is
        // planned is not validated a second time (each run loads the provider's schema, seconds for AWS).
        if (!options.plan || lookups.length > 0) await terraform(dir, ['validate', '-no-color'], stackEnvironment);
        if (!options.plan) {
          results.push({ stack, status: 'validated', detail: 'terraform validate: ok' });
          continue;
        }
        if (lookups.length > 0) {
          // A data source is read during plan, refresh or not: no offline answer exists for it.
          results.push({
            stack,
            status: 'validated',
            detail: `terraform validate: ok; not planned: it reads ${lookups.join(', ')} from AWS, which needs real credentials and its base stack applied`,
          });
          continue;
        }
        const account = pinnedAccount(config);
        const planEnvironment = sts && account ? { ...stackEnvironment, ...sts.environmentFor(account) } : stackEnvironment;
        const planFile = join(work, 'data', stack, 'rolecall.tfplan');
        await terraform(dir, ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', `-out=${planFile}`], planEnvironment);
        const show = await terraform(dir, ['show', '-json', planFile], stackEnvironment);
        const counts = plannedCounts(JSON.parse(show.stdout) as PlanJson);
        results.push({ stack, status: 'planned', detail: summarize(counts), counts });
      } catch (error) {
        results.push({ stack, status: 'failed', detail: error instanceof Error ? error.message : String(error) });
      } finally {
        if (!hadLockFile) rmSync(lockFile, { force: true });
      }
    }
  } finally {
    await sts?.close();
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

/** The parts of a synthesized stack that say which providers it needs, where AWS runs and what it reads. */
interface StackConfig {
  readonly terraform?: { readonly required_providers?: Record<string, { readonly source?: string }> };
  readonly provider?: { readonly aws?: readonly { readonly allowed_account_ids?: readonly string[] }[] };
  readonly data?: Record<string, Record<string, unknown>>;
}

/** The data source types a stack reads (an Identity Center people shard looks its groups up), sorted. */
function dataSources(config: StackConfig): string[] {
  return Object.keys(config.data ?? {}).sort();
}

function readConfig(file: string): StackConfig {
  return JSON.parse(readFileSync(file, 'utf8')) as StackConfig;
}

/** The account a stack's AWS provider is pinned to, which the plan's credentials are taken to belong to. */
function pinnedAccount(config: StackConfig): string | undefined {
  return config.provider?.aws?.[0]?.allowed_account_ids?.[0];
}

/** Provider sources a synthesized stack requires, e.g. `hashicorp/aws`. */
function providerSources(json: StackConfig): string[] {
  return Object.values(json.terraform?.required_providers ?? {})
    .map((provider) => provider.source ?? '')
    .filter(Boolean)
    .sort();
}

function summarize(counts: Record<string, Record<string, number>>): string {
  return (
    Object.entries(counts)
      .map(
        ([action, byType]) =>
          `${action} ${Object.values(byType).reduce((sum, count) => sum + count, 0)} (${Object.entries(byType)
            .map(([type, count]) => `${type} ${count}`)
            .join(', ')})`,
      )
      .join('; ') || 'no changes'
  );
}
