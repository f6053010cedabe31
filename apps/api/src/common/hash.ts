import { createHash } from 'node:crypto';
import { normalizeText } from '@rabta/domain';

export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

/**
 * A source's identity for de-duplication: its normalised text when there is one (so the same article pasted
 * twice, or with other Urdu letter forms, is one source), else its URL, else its publisher, date and title.
 */
export function sourceContentHash(s: {
  text?: string | null;
  url?: string | null;
  publisher?: string;
  publishedAt?: string;
  title?: string;
}): string {
  const text = normalizeText(s.text);
  if (text.length >= 40) return sha256Hex(`text:${text}`);
  if (s.url) return sha256Hex(`url:${s.url.trim()}`);
  return sha256Hex(`meta:${normalizeText(s.publisher)}|${s.publishedAt ?? ''}|${normalizeText(s.title)}`);
}
