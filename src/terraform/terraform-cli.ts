import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The provider the AWS stacks need, as the filesystem mirror must hold it. */
export const AWS_PROVIDER = { address: 'registry.terraform.io/hashicorp/aws', version: '5.100.0' } as const;

/** Where a filesystem mirror of hashicorp/aws is looked for when ROLECALL_TF_PLUGIN_MIRROR is unset. */
export const MIRROR_CANDIDATES: readonly string[] = [
  '/opt/tf-plugins',
  '/usr/share/terraform/plugins',
  '/usr/local/share/terraform/plugins',
  '/usr/lib/terraform/plugins',
  '/opt/terraform/plugins',
  path.join(os.homedir(), '.terraform.d', 'plugins'),
];

/** Terraform's name for this machine's platform, e.g. `linux_amd64`. */
export function terraformPlatform(): string {
  const arch = ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;
  return `${process.platform}_${arch}`;
}

/** What the Terraform tests need, and what is missing, in words a person can act on. */
export interface TerraformPrerequisites {
  readonly terraformVersion?: string;
  readonly mirror?: string;
  readonly missing: readonly string[];
}

/** Looks for the Terraform CLI on PATH and for a mirror holding hashicorp/aws 5.100.0 for this platform. */
export function findPrerequisites(env: NodeJS.ProcessEnv = process.env): TerraformPrerequisites {
  const missing: string[] = [];
  let terraformVersion: string | undefined;
  try {
    const output = execFileSync('terraform', ['version', '-json'], {
      encoding: 'utf8',
      env: childEnv(env, {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    terraformVersion = (JSON.parse(output) as { terraform_version?: string }).terraform_version ?? 'unknown';
  } catch (error) {
    missing.push(`the terraform CLI is not on PATH or does not run (${(error as Error).message.split('\n')[0]})`);
  }
  const provider = path.join(AWS_PROVIDER.address, AWS_PROVIDER.version, terraformPlatform());
  const candidates = env.ROLECALL_TF_PLUGIN_MIRROR ? [env.ROLECALL_TF_PLUGIN_MIRROR] : MIRROR_CANDIDATES;
  const mirror = candidates.find((candidate) => fs.existsSync(path.join(candidate, provider)));
  if (!mirror && env.ROLECALL_TF_REGISTRY !== '1') {
    missing.push(
      `no filesystem mirror holds ${provider}/ (looked in ${candidates.join(', ')}; set ROLECALL_TF_PLUGIN_MIRROR to the mirror directory, or ROLECALL_TF_REGISTRY=1 to install from the registry)`,
    );
  }
  return { ...(terraformVersion ? { terraformVersion } : {}), ...(mirror ? { mirror } : {}), missing };
}

/**
 * Writes a CLI configuration that installs hashicorp/aws from `mirror` only and never from the
 * registry, with a plugin cache beside it (Terraform links mirror → cache → `.terraform`, so nothing is
 * copied). Without a mirror (ROLECALL_TF_REGISTRY=1) providers come from the registry, downloaded once
 * into the cache. Returns its path; it is handed to child processes through TF_CLI_CONFIG_FILE only.
 */
export function writeCliConfig(dir: string, mirror: string | undefined): string {
  const cache = path.join(dir, 'plugin-cache');
  fs.mkdirSync(cache, { recursive: true });
  const file = path.join(dir, 'terraform.tfrc');
  const include = JSON.stringify([AWS_PROVIDER.address]);
  fs.writeFileSync(
    file,
    (mirror === undefined
      ? [`plugin_cache_dir = ${JSON.stringify(cache)}`, '']
      : [
          `plugin_cache_dir = ${JSON.stringify(cache)}`,
          'provider_installation {',
          '  filesystem_mirror {',
          `    path    = ${JSON.stringify(mirror)}`,
          `    include = ${include}`,
          '  }',
          '  direct {',
          `    exclude = ${include}`,
          '  }',
          '}',
          '',
        ]
    ).join('\n'),
  );
  return file;
}

/**
 * The environment of a Terraform child process: this process's, without anything that could reach a
 * real AWS account or change where Terraform works, plus `extra`.
 */
export function childEnv(env: NodeJS.ProcessEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.startsWith('AWS_') && !key.startsWith('TF_') && key !== 'CHECKPOINT_DISABLE'),
  );
  return { ...kept, CHECKPOINT_DISABLE: '1', ...extra };
}

/** The outcome of one Terraform command. */
export interface TerraformRun {
  readonly stdout: string;
  readonly seconds: number;
}

/** Runs `terraform <args>` in `cwd`; rejects with the command and its output when it fails. */
export function terraform(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<TerraformRun> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile('terraform', [...args], { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (error) {
        reject(new Error(`terraform ${args.join(' ')} failed in ${cwd} (exit ${String(error.code)}):\n${stderr}\n${stdout}`));
        return;
      }
      resolve({ stdout, seconds });
    });
  });
}

/** A saved plan as `terraform show -json` prints it (the parts the tests read). */
export interface PlanJson {
  readonly resource_changes?: readonly {
    readonly type: string;
    readonly address: string;
    readonly change: { readonly actions: readonly string[]; readonly after?: Record<string, unknown> };
  }[];
}

/** Planned resources per type and action, e.g. `{ create: { aws_iam_user: 5 } }`. */
export function plannedCounts(plan: PlanJson): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const change of plan.resource_changes ?? []) {
    const action = change.change.actions.join('+');
    const byType = (counts[action] ??= {});
    byType[change.type] = (byType[change.type] ?? 0) + 1;
  }
  for (const byType of Object.values(counts)) {
    const sorted = Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1)));
    for (const key of Object.keys(byType)) delete byType[key];
    Object.assign(byType, sorted);
  }
  return counts;
}
