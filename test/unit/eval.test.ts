import assert from 'node:assert/strict';
import type { Analysis, Attribution, Quote, Span } from '../../server/src/engine/types';
import type { ArticleCase } from '../../scripts/eval/articleCase';
import { codePointOffsetsToUtf16, parseBrat } from '../../scripts/eval/brat';
import { createEntityResolver } from '../../scripts/eval/entities';
import { annotationFileFor } from '../../scripts/eval/evaluateAttributionCorpus';
import { locateListings, wordOccurrences } from '../../scripts/eval/locate';
import { matchOneToOne } from '../../scripts/eval/match';
import { prfScore } from '../../scripts/eval/metrics';
import { polnearGold } from '../../scripts/eval/attributionCorpusGold';
import { lastNameToken, polnearSpeakerCorrect } from '../../scripts/eval/attributionCorpusSpeaker';
import { findQuotedStretches } from '../../scripts/eval/quoteMarks';
import { scoreAttributions } from '../../scripts/eval/scoreAttributions';
import { scoreLinks } from '../../scripts/eval/scoreLinks';
import { scoreOutlets } from '../../scripts/eval/scoreOutlets';
import { quoteMatchScore, scoreQuotes } from '../../scripts/eval/scoreQuotes';
import type { GoldArticle } from '../../scripts/eval/seedsGold';

const entities = { 'Donald J. Trump': ['Trump', 'President Trump'], 'Nancy Pelosi': ['Pelosi'], 'Fox News': [] };
const resolver = createEntityResolver(entities);

function spanAt(text: string, needle: string, occurrence = 1): Span {
  let start = -1;
  for (let i = 0; i < occurrence; i += 1) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `test text lacks ${needle}`);
  return { start, end: start + needle.length, text: needle };
}

function quote(text: string, inner: string, speaker: string | null, occurrence = 1): Quote {
  const span = spanAt(text, inner, occurrence);
  return { id: `q${span.start}`, ...span, style: 'double', speaker, source: null, cue: null, attribution: null, continued: false };
}

function attribution(text: string, phrase: string, source: string, kind: Attribution['kind']): Attribution {
  const span = spanAt(text, phrase);
  return { ...span, source, kind, mention: span, cue: span };
}

function emptyAnalysis(): Analysis {
  return { quotes: [], speakers: [], outlets: [], attributions: [] };
}

function emptyGold(): GoldArticle {
  return { quotes: [], outlets: [], speakers: [], attributions: [] };
}

function articleCase(text: string, gold: Partial<GoldArticle>, analysis: Partial<Analysis>): ArticleCase {
  return { file: 'a.txt', text, gold: { ...emptyGold(), ...gold }, analysis: { ...emptyAnalysis(), ...analysis } };
}

describe('eval: locating gold text', () => {
  it('takes the n-th listing of a text as its n-th occurrence', () => {
    const text = '"Go," he said. "Go," she said. "Stop."';
    assert.deepEqual(locateListings(text, ['Go,', 'Stop.', 'Go,']), [
      { start: 1, end: 4 },
      { start: 32, end: 37 },
      { start: 16, end: 19 },
    ]);
  });

  it('gives null for a listing the text does not have that many times', () => {
    assert.deepEqual(locateListings('"Go," he said.', ['Go,', 'Go,', 'Run']), [{ start: 1, end: 4 }, null, null]);
  });

  it('counts outlet names only as whole words', () => {
    assert.deepEqual(wordOccurrences('CAPTION: AP photo. (AP)', 'AP'), [
      { start: 9, end: 11 },
      { start: 20, end: 22 },
    ]);
  });
});

