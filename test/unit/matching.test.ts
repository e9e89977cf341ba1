import assert from 'node:assert/strict';
import { normalisedText, normaliseWords } from '../../server/src/corpus/matching/normalise';
import { QuoteMatcher } from '../../server/src/corpus/matching/quoteMatcher';
import type { QuoteInput } from '../../server/src/corpus/matching/types';

/** Builds an article whose quotes are the “…” stretches of `text`, ids q1, q2, … in order. */
function quoted(text: string): { text: string; quotes: QuoteInput[] } {
  const quotes: QuoteInput[] = [];
  const pattern = /“([^”]*)”/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    quotes.push({ id: `q${quotes.length + 1}`, start: match.index + 1, end: match.index + 1 + (match[1] ?? '').length });
  }
  return { text, quotes };
}

function matcherWith(articles: Record<string, string>): QuoteMatcher {
  const matcher = new QuoteMatcher();
  for (const [id, text] of Object.entries(articles)) {
    const article = quoted(text);
    matcher.setArticle(id, article.text, article.quotes);
  }
  return matcher;
}

describe('quote normalisation', () => {
  it('folds case, accents, punctuation, quote marks and every kind of space', () => {
    assert.equal(normalisedText('“Iran  never\u00a0WON a war, but — never lost…'), 'iran never won a war but never lost');
    assert.equal(normalisedText('Agnès Callamard’s “café”'), 'agnes callamards cafe');
  });

  it('reads “+” and “&” standing alone as “and”, and keeps abbreviations whole', () => {
    assert.equal(normalisedText('time + again & the U.S. military'), 'time and again and the us military');
  });

  it('turns bracketed insertions and ellipses into gaps between segments', () => {
    const words = normaliseWords('[Soleimani] was actively ... developing plans… to attack');
    assert.deepEqual(words.words, ['was', 'actively', 'developing', 'plans', 'to', 'attack']);
    assert.deepEqual(words.segmentStarts, [0, 2, 4]);
  });

  it('maps every word back to its offsets in the original text', () => {
    const text = 'He said: “Harsh  Retaliation!”';
    const words = normaliseWords(text, 10, 28);
    assert.deepEqual(words.words, ['harsh', 'retaliation']);
    assert.deepEqual(
      words.starts.map((start, k) => text.slice(start, words.ends[k])),
      ['Harsh', 'Retaliation'],
    );
  });
});

