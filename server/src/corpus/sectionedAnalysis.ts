import { joinSections } from '../engine/joinSections';
import { articleSections } from '../engine/sections';
import { joinPrepared } from './matching/joinPrepared';
import { prepareArticle } from './matching/preparedArticle';
import type { AnalysedText } from './workers/analysisMessages';

/** Analyses one text (a section) as `analysedText(text, analyze(text))` would, wherever it runs. */
export type SectionAnalyser = (text: string, urgent: boolean) => Promise<AnalysedText>;

/**
 * Analyses long texts section by section (the engine's `articleSections`), remembering each
 * section's result by its text: typing in a 100 KB article re-analyses the one section the
 * edit is in, and only that section's result crosses from the worker. The joined result
 * equals the engine's analysis of the whole text and `prepareArticle` over it.
 */
export class SectionedAnalysis {
  /** Section text -> the section as remembered, keyed and kept by its own copy of the text (see `ownCopy`). */
  private readonly remembered = new Map<string, RememberedSection>();
  private rememberedLength = 0;

  /** At most `capacityLength` characters of section texts are remembered, the least recently used dropped first. */
  constructor(
    private readonly analyseSection: SectionAnalyser,
    private readonly capacityLength = 400_000,
  ) {}

  /** `urgent` texts (an editor's) go before every queued file of a scan. */
  async analyse(text: string, urgent = false): Promise<AnalysedText> {
    const sections = articleSections(text);
    if (sections.length === 1) return this.analyseSection(text, urgent);
    const parts = await Promise.all(
      sections.map(async ({ start, end }) => {
        const slice = text.slice(start, end);
        const recalled = this.recall(slice);
        if (recalled) return { offset: start, analysed: recalled.analysed, sectionText: recalled.text };
        // Remembered sections outlive the version they were cut from: a slice, and every span text
        // cut from it, would keep that whole version's text alive, one per keystroke.
        const own = ownCopy(slice);
        return { offset: start, analysed: await this.analyseSection(own, urgent), sectionText: own };
      }),
    );
    for (const { sectionText, analysed } of parts) this.remember(sectionText, analysed);
    const analysis = joinSections(parts.map(({ offset, analysed }) => ({ offset, analysis: analysed.analysis })));
    const matching = joinPrepared(parts.map(({ offset, analysed }) => ({ offset, prepared: analysed.matching }))) ?? prepareArticle(text, analysis.quotes);
    return { analysis, matching };
  }

  private recall(slice: string): RememberedSection | undefined {
    const section = this.remembered.get(slice);
    if (section) {
      // Re-inserted by `remember`: the Map's order is the recency order.
      this.remembered.delete(slice);
      this.rememberedLength -= slice.length;
    }
    return section;
  }

  /** `text` must be a string of its own, never a slice of the document: the Map keeps it. */
  private remember(text: string, analysed: AnalysedText): void {
    if (this.remembered.has(text)) return;
    this.remembered.set(text, { text, analysed });
    this.rememberedLength += text.length;
    for (const oldest of this.remembered.keys()) {
      if (this.rememberedLength <= this.capacityLength) break;
      this.remembered.delete(oldest);
      this.rememberedLength -= oldest.length;
    }
  }
}

interface RememberedSection {
  readonly text: string;
  readonly analysed: AnalysedText;
}

/** The same text in a string of its own: V8 keeps a slice's whole parent string alive. */
function ownCopy(slice: string): string {
  return JSON.parse(JSON.stringify(slice)) as string;
}
