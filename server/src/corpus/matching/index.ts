export { QuoteMatcher, MAX_QUOTES_PER_ARTICLE, type MatcherStats } from './quoteMatcher';
export { ClusterIndex, articlesCarrying } from './clusterIndex';
export { CorpusSpeakers, type CorpusEntity, type EntityMention } from './corpusSpeakers';
export { normaliseWords, normalisedText, type NormalisedWords } from './normalise';
export type * from './types';
export { prepareArticle, type PreparedArticle } from './preparedArticle';
