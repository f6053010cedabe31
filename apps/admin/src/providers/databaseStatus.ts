import { useSyncExternalStore } from 'react';

// Whether the API said the database is unreachable (503 DATABASE_UNAVAILABLE). Set by the HTTP layer on any such
// answer; while set, /api/health is polled, and when it answers 200 again the flag clears and listeners (the
// banner, which then refreshes the page's data) hear of it. The API retries the database by itself.

const POLL_MS = 2_000;
let down = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

async function poll(): Promise<void> {
  timer = undefined;
  try {
    const res = await fetch('/api/health', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (res.ok) {
      down = false;
      emit();
      return;
    }
  } catch {
    // the server itself is unreachable: keep polling
  }
  timer = setTimeout(() => void poll(), POLL_MS);
}

export function reportDatabaseDown(): void {
  if (!down) {
    down = true;
    emit();
  }
  timer ??= setTimeout(() => void poll(), POLL_MS);
}

export function isDatabaseDown(): boolean {
  return down;
}

export function useDatabaseDown(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, isDatabaseDown);
}
