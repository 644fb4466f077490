import type { CapabilityKind, RolePlan } from './org-catalog';
import { titleCase } from './org-words';
import type { Prng } from './prng';

/** Duty bullets that justify a capability of each kind; `{T}` is the team's name. */
const DUTY_PHRASES: Readonly<Record<CapabilityKind, readonly string[]>> = {
  contribute: [
    'Build and ship changes to the {T} services through small, reviewed pull requests',
    'Write and review the code of the {T} services together with the rest of the team',
    'Turn product ideas for {T} into working, tested code',
  ],
  read: [
    'Investigate how {T} behaves in production from its queues, tables and logs',
    'Answer questions about production {T} data without waiting for someone else to look',
  ],
  operate: [
    'Run the {T} staging environment and repair it when a change breaks it',
    'Rerun failed {T} jobs in staging and clean up the data they left behind',
  ],
  deploy: [
    'Release {T} to production through the deployment pipeline and roll back when a release misbehaves',
    'Keep the {T} infrastructure code in shape and roll out its changes to production',
  ],
  observe: [
    'Keep the {T} dashboards, traces and alarms useful for whoever is on call',
    'Watch the {T} metrics after every release and act on what they show',
  ],
  tooling: [
    'Maintain the build projects and container images that {T} ships with',
    'Keep the {T} builds fast and its images small and patched',
  ],
  data: [
    'Restore and repair single {T} records in production when support escalates a case',
    'Recover {T} data from encrypted backups after an incident',
  ],
  admin: ['Own the settings, branch protection and access of the main {T} repositories'],
  reviewers: [
    'Review changes to the shared {T} code paths as a code owner',
    'Act as code owner for the {T} interfaces other teams build on',
  ],
  oncall: [
    'Take shifts in the {T} primary on-call rotation and lead incidents until they are resolved',
    'Respond to {T} pages within fifteen minutes during your on-call week',
  ],
  console: ['Look around the AWS accounts to understand how {T} is deployed'],
  'read-shared': ['Follow changes across the shared {T} repositories'],
};

/** Duty bullets that grant nothing: JDs have more duties than access needs. */
const OTHER_DUTIES: readonly string[] = [
  'Mentor newer members of the {T} team and review their first changes with them',
  'Write a short design note before any change that crosses team boundaries',
  'Take part in interviews and help us hire the next {R}',
  'Keep the {T} runbooks current and delete the ones that no longer apply',
  'Agree quarterly goals with product management and report on them honestly',
  'Pair with neighbouring teams on changes that touch their services',
  'Share what you learned in the monthly engineering review',
  'Reduce toil by automating work that the team does by hand every week',
  'Estimate, plan and split work with the team at the start of every cycle',
  'Write postmortems that name causes, not people, after every incident you were part of',
  'Help support engineers understand how {T} works and why it fails',
  'Keep an eye on the cost of what you run and flag surprises early',
  'Improve the test suites so that a green build means something',
  'Contribute to the engineering handbook when you find a gap in it',
];

const REQUIREMENTS: readonly string[] = [
  'Several years of building or running software that real customers depend on',
  'Comfortable reading and writing code in at least one of Go, Kotlin, Python or TypeScript',
  'Experience with a public cloud, preferably AWS, and with infrastructure as code',
  'You write clearly and explain trade-offs to people outside engineering',
  'You have been on call before, or are keen to learn how to do it well',
  'Familiar with relational and document databases and their failure modes',
  'You care about tests, reviews and leaving code better than you found it',
  'Experience with containers and a container scheduler such as ECS or Kubernetes',
];

const BENEFITS: readonly string[] = [
  'Thirty days of paid holiday plus public holidays',
  'A yearly learning budget and the time to use it',
  'Hybrid work with an office in the city centre',
  'Paid on-call with time off after night-time pages',
  'Parental leave beyond the legal minimum',
];

/** A role's JD and the bullet each of its duties quotes. */
export interface JdText {
  readonly markdown: string;
  /** For each duty of the role, in order, the bullet it quotes (exactly as written). */
  readonly quotes: readonly string[];
  /** Capability ids of each duty, in order (one or two per duty). */
  readonly duties: readonly (readonly string[])[];
}

/** Writes the JD of `role`: a title, a team paragraph, 6–12 duty bullets, requirements and benefits. */
export function writeJd(role: RolePlan, kindOf: (capability: string) => CapabilityKind, org: string, prng: Prng): JdText {
  const team = titleCase(role.team);
  const fill = (text: string): string => text.replaceAll('{T}', team).replaceAll('{R}', role.title.split(',')[0] as string);
  // Two capabilities share a duty now and then, as one sentence of a JD often justifies both.
  const duties: string[][] = [];
  for (const capability of role.duties) {
    const last = duties[duties.length - 1];
    if (last && last.length === 1 && prng.chance(0.2)) last.push(capability);
    else duties.push([capability]);
  }
  const quotes = duties.map((ids) => fill(prng.pick(DUTY_PHRASES[kindOf(ids[0] as string)])));
  const bullets = prng.int(Math.max(6, quotes.length), 12);
  const others = prng.sample(OTHER_DUTIES, bullets - quotes.length).map(fill);
  const all = prng.shuffle([...quotes, ...others]);
  const lines = [
    `# ${role.title}`,
    '',
    `Team: ${team}. Department: ${titleCase(role.department)}. Location: hybrid or remote.`,
    '',
    '## About the team',
    '',
    `The ${team} team at ${org} owns the ${team} services end to end, from the first design note to the`,
    `pages at night. We ship several times a day and keep our changes small so that each is easy to review.`,
    '',
    '## Responsibilities',
    '',
    ...all.map((bullet) => `- ${bullet}`),
    '',
    '## Requirements',
    '',
    ...prng.sample(REQUIREMENTS, prng.int(3, 5)).map((line) => `- ${line}`),
    '',
    '## Benefits',
    '',
    ...prng.sample(BENEFITS, 3).map((line) => `- ${line}`),
    '',
  ];
  return { markdown: lines.join('\n'), quotes, duties };
}
