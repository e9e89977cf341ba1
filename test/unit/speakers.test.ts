import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { samePerson, sameSpelling } from '../../server/src/engine/nameVariants';
import { splitSentences } from '../../server/src/engine/sentences';

function speakerNamed(text: string, name: string) {
  return analyze(text).speakers.find((speaker) => speaker.name === name);
}

describe('speakers', () => {
  it('keeps abbreviations and initials inside one sentence', () => {
    const text = 'Sen. Chris Murphy, D-Conn., spoke on Jan. 3 in Washington. Donald J. Trump replied.';
    const sentences = splitSentences(text);
    assert.equal(sentences.length, 2);
    assert.equal(text.slice(sentences[1]!.start, sentences[1]!.end), 'Donald J. Trump replied.');
  });

  it('clusters spelling variants of one name', () => {
    assert.ok(samePerson('Qassim Soleiman', 'Qasem Soleimani'));
    assert.ok(samePerson('Suleimani', 'Qassem Soleimani'));
    assert.ok(sameSpelling('Soleimani', 'Suleimani'));
    assert.ok(!samePerson('Hillary Clinton', 'Bill Clinton'));
    assert.ok(!samePerson('Chris Murphy', 'Chris Murray'));
  });

  it('names a speaker by the fullest form, without the title, with the title as an alias', () => {
    const text = 'Mayor Jane Okafor said the city was ready. Okafor said police would patrol the subway.';
    const speaker = speakerNamed(text, 'Jane Okafor');
    assert.ok(speaker, JSON.stringify(analyze(text).speakers));
    assert.equal(speaker.kind, 'person');
    assert.ok(speaker.aliases.includes('Mayor Jane Okafor'));
    assert.ok(speaker.mentions.some((mention) => mention.text === 'Okafor'));
  });

  it('resolves a role to the entity it was last attached to', () => {
    const text = 'Governor Tom Whitfield spoke on Monday. "We are ready," the governor said.';
    const analysis = analyze(text);
    const attribution = analysis.attributions.find((candidate) => candidate.mention.text === 'the governor');
    assert.equal(attribution?.source, 'Tom Whitfield');
  });

  it('resolves an appositive role ("Iran\'s supreme leader, Name,") for later mentions', () => {
    const text = "Iran's supreme leader, Ayatollah Reza Tabrizi, called for calm. The supreme leader said the talks would go on.";
    const analysis = analyze(text);
    assert.ok(analysis.attributions.some((attribution) => attribution.mention.text === 'The supreme leader' && attribution.source === 'Ayatollah Reza Tabrizi'));
  });

  it('resolves a pronoun to the most recent compatible speaker', () => {
    const text = 'Senator Maria Lopez wants answers. She is calling on the agency to testify.';
    const analysis = analyze(text);
    const attribution = analysis.attributions.find((candidate) => candidate.mention.text === 'She');
    assert.equal(attribution?.source, 'Maria Lopez');
  });

  it('treats an organisation as a speaker and a country as unnamed', () => {
    const text = 'The Defense Department said in a statement that the strike was lawful. Iran promised revenge.';
    const analysis = analyze(text);
    const defense = analysis.attributions.find((attribution) => attribution.mention.text.includes('Defense Department'));
    assert.equal(defense?.kind, 'speaker');
    assert.ok(analysis.speakers.some((speaker) => speaker.kind === 'organization'));
    const iran = analysis.attributions.find((attribution) => attribution.mention.text === 'Iran');
    assert.ok(iran === undefined || iran.kind === 'unnamed');
    assert.ok(!analysis.speakers.some((speaker) => speaker.name === 'Iran'));
  });

  it('credits "Bill de Blasio" with the quotes of seed 002', () => {
    const text = readFileSync(join(__dirname, '../../../seeds/002_131402eebdac2dd7.txt'), 'utf8');
    const analysis = analyze(text);
    const quote = analysis.quotes.find((candidate) => candidate.text.startsWith('It’s just a world of difference'));
    assert.equal(quote?.speaker, 'Bill de Blasio');
    const second = analysis.quotes.find((candidate) => candidate.text.startsWith('We have to assume'));
    assert.equal(second?.speaker, 'Bill de Blasio');
    assert.ok(analysis.speakers.some((speaker) => speaker.name === 'Bill de Blasio'));
  });

  it('never takes a people or its adjective for a speaker ("Iraqis", "New Yorkers", "Democratic")', () => {
    const text = 'Ayatollah Ali Reza spoke on Friday. Iraqis gathered in Baghdad and New Yorkers watched. He described the strike as "a crime against us all".';
    const analysis = analyze(text);
    assert.ok(!analysis.speakers.some((speaker) => /Iraqis|New Yorkers/u.test(speaker.name)));
    assert.equal(analysis.quotes[0]?.speaker, 'Ayatollah Ali Reza');
  });

  it('does not take a dateline in capitals for a person', () => {
    const text = 'SPRINGFIELD, Ill. - As he welcomed guests, Tom Reed was upbeat. He said "we will win this".';
    assert.ok(!analyze(text).speakers.some((speaker) => speaker.name.includes('SPRINGFIELD')));
  });

  it('reads a courtesy title as making the next word a surname ("Mr. King said")', () => {
    const text = 'Larry King hosts a show. "I have never been edited," Mr. King said.';
    assert.equal(analyze(text).quotes[0]?.speaker, 'Larry King');
  });

  it('resolves a definite role nobody was given to the person in focus', () => {
    const text = 'Hillary Clinton spoke on Monday about the shooting. On Tuesday, the former secretary of state said she wanted "a real change".';
    const said = analyze(text).attributions.find((attribution) => attribution.cue.text === 'said');
    assert.equal(said?.source, 'Hillary Clinton');
  });

  it('keeps a "Why?" quote and its dialogue tag in one sentence', () => {
    const text = 'Tom Reed spoke to the crowd. “Does anybody know the plan?” Reed asked. “Neither do I.”';
    const analysis = analyze(text);
    assert.deepEqual(analysis.quotes.map((quote) => quote.speaker), ['Tom Reed', 'Tom Reed']);
    const sentences = splitSentences(text, analysis.quotes);
    assert.ok(sentences.some((sentence) => text.slice(sentence.start, sentence.end).startsWith('“Does anybody know the plan?” Reed asked.')));
  });

  it('keeps a quote that only ends its sentence apart from the next sentence\'s speaker', () => {
    const text = 'South Korea accused Kim of "fanatic recklessness." South Korean President Park Geun-hye said he was "out of control."';
    const analysis = analyze(text);
    assert.notEqual(analysis.quotes[0]?.speaker, 'Park Geun-hye');
    assert.equal(analysis.quotes[1]?.speaker, 'Park Geun-hye');
  });

  it('does not take a weekday with a possessive, or a show name after "of", for a subject', () => {
    const text = 'Hillary Clinton spoke out. On Tuesday’s episode of “The Morning Show,” the former secretary of state said she wanted “to speak directly”.';
    assert.equal(analyze(text).quotes.find((quote) => quote.text.includes('speak directly'))?.speaker, 'Hillary Clinton');
  });

  it('takes a capitalised plural agent noun for a group, not a person ("Environmentalists worry")', () => {
    const analysis = analyze('Environmentalists worry that the mine will pollute the river.');
    assert.equal(analysis.speakers.length, 0);
    assert.equal(analysis.attributions[0]?.kind, 'unnamed');
  });

  it('reads a title word ending a name as part of the name ("Larry King")', () => {
    assert.ok(speakerNamed('Larry King said the show would go on.', 'Larry King'));
  });
});
