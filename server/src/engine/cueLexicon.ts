import lexiconData from './data/cues.json';
import { inflect, pastForms, type CueSpellingExceptions } from './cueInflections';

interface CueLexiconData {
  verbs: string[];
  irregularPast: Record<string, string[]>;
  doubleFinalConsonant: string[];
  nounLikeForms: string[];
  phrasalVerbs: string[];
  words: Record<string, string[]>;
  verbPhrases: Array<{ verbs: string[]; complements: string[] }>;
  standalonePhrases: Array<{ lemma?: string; template: string }>;
  passiveVerbs: string[];
  passive: string[];
  according: string[];
}

export interface CueLexicon {
  /**
   * Global, case-insensitive regex; exactly one of the groups `passive`, `phrase`, `according`, `verb`
   * takes part in each match, which tells the cue's form.
   */
  pattern: RegExp;
  /** Lower-cased word or phrasal verb -> lemma. */
  lemmaOfForm: ReadonlyMap<string, string>;
  /** Phrases that are cues without a verb, each as a whole-string regex, with the lemma to report (if fixed). */
  standalone: ReadonlyArray<{ lemma: string | null; whole: RegExp }>;
  /**
   * The lowercased leading letters of every word a match can open with ("follow" for "follow-up"),
   * so that only words of the text in this set need the pattern tried on them; null when some
   * alternative opens with something other than an ASCII letter.
   */
  leads: ReadonlySet<string> | null;
}

