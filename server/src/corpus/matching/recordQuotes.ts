import type { QuoteInput } from './types';

/**
 * An article's quotes as the quote matcher keeps them: read when first needed (an article that
 * claims its restored record at a warm start may never be asked about; see LaterQuotes), and
 * looked up by id through a map made when first asked for.
 */
export class RecordQuotes {
  private byId: ReadonlyMap<string, number> | null = null;

  private constructor(
    readonly count: number,
    private list: readonly QuoteInput[] | null,
    private readonly read: (() => readonly QuoteInput[]) | null,
  ) {}

  static of(quotes: readonly QuoteInput[]): RecordQuotes {
    return new RecordQuotes(quotes.length, quotes, null);
  }

  /** `count` quotes, read by `read` when first needed. */
  static later(count: number, read: () => readonly QuoteInput[]): RecordQuotes {
    return new RecordQuotes(count, null, read);
  }

  /**
   * `quotes`, looked up through `previous`'s map when they have the same ids: a keystroke in a
   * long article sets its hundreds of quotes again, their ids unchanged.
   */
  static following(quotes: readonly QuoteInput[], previous: RecordQuotes | undefined): RecordQuotes {
    const next = RecordQuotes.of(quotes);
    if (previous?.byId && previous.count === quotes.length && quotes.every((quote, index) => previous.at(index).id === quote.id)) next.byId = previous.byId;
    return next;
  }

  get all(): readonly QuoteInput[] {
    this.list ??= (this.read as () => readonly QuoteInput[])();
    return this.list;
  }

  at(index: number): QuoteInput {
    return this.all[index] as QuoteInput;
  }

  indexOf(quoteId: string): number | undefined {
    this.byId ??= new Map(this.all.map((quote, index) => [quote.id, index]));
    return this.byId.get(quoteId);
  }
}
