import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { outletEntries } from '../../server/src/engine/outletGazetteer';
import { findOutlets } from '../../server/src/engine/outlets';

const root = resolve(__dirname, '../../..');

/** Outlet name -> mention texts, for compact assertions. */
function found(text: string): Record<string, string[]> {
  return Object.fromEntries(findOutlets(text).map((outlet) => [outlet.name, outlet.mentions.map((mention) => mention.text)]));
}

function names(text: string): string[] {
  return findOutlets(text).map((outlet) => outlet.name);
}

describe('outlet gazetteer (data/outlets.json)', () => {
  it('lists at least 150 outlets, each with a name and at least one form', () => {
    assert.ok(outletEntries.length >= 150, `only ${outletEntries.length} outlets`);
    for (const entry of outletEntries) {
      const forms = [...entry.aliases, ...(entry.ambiguous ?? []), ...(entry.anaphors ?? [])];
      assert.ok(entry.name.length > 0 && forms.length > 0, JSON.stringify(entry));
    }
  });

  it('gives every unambiguous alias to one outlet only', () => {
    const owner = new Map<string, string>();
    for (const entry of outletEntries) {
      for (const alias of entry.aliases) {
        assert.equal(owner.get(alias) ?? entry.name, entry.name, `"${alias}" belongs to two outlets`);
        owner.set(alias, entry.name);
      }
    }
  });

  it('marks short or common-word forms as ambiguous, never as plain aliases', () => {
    const plain = new Set(outletEntries.flatMap((entry) => entry.aliases));
    for (const form of ['AP', 'PA', 'Fox', 'Mail', 'Sun', 'RT', 'Times', 'Post', 'Hill']) assert.ok(!plain.has(form), form);
  });

  it('knows the major US, UK and international outlets and agencies', () => {
    const text = [
      'The New York Times, Washington Post, Wall Street Journal, Los Angeles Times and Chicago Tribune reported it.',
      'Associated Press, Agence France-Presse, Press Association, Reuters, Bloomberg News and Xinhua carried it.',
      'BBC, CNN, Al Jazeera, Daily Mail, NBC News, Fox News, CBS News, ABC News, MSNBC and NPR covered it.',
      'Breitbart, HuffPost, Huffington Post, Politico, USA Today, Western Journalism, Axios and the Guardian too.',
      'The Telegraph, the Times of London, IRNA, Tasnim, TASS, Kyodo and Yonhap also ran stories.',
    ].join('\n');
    const expected = [
      'New York Times', 'Washington Post', 'Wall Street Journal', 'Los Angeles Times', 'Chicago Tribune',
      'Associated Press', 'Agence France-Presse', 'PA Media', 'Reuters', 'Bloomberg', 'Xinhua', 'BBC', 'CNN',
      'Al Jazeera', 'Daily Mail', 'NBC News', 'Fox News', 'CBS News', 'ABC News', 'MSNBC', 'NPR', 'Breitbart News',
      'HuffPost', 'Politico', 'USA Today', 'Western Journal', 'Axios', 'The Guardian', 'The Telegraph',
      'Times of London', 'IRNA', 'Tasnim News Agency', 'TASS', 'Kyodo News', 'Yonhap',
    ];
    assert.deepEqual(new Set(names(text)), new Set(expected));
  });
});

