export { classifyHeading, type HeadingClassification } from './classify-heading';
export { findQuote, type ClosestPassage, type QuoteMatch } from './find-quote';
export { JdParseError, type JdParseErrorOptions } from './jd-parse-error';
export { parseJobDescription, type ParseJobDescriptionOptions } from './parse-job-description';
export { repairText, type RepairTextOptions } from './repair-text';
export { DEFAULT_SECTION_VOCABULARY, mergeVocabulary } from './section-vocabulary';
export { jobDescriptionSummary, type JdSummary, type JdSummaryItem, type JdSummarySection } from './summary';
export type { JdFormat, JdItem, JdSection, JobDescription, SectionKind, SectionVocabulary } from './types';
