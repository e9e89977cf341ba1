import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CorpusSpeakers } from '../../server/src/corpus/matching/corpusSpeakers';
import { analyze } from '../../server/src/engine';
import type { EntityKind, Speaker } from '../../server/src/engine/types';

function speaker(name: string, aliases: string[] = [], kind: EntityKind = 'person'): Speaker {
  return { name, kind, aliases, mentions: [{ start: 0, end: name.length, text: name }] };
}

function corpus(articles: Record<string, Speaker[]>): CorpusSpeakers {
  const speakers = new CorpusSpeakers();
  for (const [id, list] of Object.entries(articles)) speakers.setArticle(id, { speakers: list });
  return speakers;
}

describe('corpus speakers', () => {
  it('makes one person of a full name, a bare family name and a titled name in different articles', () => {
    const speakers = corpus({
      a: [speaker('Bill de Blasio', ['de Blasio', 'New York City Mayor Bill de Blasio'])],
      b: [speaker('de Blasio', ['New York Mayor'])],
      c: [speaker('Mayor Bill de Blasio', ['@NYCMayor'])],
    });
    const entity = speakers.entityOf('b', 'de Blasio');
    assert.equal(entity?.name, 'Bill de Blasio');
    assert.equal(speakers.entityOf('a', 'Bill de Blasio'), entity);
    assert.equal(speakers.entityOf('c', 'Mayor Bill de Blasio'), entity);
    assert.ok(entity?.aliases.includes('New York Mayor'));
    assert.deepEqual(entity?.articles.map((mention) => mention.articleId), ['a', 'b', 'c']);
  });

  it('gives the same entities whether an article’s speakers are recorded when it is set or when they are grouped', () => {
    const seedsDir = join(resolve(__dirname, '../../..'), 'seeds');
    const articles = readdirSync(seedsDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ id: name, speakers: analyze(readFileSync(join(seedsDir, name), 'utf8')).speakers }));
    // Speakers out of name order, and one name in two articles.
    articles.push({ id: 'extra', speakers: [speaker('Zach Zyl'), speaker('Donald Trump', ['Trump']), speaker('Abe Aal')] });
    const [later, now] = [false, true].map((recordNow) => {
      const speakers = new CorpusSpeakers();
      for (const { id, speakers: list } of articles) speakers.setArticle(id, { speakers: list }, recordNow);
      return speakers.entities();
    });
    assert.ok((later?.length ?? 0) > 20);
    assert.deepStrictEqual(now, later);
  });

  it('puts a given name in the first group spelled like it, also once an earlier group has taken a name like it', () => {
    // "Dave" (b) is not spelled like "Dan" and starts a group; "Dav" (c) joins Dan's, the first
    // spelled like it; from then on "Dave" (d) is spelled like a name of Dan's group, which comes first.
    const speakers = corpus({ a: [speaker('Dan Smith')], b: [speaker('Dave Smith')], c: [speaker('Dav Smith')], d: [speaker('Dave Smith')] });
    const dan = speakers.entityOf('a', 'Dan Smith');
    assert.equal(speakers.entityOf('c', 'Dav Smith'), dan);
    assert.equal(speakers.entityOf('d', 'Dave Smith'), dan);
    assert.notEqual(speakers.entityOf('b', 'Dave Smith'), dan);
  });

  it('makes one person of spelling variants of a name', () => {
    const speakers = corpus({
      a: [speaker('Qasem Soleimani')],
      b: [speaker('Qassem Suleimani')],
      c: [speaker('Qassim Soleiman')],
    });
    assert.equal(speakers.entities().length, 1);
    assert.equal(speakers.entityOf('c', 'Qassim Soleiman'), speakers.entityOf('a', 'Qasem Soleimani'));
  });

  it('keeps apart people who share a family name but not a given name', () => {
    const speakers = corpus({ a: [speaker('Donald Trump', ['Trump'])], b: [speaker('Ivanka Trump')], c: [speaker('Trump')] });
    assert.notEqual(speakers.entityOf('a', 'Donald Trump'), speakers.entityOf('b', 'Ivanka Trump'));
    // The bare family name could be either of them, so it joins neither.
    assert.equal(speakers.entities().length, 3);
  });

  it('gives a bare family name to the person clearly most written about', () => {
    const speakers = corpus({
      a: [speaker('Donald J. Trump')],
      b: [speaker('President Donald Trump')],
      c: [speaker('Ivanka Trump')],
      d: [speaker('Trump')],
    });
    assert.equal(speakers.entityOf('d', 'Trump')?.name, 'Donald J. Trump');
    assert.equal(speakers.entityOf('b', 'President Donald Trump')?.name, 'Donald J. Trump');
  });

  it('does not merge roles across articles, nor people with organisations', () => {
    const speakers = corpus({
      a: [speaker('the mayor'), speaker('Pentagon', ['Defense Department', 'the department'], 'organization')],
      b: [speaker('the mayor'), speaker('State Department', ['the department'], 'organization')],
      c: [speaker('Department of Defense', ['Defense Department'], 'organization')],
    });
    assert.notEqual(speakers.entityOf('a', 'the mayor'), speakers.entityOf('b', 'the mayor'));
    assert.notEqual(speakers.entityOf('a', 'Pentagon'), speakers.entityOf('b', 'State Department'));
    assert.equal(speakers.entityOf('a', 'Pentagon'), speakers.entityOf('c', 'Department of Defense'));
  });

  it('merges an organisation written out and by its initials', () => {
    const speakers = corpus({
      a: [speaker('Los Angeles Police Department', [], 'organization')],
      b: [speaker('LAPD', ['@LAPDHQ'], 'organization')],
    });
    assert.equal(speakers.entityOf('b', 'LAPD')?.name, 'Los Angeles Police Department');
  });

  it('follows articles being replaced and removed, independently of their order', () => {
    const speakers = corpus({ a: [speaker('Mike Pompeo')], b: [speaker('Pompeo')] });
    assert.equal(speakers.entityOf('b', 'Pompeo')?.name, 'Mike Pompeo');
    speakers.removeArticle('a');
    assert.equal(speakers.entityOf('a', 'Mike Pompeo'), null);
    assert.equal(speakers.entityOf('b', 'Pompeo')?.name, 'Pompeo');
    speakers.setArticle('b', { speakers: [speaker('Javad Zarif')] });
    assert.deepEqual(speakers.entities().map((entity) => entity.name), ['Javad Zarif']);
    const forward = corpus({ x: [speaker('Ali Khamenei')], y: [speaker('Ayatollah Ali Khamenei', ['Khamenei'])] }).entities();
    const backward = corpus({ y: [speaker('Ayatollah Ali Khamenei', ['Khamenei'])], x: [speaker('Ali Khamenei')] }).entities();
    assert.deepEqual(backward, forward);
    assert.equal(forward.length, 1);
  });

  it('counted with pauses, gives the count of the entities and then the same entities, and no count when an article changes meanwhile', async () => {
    const articles: Record<string, Speaker[]> = {};
    const given = ['Mike', 'Ivanka', 'Donald', 'Ali', 'Javad'];
    const family = ['Pompeo', 'Trump', 'Khamenei', 'Zarif', 'Soleimani', 'Suleimani'];
    for (let n = 0; n < 300; n++) {
      articles[`article-${n}`] = [
        speaker(`${given[n % given.length]} ${family[n % family.length]}`),
        speaker(family[(n * 7) % family.length] as string),
        speaker(n % 3 === 0 ? 'the Pentagon' : 'Pentagon', [], 'organization'),
      ];
    }
    let pauses = 0;
    const counted = corpus(articles);
    const count = await counted.countWithPauses(async () => void pauses++);
    const plain = corpus(articles).entities();
    assert.equal(count, plain.length);
    assert.ok(pauses > 100, `the work was cut into pieces (${pauses})`);
    assert.deepEqual(counted.entities(), plain, 'the groups kept from the count describe the same entities');

    const changing = corpus(articles);
    let changes = 0;
    const stale = await changing.countWithPauses(async () => {
      if (changes++ === 50) changing.setArticle('article-0', { speakers: [speaker('Qasem Soleimani')] });
    });
    assert.equal(stale, null, 'an article changed while the entities were counted');
    const changed = corpus({ ...articles, 'article-0': [speaker('Qasem Soleimani')] }).entities();
    assert.deepEqual(changing.entities(), changed);
    assert.equal(await changing.countWithPauses(async () => undefined), changed.length);

    const regrouped = corpus(articles);
    assert.equal(await regrouped.countWithPauses(async () => undefined), plain.length);
    regrouped.setArticle('article-0', { speakers: [speaker('Qasem Soleimani')] });
    assert.deepEqual(regrouped.entities(), changed, 'groups counted before a change are not reused after it');
  });

  it('counts a large corpus in short steps, to the entities that grouping it at once gives', async () => {
    // Families, organisations and handles carried by hundreds of articles: groups far larger than one step.
    const forms: Speaker[][] = [
      [speaker('Donald Trump'), speaker('Reuters', [], 'organization')],
      [speaker('Trump', ['@realDonaldTrump']), speaker('the Associated Press', ['AP'], 'organization')],
      [speaker('Ivanka Trump'), speaker('Associated Press', [], 'organization'), speaker('Mr. Soleimani')],
      [speaker('President Donald Trump', ['@realDonaldTrump']), speaker('Qassem Suleimani')],
    ];
    const articles = Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`article-${String(index).padStart(3, '0')}`, forms[index % forms.length] as Speaker[]]));
    const counted = corpus(articles);
    let pauses = 0;
    const count = await counted.countWithPauses(async () => {
      pauses += 1;
    });
    const atOnce = corpus(articles).entities();
    assert.equal(count, atOnce.length);
    assert.deepEqual(counted.entities(), atOnce);
    assert.deepEqual(atOnce.map((entity) => entity.name).sort(), ['Donald Trump', 'Ivanka Trump', 'Qassem Suleimani', 'Reuters', 'the Associated Press']);
    assert.ok(pauses > 100, `${pauses} pauses for 1,000 speakers`);
  });
});
