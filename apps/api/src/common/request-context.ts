import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and audit event needs to know about the request being served. */
export interface RequestContext {
  requestId: string;
  ip?: string;
  /** The signed-in user, once authentication has run: the audit log keeps this name and email as they are now. */
  actor?: { id: number; email: string; name: string };
  /** What the changes made now come through, when not a plain edit (e.g. `intake 12`); kept in their audit events. */
  origin?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs fn with `origin` added to the current context: every audit event it writes carries it. */
export function withOrigin<T>(origin: string, fn: () => T): T {
  const current = storage.getStore();
  return storage.run({ requestId: 'system', ...current, origin }, fn);
}
