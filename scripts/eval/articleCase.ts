import type { Analysis } from '../../server/src/engine/types';
import type { GoldArticle } from './seedsGold';

/** One seed article with its gold and the engine's analysis of it: what every seeds scorer reads. */
export interface ArticleCase {
  file: string;
  text: string;
  gold: GoldArticle;
  analysis: Analysis;
}
