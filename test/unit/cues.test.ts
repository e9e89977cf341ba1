import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inflect } from '../../server/src/engine/cueInflections';
import { cueVerbLemmas } from '../../server/src/engine/cueLexicon';
import { findCues, type CueForm } from '../../server/src/engine/cues';

/** "text/lemma/form" for each cue, for compact assertions. */
function cues(text: string): string[] {
  return findCues(text).map((cue) => `${cue.text}/${cue.lemma}/${cue.form}`);
}

function only(text: string): { text: string; lemma: string; form: CueForm } {
  const found = findCues(text);
  assert.equal(found.length, 1, JSON.stringify(found));
  const [cue] = found;
  assert.ok(cue);
  return { text: cue.text, lemma: cue.lemma, form: cue.form };
}

const noExceptions = { irregularPast: {}, doubleFinalConsonant: new Set<string>() };

describe('cue inflections', () => {
  it('inflects regular verbs by spelling rule', () => {
    assert.deepEqual(inflect('warn', noExceptions), ['warn', 'warns', 'warned', 'warning']);
    assert.deepEqual(inflect('deny', noExceptions), ['deny', 'denies', 'denied', 'denying']);
    assert.deepEqual(inflect('argue', noExceptions), ['argue', 'argues', 'argued', 'arguing']);
    assert.deepEqual(inflect('echo', noExceptions), ['echo', 'echoes', 'echoed', 'echoing']);
    assert.deepEqual(inflect('stress', noExceptions), ['stress', 'stresses', 'stressed', 'stressing']);
    assert.deepEqual(inflect('agree', noExceptions), ['agree', 'agrees', 'agreed', 'agreeing']);
  });

  it('uses the listed irregular past and consonant doubling', () => {
    const exceptions = { irregularPast: { write: ['wrote', 'written'] }, doubleFinalConsonant: new Set(['admit']) };
    assert.deepEqual(inflect('write', exceptions), ['write', 'writes', 'wrote', 'written', 'writing']);
    assert.deepEqual(inflect('admit', exceptions), ['admit', 'admits', 'admitted', 'admitting']);
  });
});

describe('cue lexicon (data/cues.json)', () => {
  it('has at least 60 verb lemmas, among them the guide\'s cue verbs', () => {
    assert.ok(cueVerbLemmas.length >= 60, `only ${cueVerbLemmas.length}`);
    for (const lemma of ['say', 'tell', 'tweet', 'report', 'add', 'claim', 'warn', 'vow', 'urge', 'state', 'echo', 'describe', 'call']) {
      assert.ok(cueVerbLemmas.includes(lemma), lemma);
    }
  });

  it('matches every inflection of say, tell, tweet and report', () => {
    const forms: Array<[string, string]> = [
      ['say', 'say'], ['says', 'say'], ['said', 'say'], ['saying', 'say'],
      ['tell', 'tell'], ['told', 'tell'], ['tells', 'tell'], ['telling', 'tell'],
      ['tweets', 'tweet'], ['tweeted', 'tweet'], ['reports', 'report'], ['reported', 'report'],
      ['wrote', 'write'], ['admitted', 'admit'], ['denied', 'deny'], ['testified', 'testify'],
    ];
    for (const [form, lemma] of forms) assert.deepEqual(only(`Officials ${form} so.`), { text: form, lemma, form: 'verb' });
  });
});

describe('findCues', () => {
  it('finds "according to" as its own form', () => {
    assert.deepEqual(only('The figure rose, according to OPEC.'), { text: 'according to', lemma: 'according to', form: 'according' });
  });

  it('prefers the longest phrase over the bare verb', () => {
    const phrases: Array<[string, string, string]> = [
      ['the Pentagon said in a statement.', 'said in a statement', 'say'],
      ['Rubio said in the tweet.', 'said in the tweet', 'say'],
      ['Roule said in a telephone interview.', 'said in a telephone interview', 'say'],
      ['Zarif wrote on Twitter that', 'wrote on Twitter', 'write'],
      ['Trump told reporters on Friday', 'told reporters', 'tell'],
      ['de Blasio told a news conference', 'told a news conference', 'tell'],
    ];
    for (const [text, cue, lemma] of phrases) assert.deepEqual(only(text), { text: cue, lemma, form: 'phrase' });
  });

  it('finds verbless phrases: "in a statement", "in an interview", "speaking to"', () => {
    assert.deepEqual(only('In a statement, the ministry'), { text: 'In a statement', lemma: 'in a statement', form: 'phrase' });
    assert.deepEqual(cues('the minister, in an interview, denies it'), ['in an interview/in an interview/phrase', 'denies/deny/verb']);
    assert.deepEqual(cues('Speaking to Fox News he pointed out the cost.'), ['Speaking to/speak to/phrase', 'pointed out/point out/verb']);
  });

  it('finds passive cues', () => {
    assert.deepEqual(only('The strike was characterized by the Defense Department as defensive'), {
      text: 'characterized by',
      lemma: 'characterize',
      form: 'passive',
    });
    assert.deepEqual(only('The general was quoted as saying that'), { text: 'was quoted as saying', lemma: 'quote', form: 'passive' });
  });

  it('skips verb forms that are mostly nouns unless a phrase or passive makes them cues', () => {
    assert.deepEqual(cues('The state raised rates, a question of reason.'), []);
    assert.deepEqual(cues('The ministry stated that, as stated by the ministry'), ['stated/state/verb', 'as stated by/state/passive']);
  });

  it('finds "issued a statement" as a phrase', () => {
    assert.deepEqual(only('The police department also issued a statement on Friday.'), {
      text: 'issued a statement',
      lemma: 'issue',
      form: 'phrase',
    });
  });

  it('does not mark a cue inside a longer word', () => {
    assert.deepEqual(cues('Her essays on soothsaying and so-called callers were unsaid.'), []);
  });

  it('takes a capitalised cue word for a verb only at a sentence start or in a headline', () => {
    assert.deepEqual(cues('The United States Says nothing.'), []);
    assert.deepEqual(cues('“We will go.” Said the minister: no.'), ['Said/say/verb']);
    assert.deepEqual(cues('New York Mayor Says Police Are on Alert After Drone Strike'), ['Says/say/verb']);
    assert.deepEqual(cues('TRUMP SAYS IRAN WILL PAY'), ['SAYS/say/verb']);
  });

  it('returns cues sorted by start, non-overlapping, with spans that match their text', () => {
    const words = ['said', 'in', 'a', 'statement', 'according', 'to', 'was', 'quoted', 'as', 'saying', 'told', 'reporters', 'Trump', 'United', 'States', 'essays', '.', ','];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const found = findCues(text);
        found.forEach((cue, index) => {
          assert.equal(text.slice(cue.start, cue.end), cue.text);
          const next = found[index + 1];
          if (next) assert.ok(cue.end <= next.start, JSON.stringify([cue, next]));
        });
      }),
    );
  });
});
