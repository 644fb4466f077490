import { Document, isScalar, visit } from 'yaml';
import type { Accounts, Catalog, CapabilityPlan, RolePlan } from './org-catalog';
import type { People, PersonPlan } from './org-people';

/** YAML text of `value`, lists of plain values written on one line, with a comment on top. */
export function yamlText(value: unknown, comment: string): string {
  const document = new Document(value);
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  document.commentBefore = ` ${comment}`;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** What org.yaml needs beside the catalog. */
export interface OrgSettings {
  readonly name: string;
  readonly githubOrg: string;
  readonly accounts: Accounts;
  readonly owners: readonly string[];
  /** Largest YAML file in bytes when it is over rolecall's default of 1 MiB, else undefined. */
  readonly yamlBytes?: number;
}

/** The contents of org.yaml. */
export function orgFile(settings: OrgSettings): unknown {
  return {
    name: settings.name,
    aws: {
      mode: 'iam-groups',
      region: 'eu-west-1',
      accounts: Object.fromEntries(Object.entries(settings.accounts).map(([name, id]) => [name, { id }])),
      defaultAccount: 'staging',
      requireMfa: true,
      path: '/rolecall/',
    },
    github: { org: settings.githubOrg, parentTeam: 'engineering', owners: settings.owners, minOwners: 2, teamPrivacy: 'closed' },
    oncall: { backend: 'pagerduty', timeZone: 'Europe/Berlin', handoff: { day: 'monday', time: '09:00' } },
    state: { backend: 'local', directory: 'terraform-state' },
    ...(settings.yamlBytes === undefined ? {} : { limits: { yamlBytes: settings.yamlBytes } }),
  };
}

/** The contents of capabilities.yaml: rotations, then capabilities with their risk acceptances. */
export function capabilitiesFile(catalog: Catalog, approvers: readonly string[], asOf: string): unknown {
  return {
    rotations: catalog.rotations,
    capabilities: catalog.capabilities.map((capability) => capabilityEntry(capability, approvers, asOf)),
  };
}

function capabilityEntry(capability: CapabilityPlan, approvers: readonly string[], asOf: string): unknown {
  const year = Number(asOf.slice(0, 4));
  // Accepted a season before the date, for a year after it: neither too new nor about to expire.
  const risk =
    capability.risk === 'high'
      ? {
          level: 'high',
          accepted: {
            by: approvers.slice(0, 2),
            on: `${year - 1}-11-02`,
            roles: [...capability.grantedBy].sort(),
            expires: `${year + 1}-11-01`,
            reason: `The ${capability.owner} team needs this for incident work; every use is logged and reviewed weekly.`,
          },
        }
      : capability.risk;
  return {
    id: capability.id,
    description: capability.description,
    keywords: capability.keywords,
    risk,
    ...(capability.aws.length > 0 ? { aws: capability.aws } : {}),
    ...(capability.github ? { github: withoutEmpty(capability.github) } : {}),
    ...(capability.oncall ? { oncall: capability.oncall } : {}),
  };
}

function withoutEmpty(github: NonNullable<CapabilityPlan['github']>): unknown {
  return Object.fromEntries(Object.entries(github).filter(([, value]) => !Array.isArray(value) || value.length > 0));
}

/** The contents of `<role>.yaml`. */
export function roleFile(
  role: RolePlan,
  duties: readonly { readonly quote: string; readonly capabilities: readonly string[] }[],
  maintainers: readonly string[],
): unknown {
  return {
    id: role.id,
    title: role.title,
    jd: `jd/${role.id}.md`,
    duties,
    baseline: role.baseline.map((capability) => ({
      capability,
      reason: capability.startsWith('github-read-')
        ? 'Everyone in the department reads the shared libraries and decision records.'
        : 'Seeing what runs where in AWS is part of reviewing any change.',
    })),
    maintainers,
  };
}

/** The contents of people.yaml. */
export function peopleFile(people: People): unknown {
  return { people: people.people.map(personEntry) };
}

function personEntry(person: PersonPlan): unknown {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    github: person.github,
    roles: person.roles,
    start: person.start,
    ...(person.end === undefined ? {} : { end: person.end }),
    ...(person.oncallOptOut ? { oncallOptOut: person.oncallOptOut } : {}),
  };
}
