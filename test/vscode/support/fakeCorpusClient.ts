import type { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';
import type { CorpusClient } from '../../../client/src/views/corpusClient';

type Handler = (params: unknown) => void;

/** Stands in for the language client: answers requests from canned data and delivers notifications on demand. */
export class FakeCorpusClient implements CorpusClient {
  /** The method of every request sent, in order. */
  readonly requests: string[] = [];
  private readonly answers = new Map<string, () => unknown>();
  private readonly handlers = new Map<string, Set<Handler>>();

  answer<R>(type: RequestType0<R, void>, answer: () => R): void {
    this.answers.set(type.method, answer);
  }

  fail(type: RequestType0<unknown, void>, message: string): void {
    this.answers.set(type.method, () => {
      throw new Error(message);
    });
  }

  sendRequest<R>(type: RequestType0<R, void>): Promise<R> {
    this.requests.push(type.method);
    const answer = this.answers.get(type.method);
    if (!answer) return Promise.reject(new Error(`the fake client has no answer for ${type.method}`));
    try {
      return Promise.resolve(structuredClone(answer()) as R);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): { dispose(): void } {
    const handlers = this.handlers.get(type.method) ?? new Set<Handler>();
    this.handlers.set(type.method, handlers);
    const untyped = handler as Handler;
    handlers.add(untyped);
    return { dispose: () => handlers.delete(untyped) };
  }

  notify<P>(type: NotificationType<P>, params: P): void {
    for (const handler of this.handlers.get(type.method) ?? []) handler(params);
  }

  count(type: RequestType0<unknown, void>): number {
    return this.requests.filter((method) => method === type.method).length;
  }
}
