import type { CorpusStatusParams } from '../../../common/protocol';

/**
 * Tells, status by status, when the corpus has settled into something a view should show
 * afresh: indexing has just ended, or a count changed while it was idle. Statuses also come
 * while the user types (an editor's changes are counted quietly), and a view refreshed at each
 * one would have the server work the whole corpus out again at every pause in typing.
 */
export class CorpusSettled {
  private last: CorpusStatusParams | undefined;

  /** Whether `status` settles a change since the status seen before it. */
  changed(status: CorpusStatusParams): boolean {
    const last = this.last;
    this.last = status;
    if (status.indexing) return false;
    if (!last || last.indexing) return true;
    return (Object.keys(status) as (keyof CorpusStatusParams)[]).some((key) => status[key] !== last[key]);
  }
}
