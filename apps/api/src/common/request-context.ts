import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and audit event needs to know about the request being served. */
export interface RequestContext {
  requestId: string;
  ip?: string;
  /** The signed-in user, once authentication has run. */
  actor?: { id: number; email: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
