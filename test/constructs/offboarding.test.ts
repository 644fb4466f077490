import { DEFAULT_FIXTURE, fixtureModel, seededRandom, type FixtureInput, type FixturePerson } from '../helpers/fixture-model';
import { synthApp } from '../helpers/synth-app';

/** Every way rolecall can render: both AWS modes and both on-call backends. */
const variants: Partial<FixtureInput>[] = [
  { awsMode: 'iam-groups', oncallBackend: 'aws-incident-manager' },
  { awsMode: 'identity-center', oncallBackend: 'pagerduty' },
];

/** All synthesized text of every stack of every variant, lower-cased (logins and e-mails compare case-insensitively). */
function everything(input: FixtureInput): string {
  return variants
    .flatMap((variant) => [...synthApp(fixtureModel({ ...input, ...variant })).files.values()])
    .join('\n')
    .toLowerCase();
}

function tracesOf(person: FixturePerson): string[] {
  return [person.id, person.github, person.email].map((text) => text.toLowerCase());
}

// A seeded pick among the people who hold access today, so the case is random but reproducible.
const active = DEFAULT_FIXTURE.people.filter(
  (person) => person.start <= DEFAULT_FIXTURE.asOf && (person.end === undefined || person.end >= DEFAULT_FIXTURE.asOf),
);
const SEED = 20250602;
const picked = active[Math.floor(seededRandom(SEED)() * active.length)];

describe('offboarding', () => {
  test('picks someone who holds access today', () => {
    expect(picked).toBeDefined();
  });

  test.each(['removed from people.yaml', 'given an end date in the past'])(
    `leaves no trace of the picked person (${picked?.id ?? 'none'}) once %s`,
    (how) => {
      if (!picked) throw new Error('no one picked');
      const before = everything(DEFAULT_FIXTURE);
      // The check means something only if the person showed up before.
      for (const trace of tracesOf(picked)) expect(before).toContain(trace);

      const people =
        how === 'removed from people.yaml'
          ? DEFAULT_FIXTURE.people.filter((person) => person.id !== picked.id)
          : DEFAULT_FIXTURE.people.map((person) => (person.id === picked.id ? { ...person, end: '2025-05-30' } : person));
      const after = everything({ ...DEFAULT_FIXTURE, people });
      for (const trace of tracesOf(picked)) expect(after).not.toContain(trace);
    },
  );

  test.each(DEFAULT_FIXTURE.people.map((person) => [person.id, person] as const))(
    'leaves no trace of %s once they have left',
    (_id, person) => {
      const people = DEFAULT_FIXTURE.people.map((candidate) =>
        candidate.id === person.id ? { ...candidate, end: '2025-05-30', start: '2020-01-01' } : candidate,
      );
      const after = everything({ ...DEFAULT_FIXTURE, people });
      for (const trace of tracesOf(person)) expect(after).not.toContain(trace);
    },
  );
});