describe('quote matching', () => {
  it('finds the same words as an exact match, in another article and in the same one', () => {
    const matcher = matcherWith({
      a: 'Trump tweeted: “Iran never won a war, but never lost a negotiation!” Later: “IRAN never won a war — but never lost a negotiation”',
      b: 'He wrote “iran never won a war but never lost a negotiation.”',
    });
    const matches = matcher.matchesOf('b', 'q1');
    assert.deepEqual(
      matches.map((match) => [match.articleId, match.quoteId, match.kind]),
      [
        ['a', 'q1', 'exact'],
        ['a', 'q2', 'exact'],
      ],
    );
    assert.equal(matcher.matchesOf('a', 'q1').filter((match) => match.articleId === 'a').length, 1);
  });

  it('finds a short quote inside a longer quote or a headline, and locates the excerpt', () => {
    const matcher = matcherWith({
      a: 'Iran Promises “Harsh Retaliation” On US',
      b: 'Khamenei said the US would face “harsh retaliation, and soon” after the strike.',
    });
    const [match] = matcher.matchesOf('a', 'q1');
    assert.equal(match?.kind, 'partial');
    assert.equal(match?.excerpt.text, 'harsh retaliation');
    assert.equal(match?.quote.text, 'harsh retaliation, and soon');
    assert.equal(match?.ownExcerpt.text, 'Harsh Retaliation');
  });

  it('never matches a short quote by chance inside prose or by a single shared word', () => {
    const matcher = matcherWith({
      a: 'Pompeo called the strike “lawful” and said it “saved lives”.',
      b: 'The strike saved lives, officials said, and was lawful. They called it “a lawful and necessary act”.',
    });
    assert.deepEqual(matcher.matchesOf('a', 'q1'), []);
    assert.deepEqual(matcher.matchesOf('a', 'q2'), []);
  });

  it('matches a one-word quote only when the other quote is that same word', () => {
    const matcher = matcherWith({ a: 'They called it “lawful”.', b: 'It was “lawful,” he said.' });
    assert.equal(matcher.matchesOf('a', 'q1')[0]?.kind, 'exact');
  });

  it('links quotes sharing a long run of words, and not those sharing a short one', () => {
    const matcher = matcherWith({
      a: '“We will continue to communicate with state, local, federal and international law enforcement partners,” police said.',
      b: 'Police: “There is no threat. We will continue to communicate with state and city leaders about it.”',
      c: '“We will continue to fight,” he said, “with all partners and friends.”',
    });
    const matches = matcher.matchesOf('a', 'q1');
    assert.deepEqual(matches.map((match) => match.articleId), ['b']);
    assert.equal(matches[0]?.excerpt.text, 'We will continue to communicate with state');
  });

  it('sees through a bracketed insertion and an ellipsis', () => {
    const matcher = matcherWith({
      a: 'The statement said “[Soleimani] was actively developing plans to attack American diplomats”.',
      b: 'The Pentagon said he “was actively developing plans to attack American diplomats and service members”.',
      c: '“Was actively … plans to attack American diplomats,” it said.',
    });
    assert.deepEqual(
      matcher.matchesOf('b', 'q1').map((match) => [match.articleId, match.kind]),
      [
        ['a', 'partial'],
        ['c', 'partial'],
      ],
    );
    const fromC = matcher.matchesOf('c', 'q1').find((match) => match.articleId === 'b');
    assert.equal(fromC?.excerpt.text, 'was actively developing plans to attack American diplomats');
  });

  it('forgets an article that is removed, and what an article used to say once it is replaced', () => {
    const matcher = matcherWith({ a: 'She said “we do not seek war with Iran”.', b: 'Pompeo: “We do not seek war with Iran.”' });
    assert.equal(matcher.matchesOf('a', 'q1').length, 1);
    matcher.removeArticle('b');
    assert.deepEqual(matcher.matchesOf('a', 'q1'), []);
    assert.deepEqual(matcher.matchesOf('b', 'q1'), []);
    const replaced = quoted('Pompeo: “We do not seek peace.” Then: “We do not seek war with Iran.”');
    matcher.setArticle('b', replaced.text, replaced.quotes);
    assert.deepEqual(matcher.matchesOf('a', 'q1').map((match) => match.quoteId), ['q2']);
    const again = quoted('Nothing quoted here any more.');
    matcher.setArticle('b', again.text, again.quotes);
    assert.deepEqual(matcher.matchesOf('a', 'q1'), []);
    assert.equal(matcher.stats().quotes, 1);
  });

  it('answers by the new ids when an article is set again with as many quotes under other ids (an annotation renumbers them)', () => {
    const matcher = matcherWith({ a: 'She said “we do not seek war with Iran”.', b: 'Pompeo: “We do not seek war with Iran.”' });
    const renamed = quoted('Pompeo: “We do not seek war with Iran.” He left.');
    matcher.setArticle('b', renamed.text, renamed.quotes.map((quote) => ({ ...quote, id: 'user-1' })));
    assert.deepEqual(matcher.matchesOf('b', 'q1'), []);
    assert.deepEqual(matcher.matchesOf('b', 'user-1').map((match) => match.articleId), ['a']);
    assert.deepEqual(matcher.matchesOf('a', 'q1').map((match) => match.quoteId), ['user-1']);
  });
});

describe('paraphrases', () => {
  const pentagon =
    'According to the Pentagon, Soleimani “was actively developing plans to attack American diplomats and service members in Iraq and throughout the region”.';
  const restated =
    'The Pentagon said Soleimani had been actively developing plans to attack U.S. diplomats and service members in Iraq and elsewhere throughout the region. Oil prices rose.';

  it('finds an unquoted restatement of a long quote in another article, with a score', () => {
    const matcher = matcherWith({ a: pentagon, b: restated });
    const [paraphrase, ...others] = matcher.paraphrasesOf('a', 'q1');
    assert.equal(others.length, 0);
    assert.equal(paraphrase?.articleId, 'b');
    assert.match(paraphrase?.text ?? '', /^actively developing plans .* throughout the region$/);
    assert.ok((paraphrase?.score ?? 0) > 0.8 && (paraphrase?.score ?? 0) <= 1);
  });

  it('follows a restatement that an edit before it has moved, and drops one the edit rewords', () => {
    const matcher = matcherWith({ a: pentagon, b: restated });
    const set = (id: string, text: string): void => {
      const article = quoted(text);
      matcher.setArticle(id, article.text, article.quotes);
    };
    // Typing before the passage: its words are the same, at new offsets; a quote ahead of it changes.
    const moved = `“Quite so, and more than anyone in this room could possibly have imagined,” one said. ${restated}`;
    set('b', `“Quite,” one said. ${restated}`);
    set('b', moved);
    assert.deepEqual(matcher.paraphrasesOf('a', 'q1'), matcherWith({ a: pentagon, b: moved }).paraphrasesOf('a', 'q1'));
    assert.match(matcher.paraphrasesOf('a', 'q1')[0]?.text ?? '', /^actively developing plans .* throughout the region$/);
    const reworded = moved.replace('diplomats and service members', 'embassies');
    set('b', reworded);
    assert.deepEqual(matcher.paraphrasesOf('a', 'q1'), matcherWith({ a: pentagon, b: reworded }).paraphrasesOf('a', 'q1'));
  });

  it('does not take unrelated sentences on the same subject for paraphrases', () => {
    const matcher = matcherWith({
      a: pentagon,
      b: 'American diplomats in Iraq were told to leave. Service members throughout the region were put on alert, and plans were drawn up.',
    });
    assert.deepEqual(matcher.paraphrasesOf('a', 'q1'), []);
  });

  it('never offers the quote itself, in its own article, as a paraphrase', () => {
    const matcher = matcherWith({ a: `${pentagon}\nHe was actively developing plans to attack American diplomats and service members in Iraq.` });
    assert.deepEqual(matcher.paraphrasesOf('a', 'q1'), []);
  });

  it('does not look for paraphrases of short quotes', () => {
    const matcher = matcherWith({ a: 'He vowed “harsh retaliation”.', b: 'Iran vowed harsh retaliation against the United States.' });
    assert.deepEqual(matcher.paraphrasesOf('a', 'q1'), []);
  });
});

