import { z } from 'zod';
import { GithubTeamSlugSchema, IdSchema } from '../../schema/common';

/** The GitHub part of a capability (`github:` in capabilities.yaml): repository permissions and teams. */

/** GitHub repository permission levels, weakest first. */
export const RepoPermissionSchema = z.enum(['pull', 'triage', 'push', 'maintain', 'admin']);

/** What a capability grants in GitHub. */
export const GithubGrantSchema = z.strictObject({
  /** Repositories the holder's role team gets, with the permission. */
  repositories: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected a repository name without the owner' }),
        permission: RepoPermissionSchema,
      }),
    )
    .default([]),
  /** Extra teams (e.g. a CODEOWNERS team) that rolecall creates, named by their slug, and whose membership the capability confers. */
  teams: z.array(IdSchema).default([]),
  /**
   * Slugs of teams that exist already, created and named outside rolecall, whose membership the
   * capability confers. rolecall never creates, renames or deletes them: it adds and removes only the
   * memberships it grants, one person at a time, and leaves everyone else in the team alone.
   */
  existingTeams: z.array(GithubTeamSlugSchema).default([]),
});