describe('eval: matching', () => {
  it('matches a quote when the prediction covers at least 80% of the gold span', () => {
    const gold = { start: 0, end: 10 };
    assert.notEqual(quoteMatchScore(gold, { start: 2, end: 10 }), null);
    assert.equal(quoteMatchScore(gold, { start: 3, end: 10 }), null);
    assert.notEqual(quoteMatchScore(gold, { start: 0, end: 30 }), null, 'a longer prediction still covers the gold');
    assert.ok((quoteMatchScore(gold, { start: 0, end: 10 }) ?? 0) > (quoteMatchScore(gold, { start: 0, end: 30 }) ?? 0));
  });

  it('pairs one to one, best score first', () => {
    const matching = matchOneToOne([5, 9], [8, 5, 100], (g, p) => (Math.abs(g - p) <= 3 ? -Math.abs(g - p) : null));
    assert.deepEqual(matching.pairs, [
      { gold: 5, predicted: 5 },
      { gold: 9, predicted: 8 },
    ]);
    assert.deepEqual(matching.missed, []);
    assert.deepEqual(matching.spurious, [100]);
  });

  it('scores nothing against nothing as perfect, and nothing against gold as zero', () => {
    assert.equal(prfScore({ tp: 0, fp: 0, fn: 0 }).f1, 1);
    const none = prfScore({ tp: 0, fp: 0, fn: 4 });
    assert.equal(none.precision, 0);
    assert.equal(none.f1, 0);
    const some = prfScore({ tp: 3, fp: 1, fn: 2 });
    assert.equal(some.precision, 0.75);
    assert.equal(some.recall, 0.6);
    assert.ok(Math.abs(some.f1 - 2 / 3) < 1e-9);
  });
});

describe('eval: entity aliases', () => {
  it('resolves a predicted name through the canonical name or any alias of the gold entity', () => {
    assert.equal(resolver.sameEntity('Donald J. Trump', 'Donald J. Trump'), true);
    assert.equal(resolver.sameEntity('Trump', 'Donald J. Trump'), true);
    assert.equal(resolver.sameEntity('president trump', 'Donald J. Trump'), true, 'case does not matter');
    assert.equal(resolver.sameEntity('Pelosi', 'Donald J. Trump'), false);
    assert.equal(resolver.sameEntity('Donald Duck', 'Donald J. Trump'), false);
    assert.equal(resolver.sameEntity(null, 'Donald J. Trump'), false);
    assert.equal(resolver.sameEntity(null, null), true);
  });

  it('treats curly and straight apostrophes alike', () => {
    const table = createEntityResolver({ 'Ali Khamenei': ["Iran's supreme leader"] });
    assert.equal(table.sameEntity('Iran’s supreme leader', 'Ali Khamenei'), true);
  });
});