describe('quote clusters', () => {
  const articles: Record<string, string> = {
    a: 'Trump tweeted “Iran never won a war, but never lost a negotiation!” and Khamenei vowed “harsh retaliation”.',
    b: 'The tweet: “Iran never won a war, but never lost a negotiation”. Iran promised “Harsh Retaliation, swift and sure”.',
    c: 'Nothing matches “this quote stands alone in the corpus” here.',
    d: '“Iran never won a war,” he wrote.',
  };

  it('groups verbatim matches, with kinds relative to the longest member', () => {
    const clusters = matcherWith(articles).clusters();
    const summary = clusters.map((cluster) => cluster.occurrences.map((occurrence) => `${occurrence.articleId}:${occurrence.quoteId}:${occurrence.kind}`));
    assert.deepEqual(summary.sort(), [
      ['a:q1:exact', 'b:q1:exact', 'd:q1:partial'],
      ['a:q2:partial', 'b:q2:exact'],
    ]);
    const harsh = clusters.find((cluster) => cluster.occurrences.length === 2);
    assert.equal(harsh?.text, 'Harsh Retaliation, swift and sure');
  });

  it('gives a cluster the same id whatever order the articles came in', () => {
    const forward = matcherWith(articles).clusters();
    const reversed = matcherWith(Object.fromEntries(Object.entries(articles).reverse())).clusters();
    assert.deepEqual(
      reversed.map((cluster) => cluster.id),
      forward.map((cluster) => cluster.id),
    );
    assert.deepEqual(reversed, forward);
  });

  it('does not let a short quote chain unrelated longer quotes into one cluster', () => {
    const matcher = matcherWith({
      a: 'Khamenei vowed “harsh retaliation”.',
      b: 'Officials said “Iran vowed harsh retaliation against America today” on Friday.',
      c: 'Exiles said “they fear harsh retaliation from the regime soon” at the rally.',
    });
    assert.deepEqual(matcher.matchesOf('a', 'q1').map((match) => match.articleId), ['b', 'c']);
    assert.deepEqual(matcher.clusters(), []);
    matcher.removeArticle('c');
    assert.deepEqual(matcher.clusters().map((cluster) => cluster.occurrences.map((occurrence) => occurrence.articleId)), [['a', 'b']]);
  });

  it('keeps paraphrases apart from verbatim occurrences', () => {
    const matcher = matcherWith({
      a: 'The Pentagon said he “was actively developing plans to attack American diplomats and service members in Iraq and throughout the region”.',
      b: 'NBC: “[Soleimani] was actively developing plans to attack American diplomats and service members in Iraq and throughout the region,” it said.',
      c: 'The Pentagon said Soleimani had been actively developing plans to attack U.S. diplomats and service members in Iraq and elsewhere throughout the region.',
    });
    const [cluster, ...others] = matcher.clusters();
    assert.equal(others.length, 0);
    assert.deepEqual(cluster?.occurrences.map((occurrence) => occurrence.articleId), ['a', 'b']);
    assert.deepEqual(cluster?.paraphrases.map((paraphrase) => paraphrase.articleId), ['c']);
  });
});
