import type { Command } from '../command';

const usage = `usage: rolecall jd parse FILE[#ANCHOR] [--roles DIR]

Reads a job description (handbook Markdown, Markdown with YAML front matter, or a schema.org
JobPosting JSON-LD document; the format is detected from the content) and prints it as JSON:
{title, format, sections: [{heading, kind, line, items}], duties: [{text, line, section}],
requirements: [...]}. A section's kind is duties, requirements, context, benefits, process, about
or other; only duties justify access. A page that describes several roles also lists them under
"roles", each with the anchor a role file names it by (jd: page.md#anchor); FILE#ANCHOR prints one.

The headings are read with the vocabulary of the roles directory (org.yaml jdSections), as
rolecall validate reads them.

options:
  --roles DIR  the roles directory whose org.yaml jdSections apply (default: ./roles; none is fine)
  -h, --help   this help

exit: 0 parsed, 1 unreadable or malformed file, unknown anchor or invalid org.yaml, 2 usage error`;

/** `rolecall jd parse FILE`: a JD as JSON. */
export const jdParseCommand: Command = {
  name: ['jd', 'parse'],
  summary: 'print a job description as JSON: title, sections, duties, requirements, roles',
  usage,
  options: {},
  load: () => (require('./jd-parse-run') as typeof import('./jd-parse-run')).runJdParse,
};
