import type { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { CorpusClient } from '../../../client/src/views/corpusClient';

type Handler = (params: unknown) => void;
type AnyRequestType<P, R> = RequestType0<R, void> | RequestType<P, R, void>;

/** Stands in for the language client: answers requests from canned data and delivers notifications on demand. */
export class FakeCorpusClient implements CorpusClient {
  /** Every request sent, in order, with its parameters. */
  readonly requests: { method: string; params: unknown }[] = [];
  private readonly answers = new Map<string, (params: unknown) => unknown>();
  private readonly handlers = new Map<string, Set<Handler>>();

  answer<R>(type: RequestType0<R, void>, answer: () => R): void;
  answer<P, R>(type: RequestType<P, R, void>, answer: (params: P) => R): void;
  answer<P, R>(type: AnyRequestType<P, R>, answer: (params: P) => R): void {
    this.answers.set(type.method, answer as (params: unknown) => unknown);
  }

  fail(type: AnyRequestType<unknown, unknown>, message: string): void {
    this.answers.set(type.method, () => {
      throw new Error(message);
    });
  }

  sendRequest<R>(type: RequestType0<R, void>): Promise<R>;
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  sendRequest<P, R>(type: AnyRequestType<P, R>, params?: P): Promise<R> {
    this.requests.push({ method: type.method, params });
    const answer = this.answers.get(type.method);
    if (!answer) return Promise.reject(new Error(`the fake client has no answer for ${type.method}`));
    try {
      return Promise.resolve(structuredClone(answer(structuredClone(params))) as R);
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

  count(type: AnyRequestType<unknown, unknown>): number {
    return this.requests.filter(({ method }) => method === type.method).length;
  }
}
