import { loadActionCatalog } from '../../pipeline/action-catalog';
import { hasErrors } from '../../load/problem';
import { diffModels } from '../../review';
import { breakGlassShortfalls, invitationDays, rotationShortfalls } from '../../review/change-guards';
import { checkMassRemoval, MASS_REMOVAL_FLOOR, stricter } from '../../review/mass-removal';
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
    for (const [side, loaded] of [
      ['base', base],
      ['head', head],
    ] as const) {
      if (!hasErrors(loaded.problems)) continue;
      io.err(`${side} ${labels[side].ref}: invalid: ${problemSummary(loaded.problems)}\n`);
      printProblems(
        loaded.problems.filter((problem) => problem.severity === 'error'),
        io,
      );
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
  const minMembers = Math.max(before.rotationMinMembers, after.rotationMinMembers);
  const guards: Verdict[] = [
    {
      lines: [
        `${check.losing.length} of ${activeBefore} active people lose access (${share.toFixed(1)} %); a mass removal is more than ${Math.max(limit.people, MASS_REMOVAL_FLOOR)} people and more than ${limit.percent} %: ${check.exceeded ? 'this is one' : 'within the guard'}`,
        ...check.losing.map((person) => `  ${person.id}: ${person.loses.join('; ')}`),
      ],
      over: check.exceeded,
      what: 'mass removal',
      override: 'ROLECALL_ALLOW_MASS_REMOVAL',
      fix: 'or change guards.massRemoval in org.yaml first',
    },
    {
      lines: rotationShortfalls(base.model, head.model, minMembers).map(
        (holders) =>
          `rotation ${holders.id} is left with ${holders.after.length} active member${holders.after.length === 1 ? '' : 's'} (${names(holders.after)}; before: ${names(holders.before)}); guards.rotationMinMembers is ${minMembers}`,
      ),
      what: 'rotation left short',
      override: 'ROLECALL_ALLOW_SHORT_ROTATION',
      fix: 'or grant the rotation to someone else in the same change',
    },
    {
      lines: breakGlassShortfalls(base.model, head.model, [...before.breakGlass, ...after.breakGlass]).map(
        (holders) =>
          `break-glass capability ${holders.id} is left with ${holders.after.length} active holder${holders.after.length === 1 ? '' : 's'} (${names(holders.after)}; before: ${names(holders.before)}); at least 2 must hold it`,
      ),
      what: 'break-glass left short',
      override: 'ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL',
      fix: 'or grant the capability to someone else in the same change',
    },
  ].map((guard) => ({ ...guard, over: guard.over ?? guard.lines.length > 0 }));
  let refused = false;
  for (const guard of guards) {
    const allowed = guard.over && io.env[guard.override] === '1';
    const print = guard.over && !allowed ? io.err : io.out;
    guard.lines.forEach((line) => print(`${line}\n`));
    if (allowed) io.out(`${guard.what}: allowed by ${guard.override}=1\n`);
    else if (guard.over) {
      refused = true;
      io.err(`${guard.what}: refused; if it is intended, run again with ${guard.override}=1, ${guard.fix}\n`);
    }
  }
  const perDay = Math.min(before.githubInvitationsPerDay, after.githubInvitationsPerDay);
  const crowded = invitationDays(base.model, head.model).filter((day) => day.people.length > perDay);
  for (const day of crowded) {
    const spare = day.people.slice(perDay);
    io.err(
      `GitHub invitations: the deploy on ${day.date} would invite ${day.people.length} people, over guards.githubInvitationsPerDay (${perDay}); GitHub refuses the rest, and the apply fails half-way. ` +
        `Stage it: start ${spare.length} of them on later days (${names(spare)}), at most ${perDay} a day, or merge the change in batches of at most ${perDay}, one batch a day\n`,
    );
  }
  return refused || crowded.length > 0 ? EXIT.invalid : EXIT.ok;
}

/** One guard's verdict: what it found, whether that is over it, and the variable that lets it through. */
interface Verdict {
  readonly lines: readonly string[];
  readonly over: boolean;
  readonly what: string;
  readonly override: string;
  readonly fix: string;
}

/** Ids for a message: the first ten, then how many more. */
function names(ids: readonly string[]): string {
  if (ids.length === 0) return 'nobody';
  return ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;
}
