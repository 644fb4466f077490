import { relative, resolve, sep } from 'node:path';
import { Document, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import type { JobDescription } from '../../jd';
import { loadRoles } from '../../load/load-roles';
import { suggestCapabilities } from '../../model/suggest-capabilities';
import { stringOption, type Parsed } from '../args';
import { EXIT, type Io } from '../io';
import { displayPath } from '../shared';
import { jdDraftCommand } from './jd-draft';
import { readJd, singleFile } from './jd-parse-run';

const { usage } = jdDraftCommand;

/** Runs `rolecall jd draft FILE` once its options are parsed and --help is answered. */
export function runJdDraft(parsed: Parsed, io: Io): number {
  const file = singleFile(parsed.positionals, usage);
  const jd = readJd(file, io);
  if (!jd) return EXIT.invalid;
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const rolesDir = resolve(io.cwd, rolesOption);
  const { bundle } = loadRoles(rolesDir, displayPath(rolesOption));
  if (bundle.capabilities.length === 0) {
    io.err(`${displayPath(rolesOption)}/capabilities.yaml:1:1: no valid capabilities to suggest from (run rolecall validate)\n`);
    return EXIT.invalid;
  }
  const capabilities = bundle.capabilities.map((capability) => capability.value);
  const id = typeof parsed.values.id === 'string' ? parsed.values.id : slug(jd.title);
  const jdPath = relative(rolesDir, resolve(io.cwd, file)).split(sep).join('/');
  io.out(draftRole(jd, { id, jdPath, capabilities }));
  return EXIT.ok;
}

/** Renders a draft role file as YAML with review comments. Pure: same JD and catalog, same text. */
export function draftRole(
  jd: JobDescription,
  options: { id: string; jdPath: string; capabilities: readonly { id: string; keywords: readonly string[] }[] },
): string {
  const doc = new Document({ id: options.id, title: jd.title, jd: options.jdPath, duties: [], baseline: [], maintainers: [] });
  doc.commentBefore =
    ' yaml-language-server: $schema=../schema/role.schema.json\n' +
    ` Draft written by \`rolecall jd draft\` from ${options.jdPath}: review every duty. Keep only the duties\n` +
    ' that need access, check each suggested capability, add a baseline with reasons and the maintainers.';
  const duties = doc.get('duties', true);
  const unmatched: string[] = [];
  for (const section of jd.sections.filter((candidate) => candidate.kind === 'duties')) {
    for (const item of section.items) {
      const suggestions = suggestCapabilities(item.text, options.capabilities);
      if (!suggestions.length) {
        unmatched.push(`line ${item.line} (${section.heading}): ${item.text}`);
        continue;
      }
      const duty = new YAMLMap();
      duty.set('quote', item.text);
      const list = new YAMLSeq();
      list.flow = true;
      suggestions.forEach((suggestion) => list.add(suggestion.capabilityId));
      duty.set('capabilities', list);
      duty.commentBefore = ` ${section.heading}, line ${item.line}; matched: ${suggestions.map((s) => `${s.capabilityId} (${s.matched.join(', ')})`).join('; ')}`;
      if (isSeq(duties)) duties.add(duty);
    }
  }
  if (unmatched.length) {
    doc.comment = ` Duties with no capability suggested (quote them above if they need access):\n${unmatched.map((line) => ` - ${line}`).join('\n')}`;
  }
  return doc.toString({ lineWidth: 0 });
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/\([^)]*\)/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'new-role'
  );
}

