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
});
