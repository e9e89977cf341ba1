import type { Hover } from 'vscode-languageserver';
import type { ArticleLocation } from '../../../common/protocol';
import type { Article } from '../corpus/corpus';
import type { QuoteMatch } from '../corpus/matching';
import type { Attribution, Outlet, Quote, Speaker } from '../engine';
import type { FeatureContext } from './context';
import { itemAt } from './itemAt';
import { escapeMarkdown, excerpt, openLocationLink } from './markdown';
import { articleName, offsetIn, rangeIn } from './positions';
import { articleLocation } from './quoteLinks';

const MAX_LISTED = 12;

/** Hovers: a quote's speaker and every other article carrying it; a speaker's or outlet's reach. */
export function registerHover({ connection, documents, analyses, corpus, links }: FeatureContext): void {
  const link = ({ uri, range, article, outlet }: ArticleLocation): string =>
    openLocationLink([article, outlet, `line ${range.start.line + 1}`].filter(Boolean).join(' · '), { uri, range });
  const linkTo = (uri: string, start: number, end: number): string => {
    const location = articleLocation(corpus, uri, start, end);
    return location ? link(location) : escapeMarkdown(articleName(uri));
  };

  function quoteHover(article: Article, quote: Quote): string {
    const lines = [`**Quote** “${escapeMarkdown(excerpt(quote.text, 200))}”`, ''];
    const attribution = quote.attribution === null ? undefined : article.analysis?.attributions[quote.attribution];
    if (quote.speaker) {
      lines.push(`Speaker: **${escapeMarkdown(quote.speaker)}**${attribution ? `, attributed by “${escapeMarkdown(attribution.text)}”` : ''}`);
    } else {
      lines.push('Nobody in the article is credited with these words.');
    }
    // Only what the hover lists gets a location (line, outlet): a repeated quote can have hundreds of matches.
    const matches = links.matchesOf(article.uri, quote.id).filter((match) => corpus.get(match.articleId) !== undefined);
    const byArticle = new Map<string, QuoteMatch[]>();
    for (const match of matches) {
      if (match.articleId === article.uri) continue;
      const group = byArticle.get(match.articleId);
      if (group) group.push(match);
      else byArticle.set(match.articleId, [match]);
    }
    const otherArticles = byArticle.size;
    lines.push('', '---', '');
    if (otherArticles === 0) lines.push('No other article in the workspace carries this quote.');
    else lines.push(`**Also in ${otherArticles} other article${otherArticles === 1 ? '' : 's'}**`, '');
    // One bullet per article: its first occurrence with the excerpt, then links to the others.
    for (const [first, ...more] of [...byArticle.values()].slice(0, MAX_LISTED)) {
      if (!first) continue;
      const other = corpus.get(first.articleId) as Article;
      const lineLink = (match: QuoteMatch): string => {
        const range = rangeIn(other, match.quote.start, match.quote.end);
        return openLocationLink(`line ${range.start.line + 1}`, { uri: match.articleId, range });
      };
      const alsoAt = more.length > 0 ? `; also ${more.map(lineLink).join(', ')}` : '';
      lines.push(`- ${linkTo(first.articleId, first.quote.start, first.quote.end)} (${first.kind}): “${escapeMarkdown(excerpt(first.excerpt.text))}”${alsoAt}`);
    }
    const here = matches.filter((match) => match.articleId === article.uri).map((match) => linkTo(article.uri, match.quote.start, match.quote.end));
    const paraphrases = links.paraphrasesOf(article.uri, quote.id).filter((paraphrase) => corpus.get(paraphrase.articleId) !== undefined);
    if (here.length > 0) lines.push('', `Repeated in this article: ${here.join(', ')}`);
    if (paraphrases.length > 0) {
      lines.push('', '**Paraphrased (without quote marks, a weaker link)**', '');
      for (const paraphrase of paraphrases.slice(0, MAX_LISTED)) lines.push(`- ${linkTo(paraphrase.articleId, paraphrase.start, paraphrase.end)}: ${escapeMarkdown(excerpt(paraphrase.text))}`);
    }
    return lines.join('\n');
  }

  function speakerHover(article: Article, speaker: Speaker): string {
    const quotes = article.analysis?.quotes.filter((quote) => quote.speaker === speaker.name) ?? [];
    const lines = [`**Speaker** ${escapeMarkdown(speaker.name)} (${speaker.kind})`];
    const aliases = speaker.aliases.filter((alias) => alias !== speaker.name);
    if (aliases.length > 0) lines.push('', `Also written: ${aliases.map((alias) => escapeMarkdown(alias)).join(', ')}`);
    lines.push('', `${speaker.mentions.length} mention${speaker.mentions.length === 1 ? '' : 's'} and ${quotes.length} quote${quotes.length === 1 ? '' : 's'} in this article`);
    for (const quote of quotes.slice(0, MAX_LISTED)) lines.push(`- ${linkTo(article.uri, quote.start, quote.end)}: “${escapeMarkdown(excerpt(quote.text))}”`);
    return lines.join('\n');
  }

  function outletHover(outlet: Outlet): string {
    const lines = [`**News outlet** ${escapeMarkdown(outlet.name)}`, ''];
    const credited: { uri: string; attribution: Attribution }[] = [];
    for (const other of corpus.all()) {
      for (const attribution of other.analysis?.attributions ?? []) {
        if (attribution.kind === 'outlet' && attribution.source === outlet.name) credited.push({ uri: other.uri, attribution });
      }
    }
    const articles = new Set(credited.map(({ uri }) => uri)).size;
    lines.push(`The workspace attributes ${credited.length} statement${credited.length === 1 ? '' : 's'} to it, in ${articles} article${articles === 1 ? '' : 's'}.`);
    for (const { uri, attribution } of credited.slice(0, MAX_LISTED)) {
      lines.push(`- ${linkTo(uri, attribution.start, attribution.end)}: “${escapeMarkdown(attribution.text)}”`);
    }
    return lines.join('\n');
  }

  function attributionHover(attribution: Attribution): string {
    const kind = { outlet: 'a news outlet', speaker: 'a speaker', unnamed: 'an unnamed source' }[attribution.kind];
    return [
      `**Attribution** to ${escapeMarkdown(attribution.source)} (${kind})`,
      '',
      `Source as written: “${escapeMarkdown(attribution.mention.text)}”, cue: “${escapeMarkdown(attribution.cue.text)}”`,
    ].join('\n');
  }

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const article = await analyses.get(document);
    if (!article.analysis) return null;
    const item = itemAt(article.analysis, offsetIn(article, position));
    if (!item) return null;
    const value =
      item.kind === 'quote'
        ? quoteHover(article, item.quote)
        : item.kind === 'speaker'
          ? speakerHover(article, item.speaker)
          : item.kind === 'outlet'
            ? outletHover(item.outlet)
            : attributionHover(item.attribution);
    return { contents: { kind: 'markdown', value }, range: rangeIn(article, item.span.start, item.span.end) };
  });
}
