/**
 * Reports each changed editor document (status, diagnostics) once per turn of the event loop,
 * after the turn's requests are answered: typing changes the document at every keystroke, and
 * the keystroke's semantic tokens must not wait for its status bar.
 */
export class DocumentReports {
  private readonly due = new Set<string>();

  constructor(private readonly report: (uri: string) => void) {}

  schedule(uri: string): void {
    if (this.due.size === 0) setImmediate(() => this.reportDue());
    this.due.add(uri);
  }

  private reportDue(): void {
    const uris = [...this.due];
    this.due.clear();
    for (const uri of uris) this.report(uri);
  }
}
