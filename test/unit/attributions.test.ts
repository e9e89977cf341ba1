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

  it('looks past a party affiliation in parentheses ("Rep. Jo Ames (D-Ore.) said")', () => {
    const found = attributionsOf('Rep. Jo Ames (D-Ore.) said the bill would pass.');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.source, 'Jo Ames');
    assert.equal(found[0]?.cue.text, 'said');
  });

  it('gives a second verb joined by "and" the subject of the first', () => {
    const found = attributionsOf('Mayor Tom Reed criticized the budget and vowed to veto it.');
    const vowed = found.find((attribution) => attribution.cue.text === 'vowed');
    assert.equal(vowed?.source, 'Tom Reed');
    assert.equal(vowed?.kind, 'speaker');
  });

  it('gives a participle after a clause the source of that clause ("…, arguing")', () => {
    const found = attributionsOf('"It is wrong," Tom Reed said on Tuesday in Boston, arguing that the rule hurts workers.');
    const arguing = found.find((attribution) => attribution.cue.text === 'arguing');
    assert.equal(arguing?.source, 'Tom Reed');
  });

  it('credits a relative pronoun\'s cue to its antecedent, with the pronoun as the mention', () => {
    const found = attributionsOf('The deal was backed by Tom Reed, who said it would help.');
    const said = found.find((attribution) => attribution.cue.text === 'said');
    assert.equal(said?.source, 'Tom Reed');
    assert.equal(said?.mention.text, 'who');
  });

  it('takes a lowercase subject as an unnamed source ("environmentalists worry", "attorneys for the family said")', () => {
    const worry = attributionsOf('Environmentalists worry that the mine will pollute the river.');
    assert.equal(worry[0]?.kind, 'unnamed');
    assert.equal(worry[0]?.mention.text, 'Environmentalists');
    const family = attributionsOf('Relatives watched the video on Thursday, attorneys for the family said.');
    assert.equal(family[0]?.mention.text, 'attorneys for the family');
    assert.equal(family[0]?.cue.text, 'said');
  });

  it('takes a lowercase phrase after an inverted cue as its source ("said the ruling")', () => {
    const found = attributionsOf('"A state cannot do that," said the ruling.');
    assert.equal(found[0]?.mention.text, 'the ruling');
    assert.equal(found[0]?.kind, 'unnamed');
  });

  it('reads a cue word after a determiner, a possessive or "to" as no reporting verb', () => {
    assert.equal(attributionsOf("Mr. Tom Reed's remarks were short.").length, 0);
    assert.equal(attributionsOf('Tom Reed read the report twice.').filter((attribution) => attribution.cue.text === 'report').length, 0);
    assert.equal(attributionsOf('Tom Reed refused to comment.').filter((attribution) => attribution.cue.text === 'comment').length, 0);
  });

  it('inverts after a closing double apostrophe (\'\'…,\'\' said X)', () => {
    const found = attributionsOf("''This is not reform,'' said Dana Holt, an economist.");
    assert.equal(found[0]?.source, 'Dana Holt');
  });

  it('takes the pronoun out of a contraction ("He\'s claiming")', () => {
    const found = attributionsOf('Tom Reed spoke in Ohio. He’s claiming that fraud is “a big problem.”');
    const claiming = found.find((attribution) => attribution.cue.text === 'claiming');
    assert.equal(claiming?.mention.text, 'He');
    assert.equal(claiming?.source, 'Tom Reed');
  });

  it('reads transcript labels as speakers of the quoted paragraph they open', () => {
    const text = 'Tom Reed joined Lee Walsh on the show.\n\n"WALSH: Will you run?\n\n"REED: Yes, I will run next year."';
    const analysis = analyze(text);
    const labels = analysis.attributions.filter((attribution) => attribution.cue.text === ':');
    assert.deepEqual(labels.map((attribution) => attribution.source), ['Lee Walsh', 'Tom Reed']);
    const answer = analysis.quotes.find((quote) => quote.text.includes('Yes, I will run'));
    assert.equal(answer?.speaker, 'Tom Reed');
  });

  it('takes a headline label only for somebody the article names ("Tom Reed: …", not "Poll: …")', () => {
    const named = attributionsOf('Tom Reed: The Budget Is Broken\n\nTom Reed said on Monday that the budget was broken.');
    assert.ok(named.some((attribution) => attribution.cue.text === ':' && attribution.source === 'Tom Reed'));
    const topic = attributionsOf('Poll: Voters Want Change\n\nMost voters want change, the survey found.');
    assert.ok(!topic.some((attribution) => attribution.cue.text === ':'));
  });

  it('credits a quote signed with a dash to the name after it', () => {
    const analysis = analyze('“He is no leader. He never was.” ― Maria Lopez\n“He scares me.” ― Ana Ruiz\n');
    assert.deepEqual(analysis.quotes.map((quote) => quote.speaker), ['Maria Lopez', 'Ana Ruiz']);
  });

  it('credits a quote to the attribution that ends the sentence before it with a colon', () => {
    const analysis = analyze('Tom Reed spoke at length. Reed continued:\n\n"The budget is broken and nobody will say so."');
    assert.equal(analysis.quotes[0]?.speaker, 'Tom Reed');
  });

  it('credits a quote to the outer attribution when another sits in its reported clause ("X said they want “…”")', () => {
    const analysis = analyze('The Tulsa Police Department made no comment.\n\nProtesters said they want “justice for Terrence,” but pledged to remain civil.');
    const quote = analysis.quotes[0];
    assert.equal(quote?.source?.text, 'Protesters');
  });

  it('does not lend a relative clause\'s source to a later participle', () => {
    const found = attributionsOf('Tom Reed refused to pay an architect who said he was stiffed, saying, “He did a bad job.”');
    const saying = found.find((attribution) => attribution.cue.text === 'saying');
    assert.equal(saying?.source, 'Tom Reed');
  });

  it('takes the noun a participle describes as its unnamed source ("a tweet attacking")', () => {
    const found = attributionsOf('She described as “unhinged” a tweet attacking the former beauty queen.');
    const attacking = found.find((attribution) => attribution.cue.text === 'attacking');
    assert.ok(attacking?.mention.text.endsWith('tweet'), attacking?.mention.text);
    assert.equal(attacking?.kind, 'unnamed');
  });

  it('makes no attribution of a cue inside another cue\'s reported clause ("said he expects")', () => {
    const found = attributionsOf('Coach Dana Hill said she expects the team to recover. Hill added that it shows resolve.');
    assert.deepEqual(found.map((attribution) => attribution.cue.text), ['said', 'added']);
  });

  it('keeps a second cue that opens a clause of its own ("said Monday and Reed argued")', () => {
    const found = attributionsOf('Dana Hill said the plan works and Tom Reed argued that it fails.');
    assert.deepEqual(found.map((attribution) => attribution.cue.text), ['said', 'argued']);
  });

  it('keeps the cue after an inverted source ("Speaking to reporters he said")', () => {
    const found = attributionsOf('Speaking to Channel Nine he said: "We are ready."');
    assert.ok(found.some((attribution) => attribution.cue.text === 'said' && attribution.mention.text === 'he'), JSON.stringify(found));
  });

  it('takes a quantifier opening the clause as an unnamed source ("Some believe", "but all agreed")', () => {
    const found = attributionsOf('Some believe the vote was rigged, but all agreed that turnout was high.');
    assert.deepEqual(
      found.map((attribution) => [attribution.mention.text, attribution.cue.text, attribution.kind]),
      [['Some', 'believe', 'unnamed'], ['all', 'agreed', 'unnamed']],
    );
  });

  it('still reads a quantifier before a plural noun as a determiner ("some claims")', () => {
    assert.deepEqual(attributionsOf('Some claims were never checked.'), []);
  });

  it('needs a content complement for an event-like speech verb ("spoke at a rally" is no attribution)', () => {
    assert.deepEqual(attributionsOf('Dana Hill spoke at a rally in Ohio on Friday.'), []);
    const about = attributionsOf('Dana Hill spoke emotionally about her father.');
    assert.equal(about[0]?.cue.text, 'spoke');
    assert.deepEqual(attributionsOf('Protests continued in the capital.'), []);
    const continued = attributionsOf('"We will win," Hill continued.');
    assert.equal(continued[0]?.cue.text, 'continued');
  });

  it('takes a naming verb in a free relative for a label, not an attribution ("what he called a rant")', () => {
    assert.deepEqual(attributionsOf('She condemned what he called a "hoax" in the campaign.').map((attribution) => attribution.cue.text), ['condemned']);
    const called = attributionsOf('Tom Reed called the plan a "hoax" on Friday.');
    assert.equal(called[0]?.cue.text, 'called');
  });
});
