import { relative, resolve, sep } from 'node:path';
import { loadActionCatalog } from '../../pipeline/action-catalog';
import { splitJdReference } from '../../load/jd-reference';
import { loadRoles } from '../../load/load-roles';
import { formatProblem } from '../../load/problem';
import { computeCapabilityRisk } from '../../model/build/capability-risk';
import { draftRoleDecisions } from '../../model/draft/draft-role';
import { stringOption, type Parsed } from '../args';
import { EXIT, type Io } from '../io';
import { displayPath } from '../shared';
import { renderRoleDraft } from './jd-draft-render';
import { jdDraftCommand } from './jd-draft';
import { readerVocabularyOf, readJd, singleFile } from './jd-parse-run';

const { usage } = jdDraftCommand;

/** Runs `rolecall jd draft FILE[#ANCHOR]` once its options are parsed and --help is answered. */
export function runJdDraft(parsed: Parsed, io: Io): number {
  const reference = singleFile(parsed.positionals, usage);
  const vocabulary = readerVocabularyOf(parsed, io);
  if (vocabulary === undefined) return EXIT.invalid;
  const jd = readJd(reference, io, vocabulary);
  if (!jd) return EXIT.invalid;
  const { path: file, anchor } = splitJdReference(reference);
  const duties = jd.sections
    .filter((section) => section.kind === 'duties')
    .flatMap((section) => section.items.map((item) => ({ text: item.text, line: item.line, section: section.heading })));
  if (duties.length === 0) {
    const hint = jd.roles.length
      ? `the page describes several roles: draft one with ${jd.roles.map((role) => `${file}#${role.anchor}`).join(', ')}`
      : 'no section lists duties: name their headings in org.yaml jdSections.duties, or check them with rolecall jd parse';
    io.err(
      `${formatProblem({ severity: 'error', file, line: 1, column: 1, message: 'no duties found in the JD; nothing to draft', hint })}\n`,
    );
    return EXIT.invalid;
  }
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const rolesDir = resolve(io.cwd, rolesOption);
  const { bundle } = loadRoles(rolesDir, displayPath(rolesOption));
  if (bundle.capabilities.length === 0) {
    io.err(`${displayPath(rolesOption)}/capabilities.yaml:1:1: no valid capabilities to suggest from (run rolecall validate)\n`);
    return EXIT.invalid;
  }
  const catalog = loadActionCatalog();
  const capabilities = bundle.capabilities.map(({ value }) => ({
    id: value.id,
    keywords: value.keywords,
    risk: computeCapabilityRisk(value, catalog).level,
  }));
  const id = typeof parsed.values.id === 'string' ? parsed.values.id : slug(jd.title);
  const jdPath = relative(rolesDir, resolve(io.cwd, file)).split(sep).join('/') + (anchor === undefined ? '' : `#${anchor}`);
  io.out(renderRoleDraft(draftRoleDecisions(duties, capabilities), { id, title: jd.title, jdPath }));
  return EXIT.ok;
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
