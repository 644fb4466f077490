import * as path from 'node:path';
import { LocalBackend, S3Backend, type TerraformStack } from 'cdktf';
import type { OrgFile } from '../src/schema/org';
import { terraformLiteral as literal } from '../src/constructs/terraform-literal';

/** Where Terraform keeps state: the `state:` block of org.yaml. */
export type StateConfig = OrgFile['state'];

/** Options of {@link configureStateBackend}. */
export interface StateBackendOptions {
  /**
   * Directory Terraform runs this stack in (`<outdir>/stacks/<stack>`): a relative local state
   * directory is written relative to it, so the rendered path is the same on every machine.
   */
  readonly workingDirectory: string;
}

/**
 * Gives `stack` its state backend, one state per stack: local `<directory>/<stack>.tfstate`, or S3 at
 * `<keyPrefix><stack>.tfstate`. A relative local directory is taken from the project directory (where
 * cdktf runs) and written relative to the stack's working directory, never as an absolute path, which
 * would differ between machines; state stays out of `cdktf.out`, which synth may clear.
 */
export function configureStateBackend(stack: TerraformStack, state: StateConfig, options: StateBackendOptions): void {
  const file = `${stack.node.id}.tfstate`;
  if (state.backend === 'local') {
    const directory = path.isAbsolute(state.directory)
      ? state.directory
      : path.relative(path.resolve(options.workingDirectory), path.resolve(state.directory));
    new LocalBackend(stack, { path: literal(toPosix(path.join(directory, file))) });
    return;
  }
  const backend = new S3Backend(stack, {
    bucket: literal(state.bucket),
    key: literal(`${state.keyPrefix}${file}`),
    region: literal(state.region),
    encrypt: state.encrypt,
    ...(state.kmsKeyId ? { kmsKeyId: literal(state.kmsKeyId) } : {}),
  });
  // cdktf 0.21's S3Backend predates S3-native locking (Terraform 1.10+); the key is added as written.
  // https://developer.hashicorp.com/terraform/language/backend/s3#use_lockfile
  backend.addOverride('use_lockfile', state.useLockfile);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
