import type { RiskLevel } from '../schema';
import type { GithubChanges, PersonChange, ValueChange } from './diff-types';
import { awsTable, partialAws, wholeCapabilityLines } from './markdown-aws';
import { mdCode, mdCodeList, mdText } from './markdown-text';
import { gainsAccess, losesAccess } from './summarise';

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/**
 * People whose changes are the same but for who they are: a thousand people gaining one action read as
 * one block, not a thousand. Groups come riskiest first, then in the order the people were given.
 */
export function groupPeople(people: readonly PersonChange[]): PersonChange[][] {
  const groups = new Map<string, PersonChange[]>();
  for (const person of people) {
    const { id: _id, name: _name, previousName: _previous, ...change } = person;
    const key = JSON.stringify(change);
    const group = groups.get(key);
    if (group) group.push(person);
    else groups.set(key, [person]);
  }
  // The riskiest first, then in the order of their first person's id.
  const rank = (group: readonly PersonChange[]): number => {
    const level = group[0] ? highest(group[0]) : undefined;
    return level ? RANK[level] : -1;
  };
  return [...groups.values()]
    .map((group, index) => ({ group, index }))
    .sort((a, b) => rank(b.group) - rank(a.group) || a.index - b.index)
    .map(({ group }) => group);
}

/**
 * The changes of a group of people (see {@link groupPeople}) as a collapsed `<details>` block: who, the
 * facts that changed, one line per capability gained or lost whole (with its risk from `levels`), AWS
 * statements only for what changed inside a capability held on both sides, then GitHub and on-call.
 */
export function personBlock(group: readonly PersonChange[], asOf: string, levels: ReadonlyMap<string, RiskLevel>): string {
  const [person] = group;
  if (!person) return '';
  const who =
    group.length === 1
      ? `${mdCode(person.id)} ${mdText(person.name, 80)}`
      : `${group.length} people: ${mdCodeList(
          group.map((member) => member.id),
          8,
        )}`;
  const lines: string[] = [];
  const facts = personFacts(person, asOf);
  if (facts.length) lines.push(...facts.map((fact) => `- ${fact}`), '');
  const whole = wholeCapabilityLines(person, levels);
  if (whole.length) lines.push(...whole, '');
  lines.push(...awsTable(partialAws(person)), ...githubLines(person.github));
  if (person.github.org)
    lines.push(`- GitHub organisation: ${transition(person.github.org)}${person.github.org.to === 'admin' ? ' (owner: high risk)' : ''}`);
  if (person.oncall.joined.length) lines.push(`- joins rotations ${mdCodeList(person.oncall.joined)}`);
  if (person.oncall.left.length) lines.push(`- leaves rotations ${mdCodeList(person.oncall.left)}`);
  const risk = highest(person);
  const what =
    [gainsAccess(person) ? 'gains access' : '', losesAccess(person) ? 'loses access' : ''].filter(Boolean).join(' and ') || person.change;
  const summary = `${who}: ${what}${risk ? ` · ${risk}` : ''}`;
  const everyone =
    group.length > 8
      ? [
          `- who: ${mdCodeList(
            group.map((member) => member.id),
            100,
          )}`,
          '',
        ]
      : [];
  return `<details><summary>${summary}</summary>\n\n${[...everyone, ...lines].join('\n').trim()}\n\n</details>\n`;
}

function personFacts(person: PersonChange, asOf: string): string[] {
  // A person added or removed is one line: who they are and when their access runs.
  if (person.change !== 'changed') {
    const side = person.change === 'added' ? 'to' : 'from';
    const value = (change: ValueChange<string> | undefined): string | undefined => change?.[side];
    const dates = [value(person.start) ? `from ${value(person.start)}` : '', value(person.end) ? `until ${value(person.end)}` : '']
      .filter(Boolean)
      .join(' ');
    const login = value(person.login);
    const email = value(person.email);
    const roles = person.change === 'added' ? person.roles.added : person.roles.removed;
    return [
      `${person.change === 'added' ? 'new in' : 'removed from'} people.yaml${value(person.status) ? `, ${value(person.status)} on ${asOf}` : ''}${dates ? ` (${dates})` : ''}; roles ${mdCodeList(roles)}`,
      [login ? `GitHub ${mdCode(login)}` : '', email ? `e-mail (the AWS user name) ${mdCode(email)}` : ''].filter(Boolean).join(', '),
    ].filter(Boolean);
  }
  const facts: string[] = [];
  if (person.previousName !== undefined) facts.push(`name was ${mdText(person.previousName, 80)}`);
  if (person.status) facts.push(`status on ${asOf}: ${transition(person.status)}`);
  if (person.start) facts.push(`start: ${transition(person.start)}`);
  if (person.end) facts.push(`end: ${transition(person.end)}`);
  if (person.login) facts.push(`GitHub login: ${transition(person.login, true)}`);
  if (person.email) facts.push(`e-mail (the AWS user name): ${transition(person.email, true)}`);
  if (person.roles.added.length) facts.push(`roles added: ${mdCodeList(person.roles.added)}`);
  if (person.roles.removed.length) facts.push(`roles removed: ${mdCodeList(person.roles.removed)}`);
  return facts;
}

/** `a → b`, `new: b`, `gone: a`; as code when `code`. */
export function transition(change: ValueChange<string>, code = false): string {
  const show = (value: string): string => (code ? mdCode(value) : mdText(value, 80));
  if (change.from === undefined) return `new: ${show(change.to ?? '')}`;
  if (change.to === undefined) return `gone: ${show(change.from)}`;
  return `${show(change.from)} → ${show(change.to)}`;
}

/** Repository permissions as a table, and team memberships as a line. */
export function githubLines(github: GithubChanges): string[] {
  const lines: string[] = [];
  if (github.repositories.length) {
    lines.push('| repository | permission | risk |', '| --- | --- | --- |');
    for (const repository of github.repositories)
      lines.push(`| ${mdCode(repository.name)} | ${transition(repository)} | ${repository.risk} |`);
    lines.push('');
  }
  const joined = github.teams
    .filter((team) => team.from === undefined)
    .map((team) => `${team.name}${team.to === 'maintainer' ? ' (maintainer)' : ''}`);
  const left = github.teams.filter((team) => team.to === undefined).map((team) => team.name);
  const changed = github.teams.filter((team) => team.from !== undefined && team.to !== undefined);
  if (joined.length) lines.push(`- joins teams ${mdCodeList(joined)}`);
  if (left.length) lines.push(`- leaves teams ${mdCodeList(left)}`);
  for (const team of changed) lines.push(`- team ${mdCode(team.name)}: ${transition(team)}`);
  return lines;
}

/** The highest risk of anything a person gains or loses, or undefined when none is rated. */
export function highest(person: PersonChange): RiskLevel | undefined {
  const levels: RiskLevel[] = [
    ...[...person.aws.gained, ...person.aws.lost, ...person.aws.policiesGained, ...person.aws.policiesLost].map((change) => change.risk),
    ...person.github.repositories.map((repository) => repository.risk),
    ...(person.github.org?.to === 'admin' || person.github.org?.from === 'admin' ? ['high' as const] : []),
  ];
  return levels.reduce<RiskLevel | undefined>((top, level) => (top === undefined || RANK[level] > RANK[top] ? level : top), undefined);
}
