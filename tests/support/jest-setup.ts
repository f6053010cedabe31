// Real PostgreSQL, Argon2 and HTTP on a shared 2-core machine: give hooks and tests room (they still fail on
// wrong results, and speed is measured by tests/bench, never asserted here).
jest.setTimeout(60_000);
