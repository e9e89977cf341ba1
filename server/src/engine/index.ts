export { analyze } from './sectionedAnalyze';
export { joinSections, type SectionAnalysis } from './joinSections';
export { articleSections, type Section } from './sections';
export type * from './types';
