import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionVocabulary } from '../jd';
import { readerVocabulary } from '../jd/section-vocabulary';
import { DEFAULT_LIMITS, OrgFileSchema } from '../schema';
import type { Problem } from './problem';
import { readContainedFile } from './read-contained-file';
import { checkSource } from './schema-problems';
import { YamlSource } from './yaml-source';

/** How an organisation reads its JDs, and the problems met reading org.yaml for it. */
export interface ReaderConfig {
  readonly vocabulary: SectionVocabulary;
  readonly problems: readonly Problem[];
}

/**
 * The JD reader configuration of a roles directory: org.yaml `jdSections`, the same that `validate` uses,
 * so that `jd parse` and `jd draft` read a JD the way validation will. A directory without org.yaml (a JD
 * read on its own) gets the built-in vocabulary; an org.yaml that does not pass its schema is reported.
 *
 * @param shown how the directory is named in problems
 */
export function loadReaderConfig(dir: string, shown: string): ReaderConfig {
  if (!existsSync(join(dir, 'org.yaml'))) return { vocabulary: readerVocabulary(undefined), problems: [] };
  const file = join(shown, 'org.yaml');
  const read = readContainedFile(dir, 'org.yaml', 'org.yaml', DEFAULT_LIMITS.yamlBytes, 'make org.yaml smaller');
  if (!read.ok)
    return {
      vocabulary: readerVocabulary(undefined),
      problems: [{ severity: 'error', file, line: 1, column: 1, message: read.message, hint: read.hint }],
    };
  const checked = checkSource(new YamlSource(file, read.text), OrgFileSchema);
  return { vocabulary: readerVocabulary(checked.value?.jdSections), problems: checked.problems };
}
