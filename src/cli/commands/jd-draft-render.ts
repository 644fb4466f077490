import { stringify } from 'yaml';
import type { DraftDuty, RoleDraft } from '../../model/draft/draft-role';
import type { Suggestion } from '../../model/draft/suggest-capabilities';

/** A YAML scalar that reads back as exactly `text`: plain where that is safe, quoted otherwise. */
function scalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** Text for a comment: one line. */
function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function because(suggestions: readonly Suggestion[]): string {
  return suggestions
    .map((suggestion) => `${suggestion.capabilityId} (${suggestion.matched.join(', ')}; score ${suggestion.score})`)
    .join('; ');
}

function dutyLines(duty: DraftDuty): string[] {
  const where = commentText(`${duty.section || 'untitled section'}, line ${duty.line}`);
  const ids = (suggestions: readonly Suggestion[]): string => suggestions.map((suggestion) => suggestion.capabilityId).join(', ');
  if (duty.granted.length === 0) {
    return [
      `  # ${where}: only high-risk capabilities suggested, none granted; to grant, review and uncomment:`,
      `  #   ${commentText(because(duty.held))}`,
      `  # - quote: ${commentText(scalar(duty.text))}`,
      `  #   capabilities: [${ids(duty.held)}]`,
    ];
  }
  const lines = [
    `  # ${where}; matched: ${commentText(because(duty.granted))}`,
    `  - quote: ${scalar(duty.text)}`,
    `    capabilities: [${ids(duty.granted)}]`,
  ];
  if (duty.held.length > 0) {
    lines.push(`    # high risk, not granted; to grant, review and add: ${commentText(because(duty.held))}`);
  }
  return lines;
}

/**
 * Renders a draft role file: the duties that suggest capabilities, high-risk ones only in comments, and
 * the duties with no suggestion listed at the end. Pure: the same decisions give the same text.
 */
export function renderRoleDraft(
  draft: RoleDraft,
  options: { readonly id: string; readonly title: string; readonly jdPath: string },
): string {
  const suggested = draft.duties.filter((duty) => duty.granted.length > 0 || duty.held.length > 0);
  const unmatched = draft.duties.filter((duty) => duty.granted.length === 0 && duty.held.length === 0);
  const header = [
    '# yaml-language-server: $schema=../schema/role.schema.json',
    `# Draft written by \`rolecall jd draft\` from ${commentText(options.jdPath)}: review every duty. Keep only the duties`,
    '# that need access, check each suggested capability, add a baseline with reasons and the maintainers.',
    '# A draft never grants a high-risk capability: each one suggested is in a comment under its duty.',
  ];
  if (!draft.grantsAnything) {
    header.push('# No duty suggests a capability that is not high risk, so this draft grants nothing and does not validate');
    header.push('# until a duty has a capability (a role needs at least one).');
  }
  const lines = [...header, `id: ${scalar(options.id)}`, `title: ${scalar(options.title)}`, `jd: ${scalar(options.jdPath)}`];
  lines.push(suggested.some((duty) => duty.granted.length > 0) ? 'duties:' : 'duties: []');
  for (const duty of suggested) lines.push(...dutyLines(duty));
  lines.push('baseline: []', 'maintainers: []');
  if (unmatched.length > 0) {
    lines.push('', '# Duties with no capability suggested (quote them above if they need access):');
    for (const duty of unmatched)
      lines.push(`#  - line ${duty.line} (${commentText(duty.section || 'untitled section')}): ${commentText(duty.text)}`);
  }
  return `${lines.join('\n')}\n`;
}
