import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { findQuotes, type QuoteSpan } from '../../server/src/engine/quotes';

const seedsDir = join(__dirname, '..', '..', '..', 'seeds');
const seed = (name: string): string => readFileSync(join(seedsDir, name), 'utf8');
const texts = (quotes: readonly QuoteSpan[]): string[] => quotes.map((quote) => quote.text);

function assertWellFormed(text: string, quotes: readonly QuoteSpan[]): void {
  for (const quote of quotes) {
    assert.ok(quote.start >= 0 && quote.start < quote.end && quote.end <= text.length, `bad span ${quote.start}-${quote.end}`);
    assert.equal(text.slice(quote.start, quote.end), quote.text);
    assert.ok(!quote.text.includes('\n'), 'a quote never crosses a paragraph break');
    if (quote.signature !== null) assert.equal(text.slice(quote.signature.start, quote.signature.end), quote.signature.text);
  }
}

describe('findQuotes', () => {
  describe('double quotes', () => {
    it('finds straight, curly and mixed pairs, without their marks', () => {
      const text = 'He said "one" and “two” then “three" and "four” today.';
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['one', 'two', 'three', 'four']);
      assert.ok(quotes.every((quote) => quote.style === 'double' && !quote.continued && quote.signature === null));
      assert.equal(quotes[0]?.start, text.indexOf('one'));
      assertWellFormed(text, quotes);
    });

    it('keeps a quote inside a quote within the outer one', () => {
      const text = '"He called it “madness” today," she said.';
      assert.deepEqual(texts(findQuotes(text)), ['He called it “madness” today,']);
    });

    it('reads doubled apostrophes as double quotes', () => {
      const text = "''This isn't tax reform,'' he said. ''It's anti-reform.''";
      assert.deepEqual(texts(findQuotes(text)), ["This isn't tax reform,", "It's anti-reform."]);
    });

    it('drops a stray opening mark when later quotes close', () => {
      const text = '“Stray, he said. “Real one,” she said.';
      assert.deepEqual(texts(findQuotes(text)), ['Real one,']);
    });
  });

  describe('single quotes and apostrophes', () => {
    it('finds single quotes in a headline, even between capitalised words', () => {
      assert.deepEqual(texts(findQuotes('Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shootings.')), [
        'A Disgrace',
      ]);
      assert.deepEqual(texts(findQuotes("Iran Promises 'Harsh Retaliation' On US After Death Of General")), [
        'Harsh Retaliation',
      ]);
    });

    it('finds single quotes in running text', () => {
      const text = "Pompeo said, maintaining that the strike was 'lawful' and 'saved lives'.";
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['lawful', 'saved lives']);
      assert.ok(quotes.every((quote) => quote.style === 'single'));
    });

    it('finds curly single quotes', () => {
      assert.deepEqual(texts(findQuotes('Callamard said that ‘outside the context of hostilities, it is illegal’.')), [
        'outside the context of hostilities, it is illegal',
      ]);
    });

    it('never reads an apostrophe as a quote mark', () => {
      const text = "Iran's leader didn't know Trump’s plan or al-Muhandis' role in the '90s rock 'n' roll scene.";
      assert.deepEqual(findQuotes(text), []);
    });

    it('lets a plural possessive stand inside a single quote', () => {
      assert.deepEqual(texts(findQuotes("He praised the 'players' union' on Monday.")), ["players' union"]);
    });

    it('ignores single marks inside a double quote', () => {
      assert.deepEqual(texts(findQuotes('"I said \'no\' to them," he said.')), ["I said 'no' to them,"]);
    });
  });

  describe('multi-paragraph quotes', () => {
    it('returns one quote per paragraph, the later ones continued', () => {
      const text = 'He said: "First part.\n\n"Second part.\n\n"Third part."\n\nNarrative "words" here.';
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['First part.', 'Second part.', 'Third part.', 'words']);
      assert.deepEqual(
        quotes.map((quote) => quote.continued),
        [false, true, true, false],
      );
    });

    it('continues through indented paragraphs with CRLF line ends', () => {
      const text = '  Faddis said: “It is possible.\r\n\r\n  “Based on what we know, they can.”\r\n';
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['It is possible.', 'Based on what we know, they can.']);
      assert.equal(quotes[1]?.continued, true);
    });

    it('never lets an unclosed quote swallow the rest of the article', () => {
      const text = 'He said "this never closes.\n\nThe next paragraph is narrative, and says "hi" once.\n\nMore text.';
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['this never closes.', 'hi']);
      assert.equal(quotes[1]?.continued, false);
    });

    it('bounds a very long unclosed quote', () => {
      const text = `He said "${'blah blah. '.repeat(2000)}`;
      const quotes = findQuotes(text);
      assert.equal(quotes.length, 1);
      assert.ok((quotes[0]?.text.length ?? 0) < 2000);
    });
  });

  describe('embedded posts', () => {
    for (const dash of ['—', '–', '-', '--']) {
      it(`reads "text ${dash} Name (@handle) date" as a post`, () => {
        const text = `Intro.\n\nWorried for our city. This one will not end soon. ${dash} Mayor Bill de Blasio (@NYCMayor) January 3, 2020\n`;
        const quotes = findQuotes(text);
        assert.equal(quotes.length, 1);
        const [post] = quotes;
        assert.equal(post?.style, 'post');
        assert.equal(post?.text, 'Worried for our city. This one will not end soon.');
        assert.equal(post?.signature?.text, 'Mayor Bill de Blasio (@NYCMayor) January 3, 2020');
        assertWellFormed(text, quotes);
      });
    }

    it('takes the paragraph before a signature-only line as the post text', () => {
      const text = 'We will be vigilant.\n— LAPD HQ (@LAPDHQ) January 3, 2020\n\nNarrative.';
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['We will be vigilant.']);
      assert.equal(quotes[0]?.signature?.text, 'LAPD HQ (@LAPDHQ) January 3, 2020');
    });

    it('does not read a dash without a handle as a signature', () => {
      assert.deepEqual(findQuotes('He attacked bases — including the embassy — Pentagon said, January 3, 2020'), []);
    });
  });

  describe('what is not a quote', () => {
    it('ignores everything inside a shortcode or tag', () => {
      const text =
        '[aesop_image img=”” panorama=”off” credit=”Mayor Bill de Blasio talks at a rabbi’s home. REUTERS/Amr” align=”center”]\n' +
        '<a href="https://example.com" title=\'x\'>link</a> and "real words".';
      assert.deepEqual(texts(findQuotes(text)), ['real words']);
    });

    it('ignores interface text', () => {
      assert.deepEqual(findQuotes("Click 'OK' then 'Allow' to enable notifications"), []);
      assert.deepEqual(findQuotes('Tap "Install" and select "Open".'), []);
    });

    it('ignores titles of works where the text says so', () => {
      assert.deepEqual(findQuotes('He wrote the book "Crippled America" last year.'), []);
      assert.deepEqual(findQuotes('A speech titled "How to Foster Long-Term Investment" was given.'), []);
      assert.deepEqual(findQuotes('Pence said on CNN\'s "State of the Union."'), []);
    });

    it('ignores nicknames between first name and surname', () => {
      const text = 'In the district he has kept for 40 years, Rep. Robert C. "Bobby" Scott spoke to voters about schools.';
      assert.deepEqual(findQuotes(text), []);
    });

    it('ignores a transcript stage direction and keeps the speakers\' quote running past it', () => {
      const text = '"HOST: Where do you stand on taxes?\n\n"(CROSSTALK.)\n\n"GUEST: Lower, for everyone."';
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['HOST: Where do you stand on taxes?', 'GUEST: Lower, for everyone.']);
      assert.equal(quotes[1]?.continued, true);
    });

    it('ignores a promotion line ("Follow Jane Doe on Twitter @janedoe")', () => {
      assert.deepEqual(findQuotes('"Follow Jane Doe on Twitter @janedoe."'), []);
      assert.deepEqual(texts(findQuotes('She said, "Follow the money on every deal."')), ['Follow the money on every deal.']);
    });

    it('ignores empty quotes', () => {
      assert.deepEqual(findQuotes('An empty "" pair and “ ” and "..." too.'), []);
    });

    it('still returns one- and two-word scare quotes', () => {
      assert.deepEqual(texts(findQuotes('It could become a "forever war" with "terrorists" in it.')), [
        'forever war',
        'terrorists',
      ]);
    });

    it('does not let inch marks and primes break pairing', () => {
      assert.deepEqual(texts(findQuotes('The 6\'2" senator bought a 12" pizza and said "no comment" to reporters.')), [
        'no comment',
      ]);
      assert.deepEqual(texts(findQuotes('He framed a 5"x7" photo and said "ok"and left.')), ['ok']);
    });
  });

  describe('any input', function () {
    // Hundreds of generated articles: leave room for a busy machine.
    this.timeout(20000);

    it('copes with lone surrogates, NUL, BOM and CRLF', () => {
      const text = '\uFEFF"Lone \uD800 surrogate"\u0000 and \uDC00 \'x\r\n"next"\r\n';
      const quotes = findQuotes(text);
      assert.deepEqual(texts(quotes), ['Lone \uD800 surrogate', 'next']);
      assertWellFormed(text, quotes);
    });

    it('returns well-formed spans for any text', () => {
      const pieces = fc.constantFrom(
        ...['"', "'", '“', '”', '‘', '’', "''", ' ', '\n', '\r\n', 'a', 'Iran', 's', '2', '—', ' - ', '(@x)'],
        ...['Jan 3, 2020', '[a b=', ']', '<p x=', '>', '\uD800', '\uDC00', '\u0000', '\uFEFF', '\t'],
      );
      const articleLike = fc.array(pieces, { maxLength: 200 }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), articleLike), (text) => {
          assertWellFormed(text, findQuotes(text));
        }),
        { numRuns: 300 },
      );
    });

    it('handles long runs of unpaired marks', () => {
      for (const text of ['"'.repeat(100000), '“ a '.repeat(30000), "'a players' ".repeat(20000), '<a '.repeat(50000)]) {
        assertWellFormed(text, findQuotes(text));
      }
    });
  });

  describe('seed articles', () => {
    it('finds Trump’s tweet as a quote and as a post', () => {
      const quotes = findQuotes(seed('000_198c190caa6527b1.txt')).filter(
        (quote) => quote.text === 'Iran never won a war, but never lost a negotiation!',
      );
      assert.deepEqual(
        quotes.map((quote) => quote.style),
        ['double', 'post'],
      );
      assert.match(quotes[1]?.signature?.text ?? '', /^Donald J\. Trump \(@realDonaldTrump\) January 3, 2020$/u);
      assert.ok(
        findQuotes(seed('004_a9b471eec6247fbb.txt')).some(
          (quote) => quote.text === 'Iran never won a war, but never lost a negotiation!',
        ),
      );
    });

    it('finds nothing inside the image shortcode', () => {
      const text = seed('002_131402eebdac2dd7.txt');
      const shortcodeStart = text.indexOf('[aesop_image');
      const shortcodeEnd = text.indexOf(']', shortcodeStart);
      const quotes = findQuotes(text);
      assert.ok(shortcodeStart >= 0 && quotes.length > 0);
      assert.ok(quotes.every((quote) => quote.end <= shortcodeStart || quote.start > shortcodeEnd));
    });

    it('tells headline single quotes from the interface line', () => {
      const quotes = texts(findQuotes(seed('001_737dabe0ebce7f11.txt')));
      assert.ok(!quotes.includes('OK') && !quotes.includes('Allow'));
      assert.equal(quotes.filter((quote) => quote === 'Harsh Retaliation').length, 2);
    });
  });
});
