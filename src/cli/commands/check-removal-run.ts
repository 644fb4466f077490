import { loadActionCatalog } from '../../load/action-catalog';
import { hasErrors } from '../../load/problem';
import { diffModels } from '../../review';
import { breakGlassShortfalls, invitationDays, rotationShortfalls } from '../../review/change-guards';
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
  const guardsOf = (side: typeof base) => side.bundle.org?.value.guards ?? DEFAULT_GUARDS;
  const [before, after] = [guardsOf(base), guardsOf(head)];
  // The stricter of both sides: a change cannot loosen the guards that judge it.
  const limit = stricter(before.massRemoval, after.massRemoval);
  const activeBefore = base.model.people.filter((person) => person.status === 'active').length;
  const check = checkMassRemoval(diffModels(base.model, head.model, { catalog: loadActionCatalog() }), activeBefore, limit);
  const share = activeBefore === 0 ? 0 : (check.losing.length * 100) / activeBefore;
  const summary = `${check.losing.length} of ${activeBefore} active people lose access (${share.toFixed(1)} %); the limit is ${limit.people} people and ${limit.percent} %`;
  const list = check.losing.map((person) => `  ${person.id}: ${person.loses.join('; ')}\n`).join('');
  const minMembers = Math.max(before.rotationMinMembers, after.rotationMinMembers);
  const shortfalls = [
    ...breakGlassShortfalls(base.model, head.model, [...before.breakGlass, ...after.breakGlass]).map(
      (holders) => `break-glass capability ${holders.id} is left with ${holders.after.length} active holder${holders.after.length === 1 ? '' : 's'} (${names(holders.after)}; before: ${names(holders.before)}); at least 2 must hold it`,
    ),
    ...rotationShortfalls(base.model, head.model, minMembers).map(
      (holders) => `rotation ${holders.id} is left with ${holders.after.length} active member${holders.after.length === 1 ? '' : 's'} (${names(holders.after)}; before: ${names(holders.before)}); guards.rotationMinMembers is ${minMembers}`,
    ),
  ];
  const perDay = Math.min(before.githubInvitationsPerDay, after.githubInvitationsPerDay);
  const crowded = invitationDays(base.model, head.model).filter((day) => day.people.length > perDay);
  const removalsOver = check.exceeded || shortfalls.length > 0;
  const allowed = removalsOver && io.env.ROLECALL_ALLOW_MASS_REMOVAL === '1';
  const removalReport = `${summary}: ${check.exceeded ? 'over it' : 'within it'}\n${list}${shortfalls.map((line) => `${line}\n`).join('')}`;
  (removalsOver && !allowed ? io.err : io.out)(removalReport);
  if (allowed) io.out('removals over the guards, allowed by ROLECALL_ALLOW_MASS_REMOVAL=1\n');
  else if (removalsOver) io.err('removal refused: review the list; if it is intended, run again with ROLECALL_ALLOW_MASS_REMOVAL=1, or change guards in org.yaml first\n');
  for (const day of crowded) {
    const spare = day.people.slice(perDay);
    io.err(
      `GitHub invitations: the deploy on ${day.date} would invite ${day.people.length} people, over guards.githubInvitationsPerDay (${perDay}); GitHub refuses the rest, and the apply fails half-way. ` +
        `Stage it: start ${spare.length} of them on later days (${names(spare)}), at most ${perDay} a day, or merge the change in batches of at most ${perDay}, one batch a day\n`,
    );
  }
  return (removalsOver && !allowed) || crowded.length > 0 ? EXIT.invalid : EXIT.ok;
}

/** Ids for a message: the first ten, then how many more. */
function names(ids: readonly string[]): string {
  if (ids.length === 0) return 'nobody';
  return ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;
}