describe('eval: seeds scorers', () => {
  const text = 'Trump wrote: "No deal." Later, Pelosi said: "No deal." Fox News reports it. Fox News again.';

  it('scores quotes with the n-th occurrence rule and speakers through aliases', () => {
    const gold = { quotes: [{ text: 'No deal.', speaker: 'Donald J. Trump' }, { text: 'No deal.', speaker: 'Nancy Pelosi' }] };
    const onlySecond = scoreQuotes([articleCase(text, gold, { quotes: [quote(text, 'No deal.', 'Pelosi', 2)] })], resolver);
    assert.deepEqual([onlySecond.quotes.tp, onlySecond.quotes.fp, onlySecond.quotes.fn], [1, 0, 1]);
    assert.equal(onlySecond.speakers.accuracy, 1, 'the second listing is the second occurrence, said by Pelosi');
    assert.equal(onlySecond.quotes.errors[0].detail, `at ${text.indexOf('No deal.')}`);

    const swapped = scoreQuotes(
      [articleCase(text, gold, { quotes: [quote(text, 'No deal.', 'Pelosi', 1), quote(text, 'No deal.', 'Trump', 2)] })],
      resolver,
    );
    assert.equal(swapped.quotes.f1, 1);
    assert.deepEqual([swapped.speakers.correct, swapped.speakers.total], [0, 2]);
  });

  it('counts gold text missing from the article as missed and warns', () => {
    const result = scoreQuotes([articleCase(text, { quotes: [{ text: 'Never said', speaker: null }] }, {})], resolver);
    assert.equal(result.quotes.fn, 1);
    assert.equal(result.warnings.length, 1);
  });

  it('scores outlet mentions by span against the gold counts', () => {
    const fox = spanAt(text, 'Fox News');
    const stray = spanAt(text, 'Pelosi');
    const result = scoreOutlets([
      articleCase(text, { outlets: [{ text: 'Fox News', count: 2 }] }, { outlets: [{ name: 'Fox News', mentions: [fox, stray] }] }),
    ]);
    assert.deepEqual([result.outlets.tp, result.outlets.fp, result.outlets.fn], [1, 1, 1]);
    assert.deepEqual(result.warnings, []);
  });

  it('matches attributions by overlap and resolved source, leaving unnamed ones out', () => {
    const gold = {
      attributions: [
        { text: 'Pelosi said', source: 'Nancy Pelosi', kind: 'speaker' as const },
        { text: 'Fox News reports', source: 'Fox News', kind: 'outlet' as const },
      ],
    };
    const predictions = [
      attribution(text, 'Pelosi said:', 'Pelosi', 'speaker'),
      attribution(text, 'News reports', 'Trump', 'speaker'),
      attribution(text, 'Trump wrote', 'Officials', 'unnamed'),
    ];
    const result = scoreAttributions([articleCase(text, gold, { attributions: predictions })], resolver);
    assert.deepEqual([result.attributions.tp, result.attributions.fp, result.attributions.fn], [1, 1, 1]);
    assert.match(result.attributions.errors.find((e) => e.kind === 'spurious')?.detail ?? '', /gold source here Fox News/);
  });

  it('scores links pairwise', () => {
    const gold = [
      { file: 'a', start: 0, end: 5, cluster: 'x', text: 'one' },
      { file: 'b', start: 0, end: 5, cluster: 'x', text: 'one' },
      { file: 'c', start: 0, end: 5, cluster: 'x', text: 'one' },
      { file: 'a', start: 10, end: 15, cluster: 'y', text: 'two' },
      { file: 'b', start: 10, end: 15, cluster: 'y', text: 'two' },
    ];
    const predicted = [
      [{ file: 'a', start: 1, end: 4 }, { file: 'b', start: 0, end: 5 }],
      [{ file: 'c', start: 0, end: 5 }, { file: 'a', start: 10, end: 15 }],
    ];
    const score = scoreLinks(gold, predicted);
    assert.deepEqual([score.tp, score.fp, score.fn], [1, 1, 3]);
  });
});

describe('eval: brat standoff', () => {
  const ann = [
    'T1\tSource 0 5\tSmith',
    'T2\tCue 6 10;20 25\tsaid added',
    'T3\tContent 11 19\t"hello"',
    'T4\tAttribution 6 10\tsaid',
    'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3 Content2:T5',
    '#1\tAnnotatorNotes T1\tnote',
    'T9\tCue ten 12\tbroken',
  ].join('\n');

  it('reads text-bound annotations with discontinuous fragments and events with their roles', () => {
    const brat = parseBrat(ann);
    assert.deepEqual(brat.textBounds.get('T2'), {
      id: 'T2',
      label: 'Cue',
      fragments: [
        { start: 6, end: 10 },
        { start: 20, end: 25 },
      ],
      text: 'said added',
    });
    assert.equal(brat.events.length, 1);
    assert.equal(brat.events[0].trigger, 'T4');
    assert.deepEqual(brat.events[0].roles.get('Content'), ['T3', 'T5']);
    assert.deepEqual(brat.events[0].roles.get('Source'), ['T1']);
    assert.equal(brat.problems.length, 1);
    assert.match(brat.problems[0], /^line 7:/);
  });

  it('turns code-point offsets into UTF-16 offsets past astral characters', () => {
    const toUtf16 = codePointOffsetsToUtf16('a😀b');
    assert.deepEqual([0, 1, 2, 3].map(toUtf16), [0, 1, 3, 4]);
  });

  it('picks the first annotator’s file in sorted order', () => {
    assert.equal(annotationFileFor('story.txt', ['story_b2.ann', 'other_a1.ann', 'story_a1.ann']), 'story_a1.ann');
    assert.equal(annotationFileFor('story.txt', ['storyline_a.ann']), undefined);
  });
});

