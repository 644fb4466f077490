import type { Command } from '../command';

const usage = `usage: rolecall jd parse FILE

Reads a job description (handbook Markdown, Markdown with YAML front matter, or a schema.org
JobPosting JSON-LD document; the format is detected from the content) and prints it as JSON:
{title, format, sections, duties: [{text, line, section}], requirements: [...]}.

options:
  -h, --help   this help

exit: 0 parsed, 1 unreadable or malformed file, 2 usage error`;

/** `rolecall jd parse FILE`: a JD as JSON. */
export const jdParseCommand: Command = {
  name: ['jd', 'parse'],
  summary: 'print a job description as JSON: title, sections, duties, requirements',
  usage,
  options: {},
  load: () => (require('./jd-parse-run') as typeof import('./jd-parse-run')).runJdParse,
};
