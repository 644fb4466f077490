import type { GrantRenderer } from '../types';

/** How an on-call grant (a rotation) reads, whichever on-call backend runs it. */
export const oncallRenderer: GrantRenderer<'oncall'> = {
  explainLines: (target) => [`grants on-call rotation ${target.rotation}`],
  accessText: (target) => `on-call rotation ${target.rotation}`,
  summary: (target, code) => `on-call rotation ${code(target.rotation)}`,
};
