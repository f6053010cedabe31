import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@rabta/domain';
import { AppException } from '../errors/app-exception';
import { COMMON_PASSWORD_WORDS, COMMON_PASSWORDS } from './common-passwords';

// Argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): about 10-50 ms here. `Algorithm` is a const enum,
// which isolated modules cannot import as a value; 2 is Argon2id.
const ARGON2: Options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** False for a wrong password and for a stored hash that cannot be read (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so that an unknown email costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

const COMMON = new Set(COMMON_PASSWORDS);
const WORDS = new Set(COMMON_PASSWORD_WORDS);

/** "abcabcabcabc", "aaaaaaaaaaaa": the whole password is one short unit repeated. */
function isRepetition(p: string): boolean {
  for (let unit = 1; unit <= 4; unit++) {
    if (p.length % unit === 0 && p === p.slice(0, unit).repeat(p.length / unit)) return true;
  }
  return false;
}

/** "abcdefghijkl", "123456789012", "987654321098": every character one step from the previous (digits wrap). */
function isSequence(p: string): boolean {
  const step = (a: string, b: string): number => {
    if (/\d/.test(a) && /\d/.test(b))
      return (Number(b) - Number(a) + 10) % 10 === 1 ? 1 : (Number(a) - Number(b) + 10) % 10 === 1 ? -1 : 0;
    return b.charCodeAt(0) - a.charCodeAt(0);
  };
  const first = step(p[0], p[1]);
  if (first !== 1 && first !== -1) return false;
  for (let i = 2; i < p.length; i++) if (step(p[i - 1], p[i]) !== first) return false;
  return true;
}

/** Why this password is refused, or undefined when it is acceptable. */
export function passwordWeakness(
  password: string,
  context: { email?: string; name?: string } = {},
): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters`;
  const p = password.toLowerCase();
  const core = p.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const local = context.email?.toLowerCase().split('@')[0];
  if (COMMON.has(p) || WORDS.has(core) || isRepetition(p) || isSequence(p)) {
    return 'This password is one of the most common ones; choose another (a phrase of several words works well)';
  }
  if (
    p === context.email?.toLowerCase() ||
    (local && local.length >= 4 && core === local) ||
    (context.name && p === context.name.toLowerCase())
  ) {
    return 'The password must not be your email address or name';
  }
  return undefined;
}

/** Throws 400 WEAK_PASSWORD naming the field, so the form shows the reason beside it. */
export function assertStrongPassword(
  password: string,
  field: string,
  context: { email?: string; name?: string } = {},
): void {
  const problem = passwordWeakness(password, context);
  if (problem) throw new AppException('WEAK_PASSWORD', `The password is too weak: ${problem}`, { [field]: problem });
}

/** A strong random password for the first admin and for operators: 24 characters of base64url (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
