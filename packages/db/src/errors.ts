/**
 * A problem the operator must fix before Rabta can start (a foreign data dir, a changed migration, an unreachable
 * database). The message names the problem and the fix; the process exits non-zero without touching data.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
