import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locate, textQuoteOf } from './anchoring';
import { parseBratAnn, type BratItem } from './brat';
import type { TextRange } from './types';

/** One brat document: the `.ann` file, its `.txt` and what could be read from them. */
export interface BratDocument {
  /** The article's file name (`<stem>.txt`). */
  article: string;
  annPath: string;
  text: string;
  items: BratItem[];
  problems: string[];
}

/** Every `.ann` file of a folder with its `.txt`; a missing `.txt` is a problem of that document. */
export function readBratFolder(folder: string): BratDocument[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ann'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const stem = name.slice(0, -'.ann'.length);
      const annPath = join(folder, name);
      const article = `${stem}.txt`;
      let text: string;
      try {
        text = decoder.decode(readFileSync(join(folder, article)));
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'is not readable UTF-8 text';
        return { article, annPath, text: '', items: [], problems: [`${join(folder, article)} ${reason}`] };
      }
      const { items, problems } = parseBratAnn(text, readFileSync(annPath, 'utf8'));
      return { article, annPath, text, items, problems: problems.map((problem) => `${annPath}: ${problem}`) };
    });
}

/**
 * Where a brat item falls in an article whose text may differ from the brat copy: the same
 * offsets when the texts agree, else found by its words and their context.
 */
export function placeInArticle(bratText: string, item: TextRange, articleText: string): TextRange | null {
  if (bratText === articleText) return { start: item.start, end: item.end };
  return locate(articleText, textQuoteOf(bratText, item), item);
}
