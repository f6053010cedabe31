import { normalizeText } from '@rabta/domain';

// Near-duplicates: the same story from another outlet (wire copy, a rewrite of the same press release). Two texts
// are compared as bags of their words and word pairs (normalised as search normalises them, function words left
// out), weighted 1 + log(count), by cosine similarity: 1 for the same text, about 0.5 and more for rewrites of one
// report, below 0.3 for different stories on the same subject.

/** Related at or above this similarity ("also reported by …"). */
export const RELATED_MIN_SIMILARITY = 0.45;

// Words that carry no story: Urdu postpositions, auxiliaries and conjunctions, English function words.
const STOP = new Set(
  (
    'کے کی کا کو نے سے میں پر اور بھی ہے ہیں تھا تھی تھے ہو ہوا ہوئی ہوئے گا گی گے جو کہ یہ وہ اس ان ایک لیے لئے ' +
    'تک جس جن کر کرنے کیا کیے گیا گئی گئے رہا رہی رہے بعد ساتھ درمیان دونوں نہیں ہوں جبکہ تاہم ' +
    'the a an and or of to in on at for with by from as is are was were be been has have had it its this that ' +
    'these those which who said says will would also their his her they he she we not but after over into than'
  ).split(/\s+/),
);

export type Features = Map<string, number>;

/** The weighted words and word pairs of a text. */
export function featuresOf(text: string): Features {
  const words = normalizeText(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP.has(w));
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (let i = 0; i < words.length; i++) {
    add(words[i]);
    if (i + 1 < words.length) add(`${words[i]} ${words[i + 1]}`);
  }
  for (const [k, n] of counts) counts.set(k, 1 + Math.log(n));
  return counts;
}

function norm(f: Features): number {
  let sum = 0;
  for (const w of f.values()) sum += w * w;
  return Math.sqrt(sum);
}

/** Cosine similarity of two feature bags, 0..1. */
export function similarity(a: Features, b: Features): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small) {
    const v = large.get(k);
    if (v) dot += w * v;
  }
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : Math.min(1, dot / denominator);
}

/**
 * A URL as a key for "the same page": scheme and host lower-cased, default port, fragment and tracking parameters
 * dropped, a trailing slash dropped.
 */
export function normalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (/^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i.test(key)) url.searchParams.delete(key);
  }
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  if (url.pathname !== '/') url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}
