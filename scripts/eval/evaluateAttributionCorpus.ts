import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readArticle } from '../../server/src/cli/readArticle';
import type { Analysis, Quote } from '../../server/src/engine/types';
import { matchOneToOne } from './match';
import { accuracyScore, prfScore, type AccuracyScore, type EvalError, type PrfScore } from './metrics';
import { polnearGold, type PolnearQuote } from './attributionCorpusGold';
import { polnearSpeakerCorrect } from './attributionCorpusSpeaker';
import { quoteMatchScore } from './scoreQuotes';
import { fragmentsOverlapLength, type Range } from './spans';

export interface PolnearReport {
  corpus: 'polnear';
  articles: number;
  quotes: PrfScore;
  speakers: AccuracyScore;
  cues: PrfScore;
  warnings: string[];
}

/** The .ann for an article; with several annotators' files (name suffixes) the first in sorted order. */
export function annotationFileFor(article: string, annFiles: readonly string[]): string | undefined {
  const stem = basename(article, '.txt');
  return [...annFiles].sort().find((file) => file.endsWith('.ann') && (file === `${stem}.ann` || file.startsWith(`${stem}_`)));
}

/** Scores the engine on PolNeAR's brat files: direct quotes, their speakers, and reporting cues. */
export function evaluatePolnear(dir: string, analyze: (text: string) => Analysis): PolnearReport {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  const annFiles = readdirSync(annDir);
  const warnings: string[] = [];
  const quoteErrors: EvalError[] = [];
  const speakerErrors: EvalError[] = [];
  const cueErrors: EvalError[] = [];
  const quoteCounts = { tp: 0, fp: 0, fn: 0 };
  const cueCounts = { tp: 0, fp: 0, fn: 0 };
  let speakerTotal = 0;
  let speakerCorrect = 0;
  let articles = 0;
  for (const file of readdirSync(textDir).filter((name) => name.endsWith('.txt')).sort()) {
    const annFile = annotationFileFor(file, annFiles);
    if (!annFile) {
      warnings.push(`${file}: no .ann file`);
      continue;
    }
    const read = readArticle(join(textDir, file));
    if (!read.ok) throw new Error(`${join(textDir, file)}: ${read.message}`);
    const text = read.text;
    const gold = polnearGold(text, readFileSync(join(annDir, annFile), 'utf8'), file);
    warnings.push(...gold.warnings);
    const analysis = analyze(text);
    articles += 1;

    const quotes = matchOneToOne<PolnearQuote, Quote>(gold.quotes, analysis.quotes, quoteMatchScore);
    quoteCounts.tp += quotes.pairs.length;
    quoteCounts.fn += quotes.missed.length;
    quoteCounts.fp += quotes.spurious.length;
    quoteErrors.push(
      ...quotes.missed.map((q): EvalError => ({ file, kind: 'missed', text: q.text, detail: `source ${q.source?.text ?? 'none'}` })),
      ...quotes.spurious.map((q): EvalError => ({ file, kind: 'spurious', text: q.text, detail: `at ${q.start}` })),
    );
    for (const { gold: goldQuote, predicted } of quotes.pairs) {
      if (!goldQuote.source) continue;
      speakerTotal += 1;
      if (polnearSpeakerCorrect(goldQuote.source, predicted, analysis)) speakerCorrect += 1;
      else {
        const said = predicted.speaker ?? predicted.source?.text ?? 'nobody';
        speakerErrors.push({ file, kind: 'wrong', text: goldQuote.text, detail: `predicted ${said}, gold ${goldQuote.source.text}` });
      }
    }

    const predictedCues: Array<Range & { text: string }> = analysis.attributions.map((attribution) => attribution.cue);
    const cues = matchOneToOne(gold.cues, predictedCues, (g, p) => fragmentsOverlapLength(g.fragments, [p]) || null);
    cueCounts.tp += cues.pairs.length;
    cueCounts.fn += cues.missed.length;
    cueCounts.fp += cues.spurious.length;
    cueErrors.push(
      ...cues.missed.map((c): EvalError => ({ file, kind: 'missed', text: c.text, detail: `at ${c.fragments[0]?.start ?? '?'}` })),
      ...cues.spurious.map((c): EvalError => ({ file, kind: 'spurious', text: c.text, detail: `at ${c.start}` })),
    );
  }
  return {
    corpus: 'polnear',
    articles,
    quotes: prfScore(quoteCounts, quoteErrors),
    speakers: accuracyScore(speakerCorrect, speakerTotal, speakerErrors),
    cues: prfScore(cueCounts, cueErrors),
    warnings,
  };
}