const GAP = '[ \\u00a0]+';
// Letters (Latin ranges), digits, underscore and hyphen: a cue never continues a word ("so-called").
// Written without \p{…} on purpose: a case-insensitive regex without the u flag runs several times faster.
const WORD_CHAR = '[A-Za-z0-9_\\u00c0-\\u024f-]';
const SLOT = /^\{(\w+)\}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An alternation that tries longer strings first, with spaces matching any run of spaces. */
function alternation(strings: Iterable<string>): string {
  const unique = [...new Set(strings)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${unique.map((text) => escapeRegExp(text).replace(/ +/g, GAP)).join('|')})`;
}

/** The lowercased ASCII letters `text` opens with, or null when it opens with anything else. */
function leadKey(text: string): string | null {
  const letters = /^[A-Za-z]+/.exec(text);
  return letters ? letters[0].toLowerCase() : null;
}

/** The strings a template's match can open with: its first token, or any word of its first slot ({mod} being optional, also what follows it). */
function templateLeads(template: string, slotWords: ReadonlyMap<string, readonly string[]>): string[] {
  const leads: string[] = [];
  for (const token of template.split(/\s+/)) {
    const slot = SLOT.exec(token)?.[1];
    if (slot === undefined) return [...leads, token];
    leads.push(...(slotWords.get(slot) ?? []));
    if (slot !== 'mod') return leads;
  }
  return leads;
}

/** Turns "in {det} {mod} {medium}" into a regex; {mod} is optional, the other slots are word classes. */
function templatePattern(template: string, slots: ReadonlyMap<string, string>): string {
  let pattern = '';
  for (const token of template.split(/\s+/)) {
    const slot = SLOT.exec(token)?.[1];
    const piece = slot === undefined ? escapeRegExp(token) : slots.get(slot);
    if (piece === undefined) throw new Error(`cues.json: unknown slot {${slot ?? ''}} in "${template}"`);
    if (slot === 'mod') pattern += `(?:${piece}${GAP})?`;
    else pattern += `${piece}${GAP}`;
  }
  return pattern.slice(0, -GAP.length);
}

/** Builds the cue matcher from the lexicon; exported for tests that check the data itself. */
export function compileCueLexicon(data: CueLexiconData): CueLexicon {
  const exceptions: CueSpellingExceptions = {
    irregularPast: data.irregularPast,
    doubleFinalConsonant: new Set(data.doubleFinalConsonant),
  };
  const lemmaOfForm = new Map<string, string>();
  const formsOf = (lemma: string): string[] => {
    const forms = inflect(lemma, exceptions);
    for (const form of forms) if (!lemmaOfForm.has(form)) lemmaOfForm.set(form, lemma);
    return forms;
  };
  const nounLike = new Set(data.nounLikeForms);
  const verbForms = data.verbs.flatMap(formsOf).filter((form) => !nounLike.has(form));
  const phrasalForms = data.phrasalVerbs.flatMap((phrasal) => {
    const [verb = '', ...particle] = phrasal.split(' ');
    return inflect(verb, exceptions).map((form) => {
      const text = [form, ...particle].join(' ');
      lemmaOfForm.set(text, phrasal);
      return text;
    });
  });

  const slots = new Map<string, string>();
  for (const [name, words] of Object.entries(data.words)) slots.set(name, alternation(words));
  const participles = data.passiveVerbs.flatMap((lemma) => {
    formsOf(lemma);
    return pastForms(lemma, exceptions);
  });
  slots.set('participle', alternation(participles));
  const slotWords = new Map<string, readonly string[]>([...Object.entries(data.words), ['participle', participles]]);

  const verbPhrases = data.verbPhrases.map(({ verbs, complements }) =>
    wordsAlternative(verbs.flatMap(formsOf), `${GAP}(?:${complements.map((c) => templatePattern(c, slots)).join('|')})`),
  );
  const standalonePatterns = data.standalonePhrases.map(({ lemma, template }) => ({
    lemma: lemma ?? null,
    template,
    source: templatePattern(template, slots),
  }));
  const standalone = standalonePatterns.map(({ lemma, source }) => ({ lemma, whole: new RegExp(`^${source}$`, 'i') }));
  const groups: ReadonlyArray<readonly [string, readonly Alternative[]]> = [
    ['passive', data.passive.map((template) => templateAlternative(template, templatePattern(template, slots), slotWords))],
    ['phrase', [...verbPhrases, ...standalonePatterns.map(({ template, source }) => templateAlternative(template, source, slotWords))]],
    ['according', [wordsAlternative(data.according)]],
    ['verb', [wordsAlternative([...phrasalForms, ...verbForms])]],
  ];
  const leadKeys = groups.flatMap(([, alternatives]) => alternatives.flatMap((alternative) => [...alternative.leads]));
  const leads = leadKeys.includes(null) ? null : new Set(leadKeys.filter((lead): lead is string => lead !== null));
  return { pattern: new RegExp(groupsSource(groups), 'gi'), lemmaOfForm, standalone, leads };
}

/** One alternative of a pattern group, with the lead keys (see `leadKey`) of the words its matches open with. */
interface Alternative {
  leads: ReadonlySet<string | null>;
  source: string;
}

function templateAlternative(template: string, source: string, slotWords: ReadonlyMap<string, readonly string[]>): Alternative {
  return { leads: new Set(templateLeads(template, slotWords).map(leadKey)), source };
}

/** An alternation of `words` (see `alternation`), then `rest`. */
function wordsAlternative(words: readonly string[], rest = ''): Alternative {
  return { leads: new Set(words.map(leadKey)), source: `${alternation(words)}${rest}` };
}

/** The cue pattern's source: its named groups in order, each an alternation of its alternatives. */
function groupsSource(groups: ReadonlyArray<readonly [string, readonly Alternative[]]>): string {
  const parts = groups.map(([name, alternatives]) => `(?<${name}>${alternatives.map((alternative) => alternative.source).join('|')})`);
  return `(?<!${WORD_CHAR})(?:${parts.join('|')})(?!${WORD_CHAR})`;
}

const data: CueLexiconData = lexiconData;

/** The lexicon in data/cues.json, compiled once at module load. */
export const cueLexicon: CueLexicon = compileCueLexicon(data);

/** The verb lemmas of the lexicon (for tests and tools). */
export const cueVerbLemmas: readonly string[] = data.verbs;
