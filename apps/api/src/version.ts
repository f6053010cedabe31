import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in the root package.json (the same relative place from src/ and dist/). */
export const APP_VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
})();
