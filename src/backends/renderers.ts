import { awsRenderer } from './aws/render';
import { githubRenderer } from './github/render';
import { oncallRenderer } from './oncall/render';
import type { BackendId, GrantRenderer, GrantTextOptions, TargetOf } from './types';

/** The render part of every backend, one line each: the only place that lists them. */
const RENDERERS: { readonly [B in BackendId]: GrantRenderer<B> } = {
  aws: awsRenderer,
  github: githubRenderer,
  oncall: oncallRenderer,
};

/** The renderer of a grant target's backend. */
function rendererOf<B extends BackendId>(target: TargetOf<B>): GrantRenderer<B> {
  // Each backend is paired with its own target type above; an index by a union key loses that pairing,
  // so the one cast is here.
  return RENDERERS[target.backend] as GrantRenderer<B>;
}

/** A grant as `rolecall explain` shows it, by its backend's renderer. */
export function grantExplainLines<B extends BackendId>(target: TargetOf<B>, options: GrantTextOptions = {}): string[] {
  return rendererOf(target).explainLines(target, options);
}

/** A grant in one line of plain text (the access review), by its backend's renderer. */
export function grantAccessText<B extends BackendId>(target: TargetOf<B>): string {
  return rendererOf(target).accessText(target);
}

/** A grant in one line of Markdown (the onboarding packet), by its backend's renderer. */
export function grantSummary<B extends BackendId>(target: TargetOf<B>, code: (text: string) => string): string {
  return rendererOf(target).summary(target, code);
}
