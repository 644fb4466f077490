import type { GrantTarget } from '../model/types';
import type { CapabilityFile } from '../schema';

/**
 * What rolecall asks of a backend (AWS, GitHub, on-call, …), one part per layer, each in the backend's
 * own folder (`src/backends/<name>/`) and listed once in that layer's registry. The core iterates the
 * registry and names no backend. The parts so far: how a grant of the backend reads (`render.ts`).
 */

/** The backends that grant access, by the `backend` of their grant targets. */
export type BackendId = GrantTarget['backend'];

/** The grant targets of one backend. */
export type TargetOf<B extends BackendId> = Extract<GrantTarget, { readonly backend: B }>;

/** Options for reading a grant in full (`rolecall explain`). */
export interface GrantTextOptions {
  /** Expands a wildcard action (`ec2:Describe*`) into the actions it stands for. */
  readonly expandWildcard?: (action: string) => readonly string[];
}

/** How a backend's grants read: in `explain` in full, in a row of the access review, in an onboarding packet. */
export interface GrantRenderer<B extends BackendId> {
  /** Lines under the grant's capability in `rolecall explain`, the first naming the target. */
  explainLines(target: TargetOf<B>, options: GrantTextOptions): string[];
  /** One line of plain text: the access review's CSV and Markdown cells. */
  accessText(target: TargetOf<B>): string;
  /** One line for a Markdown page (the onboarding packet); `code` shows an identifier as code. */
  summary(target: TargetOf<B>, code: (text: string) => string): string;
}

/**
 * What the model derives once per capability, shared by every backend part that needs it: each AWS
 * account's statements and managed policies after expansion and placement (`awsByAccount`).
 */
export interface CapabilityDerivations {
  readonly aws: readonly (readonly [account: string, access: Omit<TargetOf<'aws'>, 'backend' | 'kind' | 'account'>])[];
}

/** How a backend's grant targets come from a capability: the model part that turns a capability file into grants. */
export interface TargetsPart<B extends BackendId> {
  /** The capability's targets in this backend, each with a stable key (`aws:prod`, `github:repo:infra`). */
  targets(capability: CapabilityFile, derived: CapabilityDerivations): readonly (readonly [key: string, target: TargetOf<B>])[];
}
