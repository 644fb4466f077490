import { loadActionCatalog } from '../../load/action-catalog';
import { hasErrors } from '../../load/problem';
import { diffModels } from '../../review';
import { checkMassRemoval, stricter } from '../../review/mass-removal';
import { DEFAULT_GUARDS } from '../../schema/guards';
import { showValue } from '../../util/safe-text';
import { asOfOption, stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { envAsOf, printProblems, problemSummary } from '../shared';
import { checkRemovalCommand } from './check-removal';
import { loadSides } from './load-sides';

const { usage } = checkRemovalCommand;

/** Runs `rolecall check-removal` once its options are parsed and --help is answered. */
export function runCheckRemoval(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument ${showValue(parsed.positionals[0])}`, usage);
  const baseRef = parsed.values.base;
  if (typeof baseRef !== 'string') throw new UsageError('missing --base REV', usage);
  const headRef = typeof parsed.values.head === 'string' ? parsed.values.head : undefined;
  const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
  const { base, head, labels } = loadSides(io, usage, { baseRef, headRef, rolesOption: stringOption(parsed.values.roles, 'roles'), asOf });
  if (!base.model || !head.model) {
    for (const [side, loaded] of [['base', base], ['head', head]] as const) {
      if (!hasErrors(loaded.problems)) continue;
      io.err(`${side} ${labels[side].ref}: invalid: ${problemSummary(loaded.problems)}\n`);
      printProblems(loaded.problems.filter((problem) => problem.severity === 'error'), io);
    }
    return EXIT.invalid;
  }
  const limit = stricter(base.bundle.org?.value.guards.massRemoval ?? DEFAULT_GUARDS.massRemoval, head.bundle.org?.value.guards.massRemoval ?? DEFAULT_GUARDS.massRemoval);
  const activeBefore = base.model.people.filter((person) => person.status === 'active').length;
  const check = checkMassRemoval(diffModels(base.model, head.model, { catalog: loadActionCatalog() }), activeBefore, limit);
  const share = activeBefore === 0 ? 0 : (check.losing.length * 100) / activeBefore;
  const summary = `${check.losing.length} of ${activeBefore} active people lose access (${share.toFixed(1)} %); the limit is ${limit.people} people and ${limit.percent} %`;
  const list = check.losing.map((person) => `  ${person.id}: ${person.loses.join('; ')}\n`).join('');
  if (!check.exceeded) {
    io.out(`${summary}: within it\n${list}`);
    return EXIT.ok;
  }
  if (io.env.ROLECALL_ALLOW_MASS_REMOVAL === '1') {
    io.out(`${summary}: over it, allowed by ROLECALL_ALLOW_MASS_REMOVAL=1\n${list}`);
    return EXIT.ok;
  }
  io.err(`${summary}: over it\n${list}mass removal refused: review the list; if it is intended, run again with ROLECALL_ALLOW_MASS_REMOVAL=1, or raise guards.massRemoval in org.yaml\n`);
  return EXIT.invalid;
}