describe('findOutlets', () => {
  it('counts a name in capitals, as in a photo credit', () => {
    assert.deepEqual(found('Members of the community gather. REUTERS/Amr Alfiky'), { Reuters: ['REUTERS'] });
  });

  it('ignores a lower-case "ap" or "reuters" in running text', () => {
    assert.deepEqual(found('we took an ap course and read reuters style notes'), {});
  });

  it('reports one Outlet per outlet with every mention, in order of first mention', () => {
    const text = 'Fox News reports that, the Associated Press said. Later Fox News reports more.';
    const outlets = findOutlets(text);
    assert.deepEqual(outlets.map((outlet) => outlet.name), ['Fox News', 'Associated Press']);
    assert.deepEqual(outlets[0]?.mentions.map((mention) => mention.start), [0, text.lastIndexOf('Fox News')]);
  });

  it('leaves out a leading "the" from a name, and the span is the text', () => {
    const text = 'According to the New York Times, officials agreed.';
    const [mention] = findOutlets(text)[0]?.mentions ?? [];
    assert.deepEqual(mention, { start: 17, end: 31, text: 'New York Times' });
    assert.equal(text.slice(mention?.start, mention?.end), mention?.text);
  });

  it('does not take a longer name for the outlet it contains', () => {
    assert.deepEqual(found('Officials in New York met in Times Square, near the APEC offices of A.P. Moller.'), {});
    assert.deepEqual(found('Actor Michael J. Fox spoke on Capitol Hill about the Sun Belt.'), {});
  });

  it('takes "Fox News" as one mention, not also "Fox"', () => {
    assert.deepEqual(found('Speaking to Fox News, he said so.'), { 'Fox News': ['Fox News'] });
  });

  it('counts "the Times" only after a Times outlet was named, and resolves it to that one', () => {
    assert.deepEqual(found('The Times said on Monday that it had new data.'), {});
    assert.deepEqual(found('The Los Angeles Times reported it. The Times said more.'), {
      'Los Angeles Times': ['Los Angeles Times', 'The Times'],
    });
    assert.deepEqual(found('The New York Times and later the Tampa Bay Times ran it, the Times wrote.'), {
      'New York Times': ['New York Times'],
      'Tampa Bay Times': ['Tampa Bay Times', 'the Times'],
    });
  });

  it('does not read "the Times Square" or "the Post Office" as an anaphor', () => {
    assert.deepEqual(found('The Washington Post reported. Crowds filled the Times Square area near the Post Office.'), {
      'Washington Post': ['Washington Post'],
    });
  });

  describe('ambiguous short forms count only in a credit or source context', () => {
    const credited: Array<[string, string, string]> = [
      ['via AP', 'The scene in Baghdad. Prime Minister Press Office via AP', 'Associated Press'],
      ['(AP)', 'WASHINGTON (AP) — The president spoke.', 'Associated Press'],
      ['AP Photo', 'Protesters march in Tehran. (AP Photo/Vahid Salemi)', 'Associated Press'],
      ['Credit: PA', 'Featured Image Credit: PA', 'PA Media'],
      ['Image: PA', 'Image: PA', 'PA Media'],
      ['a line of its own', 'A memorial in London.\nPA\nThe crowd grew.', 'PA Media'],
      ['AP reported', 'Officials met late, AP reported.', 'Associated Press'],
      ['according to AP', 'The vote was delayed, according to AP.', 'Associated Press'],
      ['told the AP', 'The senator told the AP that he would vote no.', 'Associated Press'],
      ['told Fox', 'Trump told Fox that he was ready.', 'Fox News'],
      ['The Hill reported', 'Taxes rose, The Hill reported.', 'The Hill'],
    ];
    for (const [label, text, outlet] of credited) {
      it(`counts "${label}"`, () => assert.deepEqual(names(text), [outlet]));
    }

    const uncredited: Array<[string, string]> = [
      ['a state abbreviation', 'She moved from Pittsburgh, PA to Ohio last year.'],
      ['an exam name', 'Students took AP exams in May.'],
      ['Capitol Hill shorthand', 'Lawmakers on the Hill were divided.'],
      ['a common word', 'The Sun rose over the hills and the Mail arrived late.'],
      ['a surname', 'Senator Fox said the bill would pass.'],
    ];
    for (const [label, text] of uncredited) {
      it(`skips ${label}`, () => assert.deepEqual(found(text), {}));
    }
  });

  it('counts an ambiguous form anywhere once its outlet was named in full', () => {
    assert.deepEqual(found('The Associated Press first reported it. Since then AP has confirmed it.'), {
      'Associated Press': ['Associated Press', 'AP'],
    });
  });

  it('does not take the bare medium for an outlet', () => {
    assert.deepEqual(found('Iraqi television showed the scene; state TV and Twitter users shared it on social media.'), {});
  });

  it("counts the outlet's own name in boilerplate", () => {
    assert.deepEqual(found('Download the NBC News app for breaking news and politics'), { 'NBC News': ['NBC News'] });
  });

  it('finds the New York Times and NBC News as often as the gold says in seed 000', () => {
    const file = '000_198c190caa6527b1.txt';
    const text = readFileSync(resolve(root, 'seeds', file), 'utf8');
    const gold = JSON.parse(readFileSync(resolve(root, 'test/fixtures/seeds.gold.json'), 'utf8')) as {
      articles: Record<string, { outlets: Array<{ text: string; count: number }> }>;
    };
    const goldCount = (name: string): number => gold.articles[file]?.outlets.find((outlet) => outlet.text === name)?.count ?? 0;
    const outlets = found(text);
    for (const name of ['New York Times', 'NBC News']) {
      assert.ok(goldCount(name) > 0, `gold lists ${name}`);
      assert.equal(outlets[name]?.length, goldCount(name), name);
    }
  });

  it('returns spans that match their text and never overlap, for any input', () => {
    const pieces = ['AP', 'via AP', 'the Times', 'New York Times', 'Fox', 'Fox News', 'REUTERS/', '(PA)', 'Times Square', ' ', '\n', 'said', 'the', 'Mail', ', '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        const mentions = findOutlets(text).flatMap((outlet) => outlet.mentions).sort((a, b) => a.start - b.start);
        mentions.forEach((mention, index) => {
          assert.equal(text.slice(mention.start, mention.end), mention.text);
          const next = mentions[index + 1];
          if (next) assert.ok(mention.end <= next.start);
        });
      }),
    );
  });
});
