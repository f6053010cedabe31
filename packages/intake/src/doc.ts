import type { Entry, Gazetteer } from './gazetteer';
import type { FoundDate } from './dates';
import type { Tokenized } from './tokens';
import type { DateValue, EntityRef, IntakeLanguage, Mention, MentionType } from './types';

// What the recognisers found in one article, in token terms, before it becomes the Analysis: each recogniser
// adds to it and the later ones (events, proposals) read it.

export interface Found {
  type: MentionType;
  from: number;
  /** Inclusive token index. */
  to: number;
  start: number;
  end: number;
  ref: EntityRef | null;
  entry?: Entry;
  value?: DateValue | Record<string, unknown> | null;
  /** How sure the recogniser is of this mention and its entity (0..1). */
  confidence: number;
  date?: FoundDate;
  /** For people: the name as written (no honorific), for new-person proposals. */
  name?: string;
  /** For unknown people: the title and organisation that introduced them. */
  titleFound?: Found;
  orgFound?: Found;
  countryCode?: string | null;
}

export class Doc {
  readonly found: Found[] = [];
  /** Portfolio words ("Energy", "خارجہ") of the name pass; the title recogniser attaches them to titles. */
  readonly portfolios: Found[] = [];
  constructor(
    readonly tz: Tokenized,
    readonly gz: Gazetteer,
    readonly language: IntakeLanguage,
    readonly publishedAt: string | undefined,
  ) {}

  add(f: Found): Found {
    this.found.push(f);
    return f;
  }

  of(type: MentionType): Found[] {
    return this.found.filter((f) => f.type === type);
  }

  private bySentence: Map<string, Found[]> | null = null;

  /** Indexes the mentions by type and sentence; call once the mentions are final (the events read them often). */
  freeze(): void {
    this.bySentence = new Map();
    for (const f of this.found) {
      const key = `${f.type}:${this.tz.tokens[f.from].sentence}`;
      const list = this.bySentence.get(key);
      if (list) list.push(f);
      else this.bySentence.set(key, [f]);
    }
  }

  inSentence(type: MentionType, sentence: number): Found[] {
    if (this.bySentence) return this.bySentence.get(`${type}:${sentence}`) ?? [];
    return this.found.filter((f) => f.type === type && this.tz.tokens[f.from].sentence === sentence);
  }

  sentenceOf(f: Found): number {
    return this.tz.tokens[f.from].sentence;
  }

  /** Whether a token is covered by a mention of one of the given types. */
  covered(k: number, types?: MentionType[]): Found | undefined {
    return this.found.find((f) => f.from <= k && k <= f.to && (!types || types.includes(f.type)));
  }

  text(f: { start: number; end: number }): string {
    return this.tz.text.slice(f.start, f.end);
  }

  /** The mentions in text order, and each Found's index among them. */
  mentions(): { mentions: Mention[]; index: Map<Found, number> } {
    const sorted = [...this.found].sort((a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type));
    const index = new Map<Found, number>();
    const mentions = sorted.map((f, i) => {
      index.set(f, i);
      const m: Mention = { type: f.type, text: this.text(f), start: f.start, end: f.end, entity: f.ref };
      if (f.value !== undefined) m.value = f.value;
      return m;
    });
    return { mentions, index };
  }
}
