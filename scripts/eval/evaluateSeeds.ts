import { join } from 'node:path';
import type { AnalysedArticle, LinkFinder } from '../../server/src/cli/links';
import { readArticle } from '../../server/src/cli/readArticle';
import type { Analysis } from '../../server/src/engine/types';
import type { ArticleCase } from './articleCase';
import { createEntityResolver } from './entities';
import type { AccuracyScore, PrfScore } from './metrics';
import { scoreAttributions } from './scoreAttributions';
import { locateGoldLinks, scoreLinks } from './scoreLinks';
import { scoreOutlets } from './scoreOutlets';
import { scoreQuotes } from './scoreQuotes';
import type { SeedsGold } from './seedsGold';

export interface SeedsReport {
  corpus: 'seeds';
  articles: number;
  quotes: PrfScore;
  speakers: AccuracyScore;
  outlets: PrfScore;
  attributions: PrfScore;
  /** Null until a link finder is plugged in (server/src/cli/links.ts). */
  links: PrfScore | null;
  warnings: string[];
}

export interface SeedsEvalInput {
  seedsDir: string;
  gold: SeedsGold;
  analyze: (text: string) => Analysis;
  linkFinder: LinkFinder | null;
}

/** Runs the engine over every gold article in `seedsDir` and scores it against the gold. */
export function evaluateSeeds({ seedsDir, gold, analyze, linkFinder }: SeedsEvalInput): SeedsReport {
  const cases: ArticleCase[] = Object.entries(gold.articles).map(([file, goldArticle]) => {
    const read = readArticle(join(seedsDir, file));
    if (!read.ok) throw new Error(`${join(seedsDir, file)}: ${read.message}`);
    return { file, text: read.text, gold: goldArticle, analysis: analyze(read.text) };
  });
  const resolver = createEntityResolver(gold.entities);
  const quotes = scoreQuotes(cases, resolver);
  const outlets = scoreOutlets(cases);
  const attributions = scoreAttributions(cases, resolver);
  const warnings = [...quotes.warnings, ...outlets.warnings, ...attributions.warnings];
  let links: PrfScore | null = null;
  if (linkFinder) {
    const located = locateGoldLinks(gold.links, (file) => cases.find((c) => c.file === file)?.text);
    warnings.push(...located.warnings);
    const articles: AnalysedArticle[] = cases.map(({ file, text, analysis }) => ({ file, text, analysis }));
    const predicted = linkFinder(articles).map((link) => link.occurrences);
    links = scoreLinks(located.occurrences, predicted);
  }
  return {
    corpus: 'seeds',
    articles: cases.length,
    quotes: quotes.quotes,
    speakers: quotes.speakers,
    outlets: outlets.outlets,
    attributions: attributions.attributions,
    links,
    warnings,
  };
}
