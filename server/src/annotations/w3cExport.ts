import { CodePoints } from './codePoints';
import { textQuoteOf } from './anchoring';
import type { ExportItem } from './exportItems';
import { annotationPage, type W3cAnnotation, type W3cAnnotationPage, type W3cBody } from './w3c';

/** An article's items as a W3C Web Annotation (JSON-LD) AnnotationPage; the engine's items name it as creator. */
export function toW3cExport(article: string, text: string, items: readonly ExportItem[]): W3cAnnotationPage {
  const codePoints = new CodePoints(text);
  const annotations = items.map((item, index): W3cAnnotation => {
    const body: W3cBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: item.kind }];
    if (item.name !== null) body.push({ type: 'TextualBody', purpose: 'identifying', value: item.name });
    return {
      id: `${encodeURIComponent(article)}#${item.kind}-${index + 1}`,
      type: 'Annotation',
      motivation: 'tagging',
      ...(item.origin === 'engine' ? { creator: { type: 'Software' as const, name: 'Article Lens' } } : {}),
      body,
      target: {
        source: article,
        selector: [
          { type: 'TextQuoteSelector', ...textQuoteOf(text, item) },
          { type: 'TextPositionSelector', start: codePoints.fromUtf16(item.start), end: codePoints.fromUtf16(item.end) },
        ],
      },
    };
  });
  return annotationPage(`${encodeURIComponent(article)}.jsonld`, annotations);
}
