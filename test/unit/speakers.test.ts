import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { isCalendarName } from '../../server/src/engine/calendarNames';
import { looksLikeName, withoutLowercaseLead } from '../../server/src/engine/nameShape';
import { findNameRuns } from '../../server/src/engine/names';
import { firstNameGender } from '../../server/src/engine/firstNameGender';
import { samePerson, sameSpelling } from '../../server/src/engine/nameVariants';
import { withoutOpeningWord } from '../../server/src/engine/sentenceOpeners';
import { WordEvidence } from '../../server/src/engine/wordEvidence';
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

describe('speaker names as a careful editor writes them', () => {
  const names = (text: string): string[] => analyze(text).speakers.map((speaker) => speaker.name);
  const speakerOf = (text: string, words: string): string | null | undefined => analyze(text).quotes.find((quote) => quote.text.includes(words))?.speaker;

  it('finds the real names inside a title-case headline instead of the whole run', () => {
    const text = 'Senator Sees ‘Grave Insult’ if Voters Don’t Rally for Maria Delgado.\n\nMaria Delgado is running for the seat. “We will win,” Delgado said at a rally.';
    const found = names(text);
    assert.ok(found.every((name) => !/Rally|Don’t|Sees|Insult/u.test(name)), found.join(', '));
    assert.equal(speakerOf(text, 'We will win'), 'Maria Delgado');
    assert.ok(analyze(text).speakers.find((speaker) => speaker.name === 'Maria Delgado')?.mentions.some((mention) => mention.start < 70));
  });

  it('does not merge "Mr. X" into a woman named X, nor "Mrs. X" into a man', () => {
    const text = 'The first lady, Susan Harlow, joined the rally. “It is about all of us,” Mr. Harlow said. “We are proud,” Mrs. Harlow said.';
    assert.notEqual(speakerOf(text, 'about all of us'), 'Susan Harlow');
    assert.equal(speakerOf(text, 'We are proud'), 'Susan Harlow');
  });

  it('gives a bare or titled surname to the namesake named nearest when two are equally prominent', () => {
    const text = 'President Harlow spoke on Sunday. “It is about me,” the president said. “We must vote,” Mr. Harlow said. The first lady, Susan Harlow, was there.';
    assert.equal(speakerOf(text, 'about me'), 'Harlow');
    assert.equal(speakerOf(text, 'We must vote'), 'Harlow');
  });

  it('reads an inverted reporting verb opening a sentence as no given name ("Said Ellis")', () => {
    const text = 'Tax expert Ryan Ellis said the plan was costly. Said Ellis, “Nobody will pay for it.” Hope Hicks agreed.';
    const evidence = new WordEvidence(text);
    const opening = (at: number) => findNameRuns(text, at, text.length)[0]!;
    assert.equal(withoutOpeningWord(opening(text.indexOf('Said')), evidence, text)?.text, 'Ellis');
    assert.equal(withoutOpeningWord(opening(text.indexOf('Hope')), evidence, text)?.text, 'Hope Hicks');
  });

  it('reads a capitalised surname particle as the surname of the full name ("De Vries", "Anna de Vries")', () => {
    assert.ok(samePerson('Anna de Vries', 'De Vries'));
    assert.ok(!samePerson('Anna de Vries', 'Dan Vries'));
    const text = 'Mayor Anna de Vries spoke on Monday. De Vries said, “The water is safe.”';
    assert.equal(speakerOf(text, 'water is safe'), 'Anna de Vries');
    assert.ok(!names(text).includes('De Vries'));
  });

  it('leaves "of <place>" and "for <employer>" after a person out of the name', () => {
    const text = '“This is wrong,” said Representative Thomas K. Brandt of Ohio. “It is close,” said Lena Ortiz for Harbor Polling.';
    assert.equal(speakerOf(text, 'This is wrong'), 'Thomas K. Brandt');
    assert.equal(speakerOf(text, 'It is close'), 'Lena Ortiz');
  });

  it('takes neither a bare title nor a lowercase phrase for a name, and keeps "X campaign" whole', () => {
    assert.ok(!looksLikeName('misgivings about Mrs'));
    assert.ok(!looksLikeName('his body mass index'));
    assert.ok(looksLikeName('Bill de Blasio'));
    assert.ok(looksLikeName('Trump campaign'));
    assert.equal(withoutLowercaseLead('conservative-leaning Tax Foundation'), 'Tax Foundation');
    assert.equal(withoutLowercaseLead('de Blasio'), 'de Blasio');
  });

  it('never takes a holiday, weekday or month for a speaker, so "she" finds the woman named after it', () => {
    assert.ok(isCalendarName('Labor Day') && isCalendarName('Ramadan') && isCalendarName('Friday') && !isCalendarName('Rosa Day Parker'));
    const text = 'Ms. Patel said the vote mattered. In the weeks since Labor Day, Mrs. Reyes has held rallies in three cities. She said turnout would rise.';
    const analysis = analyze(text);
    assert.ok(!analysis.speakers.some((speaker) => speaker.name === 'Labor Day'));
    assert.equal(analysis.attributions.find((attribution) => attribution.mention.text === 'She')?.source, 'Reyes');
  });

  it('does not take a capitalised sentence opener ("Ultimately", "Rival") for a name', () => {
    assert.ok(!names('Ultimately, he said, the deal collapsed because ultimately nobody paid.').includes('Ultimately'));
    assert.deepEqual(names('Rival Maria Delgado said the plan would fail. “It will fail,” Delgado said.'), ['Maria Delgado']);
  });

  it('credits "X’s doctor" and "an attorney for X" to neither X nor anybody named, but "X’s campaign" still to X’s side', () => {
    const text = 'Governor Paul Brennan was hospitalised on Friday. “He is recovering well,” Paul Brennan’s doctor said. “He will not comment,” an attorney for Brennan said. “We are confident,” Brennan’s campaign said.';
    assert.equal(speakerOf(text, 'recovering well'), null);
    assert.equal(speakerOf(text, 'will not comment'), null);
    assert.notEqual(speakerOf(text, 'We are confident'), null);
  });

  it('reads a party label before a full name as a label ("Democrat Maria Delgado")', () => {
    const text = 'Democrat Maria Delgado said the bill would pass. “It will pass,” Delgado said.';
    assert.deepEqual(names(text), ['Maria Delgado']);
    assert.ok(names('The Republican National Committee said the rules were clear.').includes('Republican National Committee'));
  });

  it('starts a family name cited alone mid-sentence at its lowercase particle ("said de Vries")', () => {
    const text = 'The plan, said de Vries, was ready before von Albrecht arrived.';
    const runs = findNameRuns(text, 0, text.length).map((run) => run.text);
    assert.ok(runs.includes('de Vries') && runs.includes('von Albrecht'), JSON.stringify(runs));
    assert.ok(!findNameRuns('They had to do Pilates.', 0, 23).some((run) => run.text.startsWith('do ')));
    const analysis = analyze('Mayor Anna de Vries spoke first. “The city is ready,” said de Vries.');
    assert.ok(analysis.speakers.find((speaker) => speaker.name === 'Anna de Vries')?.mentions.some((mention) => mention.text === 'de Vries'));
  });

  it('knows the sex of a first name from the name lists, or from how listed names with its ending lean', () => {
    assert.equal(firstNameGender('Melania'), 'female');
    assert.equal(firstNameGender('Grace'), null, 'a name in both lists is ambiguous');
    assert.equal(firstNameGender('Zoranka'), 'female');
    const text = 'Zoranka Velic and Tobias Marsh spoke at the forum. Tobias Marsh left first. She said the forum had gone well.';
    assert.equal(analyze(text).attributions.find((attribution) => attribution.mention.text === 'She')?.source, 'Zoranka Velic');
  });

  it('credits "the GOP nominee" or "the FBI director" to the role holder or nobody, never to the organisation', () => {
    const analysis = analyze('Agents met on Monday. The FBI director said the inquiry was closed. The GOP nominee said the economy was weak.');
    for (const phrase of ['The FBI director', 'The GOP nominee']) {
      const attribution = analysis.attributions.find((candidate) => candidate.mention.text === phrase);
      assert.ok(attribution, phrase);
      assert.notEqual(attribution.kind, 'speaker', `${phrase} -> ${attribution.source}`);
    }
  });

  it('resolves a role naming a party only to a person whose roles name no other party', () => {
    const text = 'Democratic nominee Laura Pemberton spoke in Ohio. Republican nominee Victor Hale spoke in Iowa. The Republican nominee said taxes would fall.';
    const attribution = analyze(text).attributions.find((candidate) => candidate.mention.text === 'The Republican nominee');
    assert.equal(attribution?.source, 'Victor Hale');
    const reversed = 'Republican nominee Victor Hale spoke in Iowa. Democratic nominee Laura Pemberton spoke in Ohio. The Republican nominee said taxes would fall.';
    assert.equal(analyze(reversed).attributions.find((candidate) => candidate.mention.text === 'The Republican nominee')?.source, 'Victor Hale');
  });
});
