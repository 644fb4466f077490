import { githubTeamSlug } from '../../model/build/github-team-slug';
import { compareText } from '../../util/compare-text';
import { terraformLiteral } from '../../util/terraform-string';
import type { ActualAccess } from '../actual';
import { argument, type StackResource, type SynthesizedStack } from './stack-config';

/** A Terraform `import` block: the address in the stack and the id the provider reads the resource by. */
export interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

/** The import blocks of one stack, and resources it declares that exist but cannot be imported from the exports given. */
export interface StackImports {
  readonly stack: string;
  readonly imports: readonly ImportBlock[];
  /** `address: why`, for what exists but could not be matched to an import id. */
  readonly notes: readonly string[];
}

/**
 * For each synthesized stack, an `import` block for every resource it declares that already exists
 * according to the exports, so the first apply adopts it instead of failing on a name that is taken.
 * Import ids follow each provider's import documentation:
 * - aws_iam_user, aws_iam_group: the name; aws_iam_policy: the ARN; aws_iam_group_policy `group:name`;
 *   aws_iam_group_policy_attachment `group/arn`; aws_iam_user_group_membership `user/group1/group2`
 *   (only the groups the user is in already), https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs
 * - github_membership `org:login`; github_team, github_team_members: the team id (the slug when the
 *   export has no id); github_team_membership `team:login`; github_team_repository `team:repository`,
 *   https://registry.terraform.io/providers/integrations/github/latest/docs
 * - pagerduty_user: the user id; identitystore_user / identitystore_group `store/id`.
 * Resources whose real state the exports do not show are left to be created.
 */
export function importBlocks(stacks: readonly SynthesizedStack[], actual: ActualAccess, github: { readonly org: string }): StackImports[] {
  return stacks.map((stack) => {
    const imports: ImportBlock[] = [];
    const notes: string[] = [];
    for (const resource of stack.resources) {
      const id = importId(resource, stack, actual, github.org, notes);
      if (id !== undefined) imports.push({ to: resource.address, id });
    }
    return { stack: stack.name, imports: imports.sort((a, b) => compareText(a.to, b.to)), notes: notes.sort(compareText) };
  });
}

function importId(
  resource: StackResource,
  stack: SynthesizedStack,
  actual: ActualAccess,
  org: string,
  notes: string[],
): string | undefined {
  const iam = actual.iam;
  const inAccount = <T extends { accountId: string }>(items: readonly T[] | undefined): T[] =>
    (items ?? []).filter((item) => item.accountId === stack.accountId);
  const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();
  const user = (name: string | undefined) => inAccount(iam?.users).find((candidate) => same(name, candidate.name));
  const group = (name: string | undefined) => inAccount(iam?.groups).find((candidate) => same(name, candidate.name));
  const team = (slug: string | undefined) => actual.github?.teams.find((candidate) => same(slug, candidate.slug));
  const teamRef = (value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    // A reference resolved to the team's name: GitHub's slug of it; an existing team is named by slug already.
    const slug = /^[a-z0-9-]+$/.test(value) ? value : githubTeamSlug(value);
    const found = team(slug) ?? team(githubTeamSlug(value));
    return found ? (found.id !== undefined ? String(found.id) : found.slug) : undefined;
  };
  switch (resource.type) {
    case 'aws_iam_user':
      return user(argument(resource, 'name'))?.name;
    case 'aws_iam_group':
      return group(argument(resource, 'name'))?.name;
    case 'aws_iam_policy': {
      const name = argument(resource, 'name');
      return inAccount(iam?.policies).find((policy) => same(name, policy.name) && policy.path === argument(resource, 'path'))?.arn;
    }
    case 'aws_iam_group_policy': {
      const found = group(argument(resource, 'group'));
      const name = argument(resource, 'name');
      return found && found.inlinePolicies.some((policy) => policy.name === name) ? `${found.name}:${name ?? ''}` : undefined;
    }
    case 'aws_iam_group_policy_attachment': {
      const found = group(argument(resource, 'group'));
      const arn = argument(resource, 'policy_arn');
      return found && arn !== undefined && found.attachedPolicyArns.includes(arn) ? `${found.name}/${arn}` : undefined;
    }
    case 'aws_iam_user_group_membership': {
      const found = user(argument(resource, 'user'));
      const wanted = Array.isArray(resource.config['groups'])
        ? resource.config['groups'].filter((name): name is string => typeof name === 'string')
        : [];
      const held = wanted.filter((name) => found?.groups.some((candidate) => same(candidate, name)));
      return found && held.length ? [found.name, ...held].join('/') : undefined;
    }
    case 'github_membership': {
      const login = argument(resource, 'username');
      const found = actual.github?.members.find((member) => same(login, member.login));
      return found ? `${org}:${found.login}` : undefined;
    }
    case 'github_team': {
      const id = teamRef(argument(resource, 'name'));
      if (id !== undefined && !/^\d+$/.test(id)) notes.push(`${resource.address}: imported by slug; teams.json without ids`);
      return id;
    }
    case 'github_team_members':
      return teamRef(argument(resource, 'team_id'));
    case 'github_team_membership': {
      const teamId = teamRef(argument(resource, 'team_id'));
      const login = argument(resource, 'username');
      const slug = actual.github?.teams.find((candidate) => String(candidate.id ?? candidate.slug) === teamId)?.slug;
      const member = actual.github?.teamMembers.find((candidate) => same(slug, candidate.team) && same(login, candidate.login));
      return teamId !== undefined && member ? `${teamId}:${member.login}` : undefined;
    }
    case 'github_team_repository': {
      const teamId = teamRef(argument(resource, 'team_id'));
      const repository = argument(resource, 'repository');
      const slug = actual.github?.teams.find((candidate) => String(candidate.id ?? candidate.slug) === teamId)?.slug;
      const found = actual.github?.teamRepositories.find(
        (candidate) => same(slug, candidate.team) && same(repository, candidate.repository),
      );
      return teamId !== undefined && found ? `${teamId}:${found.repository}` : undefined;
    }
    case 'pagerduty_user': {
      const email = argument(resource, 'email');
      return actual.pagerduty?.users.find((candidate) => same(email, candidate.email))?.id;
    }
    case 'identitystore_user': {
      const store = argument(resource, 'identity_store_id');
      const found = actual.identityCenter?.users.find((candidate) => same(argument(resource, 'user_name'), candidate.userName));
      return found && store ? `${store}/${found.id}` : undefined;
    }
    case 'identitystore_group': {
      const store = argument(resource, 'identity_store_id');
      const found = actual.identityCenter?.groups.find((candidate) => argument(resource, 'display_name') === candidate.name);
      return found && store ? `${store}/${found.id}` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The import blocks of a stack as Terraform JSON (`<stack>/rolecall-adopt.tf.json`). An id comes from an
 * export, so it is written as a literal: nothing in it is evaluated. The address is the stack's own.
 */
export function importFile(imports: readonly ImportBlock[]): string {
  return `${JSON.stringify({ '//': 'written by rolecall adopt: delete after the first apply', import: imports.map((block) => ({ to: block.to, id: terraformLiteral(block.id) })) }, null, 2)}\n`;
}
