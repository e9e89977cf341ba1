import type { Analysis } from '../engine';

// Where articles say who published them: a wire dateline "CITY (Reuters) —", an app
// promotion "Download the NBC News app", or a copyright line.
const PUBLISHER_CONTEXTS = [
  /^[^\n()]{0,60}\(([^()\n]{2,40})\)\s*[-–—]/m,
  /\bDownload the ([^\n]{2,40}?) app\b/,
  /(?:©|Copyright)\s*(?:\d{4}\s*)?([^\n.,]{2,40})/,
];

// Hovers and lenses label every linked article; each analysis is searched once.
const known = new WeakMap<Analysis, string | null>();

/** The outlet that published an article, when the article itself says so. */
export function articleOutlet(text: string, analysis: Analysis): string | null {
  let outlet = known.get(analysis);
  if (outlet === undefined) {
    outlet = findPublisher(text, analysis);
    known.set(analysis, outlet);
  }
  return outlet;
}

function findPublisher(text: string, analysis: Analysis): string | null {
  for (const context of PUBLISHER_CONTEXTS) {
    const match = context.exec(text);
    if (!match?.[1]) continue;
    const start = match.index + match[0].indexOf(match[1]);
    const end = start + match[1].length;
    const outlet = analysis.outlets.find((candidate) => candidate.mentions.some((mention) => mention.start >= start && mention.end <= end));
    if (outlet) return outlet.name;
  }
  return null;
}
