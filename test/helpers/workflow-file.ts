import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, isNode, parse, parseDocument, visit } from 'yaml';
import { PROJECT_ROOT } from './roles-dir';

/** One step of a GitHub Actions job, as far as the tests read it. */
export interface WorkflowStep {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

/** One job of a workflow. */
export interface WorkflowJob {
  readonly if?: string;
  readonly needs?: string;
  readonly environment?: string;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly outputs?: Record<string, string>;
  readonly steps: WorkflowStep[];
}

/** A workflow file: its text and what it parses to. */
export interface WorkflowFile {
  readonly path: string;
  readonly source: string;
  readonly on: Record<string, Record<string, unknown> | null | undefined>;
  readonly permissions: Record<string, string>;
  readonly concurrency: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly jobs: Record<string, WorkflowJob>;
}

/** Reads `.github/workflows/<name>`. */
export function readWorkflow(name: string): WorkflowFile {
  const path = join(PROJECT_ROOT, '.github/workflows', name);
  const source = readFileSync(path, 'utf8');
  return { path, source, ...(parse(source) as Omit<WorkflowFile, 'path' | 'source'>) };
}

/** The step of `job` with id or name `key`; throws when there is none, so a renamed step fails loudly. */
export function stepOf(workflow: WorkflowFile, job: string, key: string): WorkflowStep {
  const found = workflow.jobs[job]?.steps.find((step) => step.id === key || step.name === key);
  if (!found) throw new Error(`no step "${key}" in job ${job}`);
  return found;
}

/** Every `uses:` line of the source, with the ref and the comment after it. */
export function actionPins(
  source: string,
): { readonly line: number; readonly action: string; readonly ref: string; readonly comment: string | undefined }[] {
  return source.split('\n').flatMap((text, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*([^@\s]+)@(\S+)\s*(?:#\s*(.*?))?\s*$/.exec(text);
    return match ? [{ line: index + 1, action: match[1] ?? '', ref: match[2] ?? '', comment: match[3] }] : [];
  });
}

/** Anchors and aliases in the source (`&name`, `*name`, `<<: *name`), as `line: kind name`. */
export function yamlAliases(source: string): string[] {
  const document = parseDocument(source);
  const found: string[] = [];
  const line = (offset: number | undefined): number => source.slice(0, offset ?? 0).split('\n').length;
  visit(document, (_key, node) => {
    if (isAlias(node)) found.push(`${line(node.range?.[0])}: alias *${node.source}`);
    else if (isNode(node) && node.anchor) found.push(`${line(node.range?.[0])}: anchor &${node.anchor}`);
  });
  return found;
}

/** The leading comment of the file (the header), without the `#`s. */
export function headerComment(source: string): string {
  const lines: string[] = [];
  for (const text of source.split('\n')) {
    if (!text.startsWith('#')) break;
    lines.push(text.replace(/^#\s?/, ''));
  }
  return lines.join('\n');
}

/** Jobs with a step that runs `npm ci`. */
export function installingJobs(workflow: WorkflowFile): [string, WorkflowJob][] {
  return Object.entries(workflow.jobs).filter(([, job]) => job.steps.some((step) => /\bnpm ci\b/.test(step.run ?? '')));
}

/** The pinned actions docs/workflows.md lists: `| \`action\` | tag | \`commit\` | … |`. */
export function documentedPins(): { readonly action: string; readonly tag: string; readonly commit: string }[] {
  const text = readFileSync(join(PROJECT_ROOT, 'docs/workflows.md'), 'utf8');
  return [...text.matchAll(/^\| `([\w.-]+\/[\w.-]+)` \| (v\d+\.\d+\.\d+) \| `([0-9a-f]{40})` \|/gm)].map((match) => ({
    action: match[1] ?? '',
    tag: match[2] ?? '',
    commit: match[3] ?? '',
  }));
}
