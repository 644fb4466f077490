import type { Command } from '../command';

const usage = `usage: rolecall jd draft FILE [--roles DIR] [--id ROLE-ID]

Drafts a role file from a job description: every duty the JD lists, with the capabilities that
the catalog's keywords (roles/capabilities.yaml) suggest for it, for a human to review. Duties
for which nothing is suggested are listed as comments. Prints YAML on stdout; redirect it to
roles/<role-id>.yaml, then edit.

options:
  --roles DIR     the roles directory whose capability catalog is used (default: ./roles)
  --id ROLE-ID    id of the role (default: derived from the JD's title)
  -h, --help      this help

exit: 0 drafted, 1 unreadable JD or catalog, 2 usage error`;

/** `rolecall jd draft FILE`: a role file to review, with suggested capabilities. */
export const jdDraftCommand: Command = {
  name: ['jd', 'draft'],
  summary: 'draft a role file from a JD, with capabilities suggested by keywords',
  usage,
  options: { id: { type: 'string' } },
  load: () => (require('./jd-draft-run') as typeof import('./jd-draft-run')).runJdDraft,
};
