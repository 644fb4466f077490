import type { Command } from '../command';

const usage = `usage: rolecall jd draft FILE[#ANCHOR] [--roles DIR] [--id ROLE-ID]

Drafts a role file from a job description, for a human to review: every duty the JD lists
(read with org.yaml jdSections, as validate reads it), with the capabilities the catalog's
keywords suggest for it (roles/capabilities.yaml). Words match whole after stemming, synonyms
count as one name (k8s, kubernetes, eks; mongo, mongodb; pager, on-call), negative phrases
("problem statement", "primary goal", "the production environment") never count, and each
suggestion is scored: one keyword that names a system is enough, a generic word such as
"production" or "cluster" only adds. A high-risk capability is never granted: it is suggested
in a comment under its duty, to uncomment after review. Duties with no suggestion are listed
at the end. FILE#ANCHOR drafts one role of a page that describes several. Prints YAML on
stdout; redirect it to roles/<role-id>.yaml, then edit.

options:
  --roles DIR     the roles directory whose catalog and jdSections are used (default: ./roles)
  --id ROLE-ID    id of the role (default: derived from the JD's title)
  -h, --help      this help

exit: 0 drafted, 1 unreadable JD or catalog, a JD with no duties or an unknown anchor, 2 usage error`;

/** `rolecall jd draft FILE`: a role file to review, with suggested capabilities. */
export const jdDraftCommand: Command = {
  name: ['jd', 'draft'],
  summary: 'draft a role file from a JD, with scored capability suggestions (high risk only in comments)',
  usage,
  options: { id: { type: 'string' } },
  load: () => (require('./jd-draft-run') as typeof import('./jd-draft-run')).runJdDraft,
};
