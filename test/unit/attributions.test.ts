import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';

function attributionsOf(text: string) {
  return analyze(text).attributions;
}

describe('attributions', () => {
  it('spans from the source to the end of a phrase cue ("told a news conference")', () => {
    const text = readFileSync(join(__dirname, '../../../seeds/002_131402eebdac2dd7.txt'), 'utf8');
    const found = attributionsOf(text).find((attribution) => attribution.text.includes('de Blasio told'));
    assert.ok(found, 'no attribution for "de Blasio told a news conference"');
    assert.equal(found.text, 'de Blasio told a news conference');
    assert.equal(found.source, 'Bill de Blasio');
    assert.equal(found.kind, 'speaker');
  });

  it('marks "Fox News reports" as an outlet attribution', () => {
    const text = readFileSync(join(__dirname, '../../../seeds/000_198c190caa6527b1.txt'), 'utf8');
    const found = attributionsOf(text).filter((attribution) => attribution.text === 'Fox News reports');
    assert.ok(found.length >= 3);
    assert.ok(found.every((attribution) => attribution.kind === 'outlet' && attribution.source === 'Fox News'));
  });

  it('covers an inverted source ("said Norman Vance")', () => {
    const text = 'The plan will fail, said Norman Vance, a former analyst.';
    const found = attributionsOf(text).find((attribution) => attribution.source === 'Norman Vance');
    assert.equal(found?.text, 'said Norman Vance');
  });

  it('keeps an appositive inside the span', () => {
    const text = 'Sen. Dana Whitlock, D-Ore., a member of the Senate Armed Services Committee, tweeted: "This is a mistake."';
    const found = attributionsOf(text).find((attribution) => attribution.source === 'Dana Whitlock');
    assert.ok(found);
    assert.ok(found.text.startsWith('Sen. Dana Whitlock') && found.text.endsWith('tweeted'), found.text);
  });

  it('gives a quote relayed by an outlet two attributions and the person as speaker', () => {
    const text = '"We need answers now," Pelosi said, NBC News reports.';
    const analysis = analyze(text);
    assert.deepEqual(analysis.attributions.map((attribution) => attribution.kind).sort(), ['outlet', 'speaker']);
    assert.equal(analysis.quotes[0]?.speaker, 'Pelosi');
  });

  it('lets a quote without a cue inherit the speaker of the quote before it', () => {
    const text = '"The roads are closed," Mayor Ann Porter tweeted. "Stay home tonight."';
    const analysis = analyze(text);
    assert.equal(analysis.quotes[1]?.speaker, 'Ann Porter');
  });

  it('credits an embedded post to the account holder in its signature', () => {
    const text = 'Stay safe, everyone. The storm is close. — Mayor Ann Porter (@PorterForCity) January 3, 2020';
    const analysis = analyze(text);
    const post = analysis.quotes.find((quote) => quote.style === 'post');
    assert.ok(post, 'the post was not found');
    assert.equal(post.speaker, 'Ann Porter');
  });

  it('leaves scare quotes without a source uncredited', () => {
    const analysis = analyze('Critics call it a "forever war" that drags on.');
    assert.equal(analysis.quotes[0]?.speaker ?? null, null);
  });

  it('ends "said, adding" at the first cue', () => {
    const found = attributionsOf('"It is over," Cotton said, adding that the fight was won.');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.text, 'Cotton said');
  });

  it('finds reported speech without quotes', () => {
    const found = attributionsOf('Pompeo claimed that the strike saved lives.');
    assert.equal(found[0]?.text, 'Pompeo claimed');
  });
});