describe('eval: PolNeAR gold', () => {
  it('finds quoted stretches, not apostrophes, and keeps an unclosed paragraph quote to its end', () => {
    const text = "Iran's leader vowed 'harsh retaliation' and said “we will win.”\n“First part\n“Last part,” he said. Don’t.";
    const stretches = findQuotedStretches(text).map((range) => text.slice(range.start, range.end));
    assert.deepEqual(stretches, ['harsh retaliation', 'we will win.', 'First part', 'Last part,']);
  });

  it('pairs mixed straight and curly marks by which side of a word they stand', () => {
    const text = 'there was “no evidence" yet that it was "an act" of terrorism, "more hours” before.';
    assert.deepEqual(findQuotedStretches(text).map((r) => text.slice(r.start, r.end)), ['no evidence', 'an act', 'more hours']);
  });

  it('keeps a nested quote inside the outer one', () => {
    const text = '"He asked: “Why?” and left," she said.';
    assert.deepEqual(findQuotedStretches(text).map((r) => text.slice(r.start, r.end)), ['He asked: “Why?” and left,']);
  });

  it('takes quotes inside a Content span as gold, credited to that attribution’s Source', () => {
    const text = 'Smith said "we will win" today. Fans chant "go team" loudly.';
    const source = spanAt(text, 'Smith');
    const cue = spanAt(text, 'said');
    const content = spanAt(text, '"we will win"');
    const ann = [
      `T1\tSource ${source.start} ${source.end}\tSmith`,
      `T2\tCue ${cue.start} ${cue.end}\tsaid`,
      `T3\tContent ${content.start} ${content.end}\t"we will win"`,
      `E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3`,
    ].join('\n');
    const gold = polnearGold(text, ann, 'a.txt');
    assert.deepEqual(gold.warnings, []);
    assert.deepEqual(gold.quotes.map((q) => [q.text, q.source?.text]), [['we will win', 'Smith']]);
    assert.deepEqual(gold.cues.map((c) => c.fragments), [[{ start: cue.start, end: cue.end }]]);
  });

  it('warns when brat text differs from the article at its offsets', () => {
    const gold = polnearGold('Smith said so.', 'T1\tSource 0 5\tJones', 'a.txt');
    assert.equal(gold.warnings.length, 1);
  });

  it('judges a speaker right by source overlap, shared last name, or an overlapping mention', () => {
    const text = 'He said "yes" and Hillary Clinton agreed.';
    const gold = { fragments: [{ start: 0, end: 2 }], text: 'He' };
    const base = quote(text, 'yes', null);
    assert.equal(polnearSpeakerCorrect(gold, base, emptyAnalysis()), false);
    assert.equal(polnearSpeakerCorrect(gold, { ...base, source: spanAt(text, 'He') }, emptyAnalysis()), true);
    const clinton = { ...base, speaker: 'Hillary Clinton' };
    assert.equal(polnearSpeakerCorrect({ fragments: [{ start: 30, end: 31 }], text: 'Mrs. Clinton’s' }, clinton, emptyAnalysis()), true);
    const analysis: Analysis = {
      ...emptyAnalysis(),
      speakers: [{ name: 'Hillary Clinton', kind: 'person', aliases: [], mentions: [spanAt(text, 'He')] }],
    };
    assert.equal(polnearSpeakerCorrect(gold, clinton, emptyAnalysis()), false);
    assert.equal(polnearSpeakerCorrect(gold, clinton, analysis), true);
    assert.equal(lastNameToken('Martin Luther King Jr.'), 'king');
  });
});
