import { COUNTRY_NAMES } from './data/countries';
import { FORUMS, type ForumNames } from './data/forums';
import { ORGANIZATIONS } from './data/organizations';
import { PLACES } from './data/places';
import { SECTOR_WORDS } from './data/sectors';
import { CLAN_NAMES, HONORIFICS, PORTFOLIOS, TITLES, type TitleNames } from './data/titles';
import { POSTPOSITIONS, STOPWORDS_EN, STOPWORDS_UR } from './data/words';
import { exactKey, foldedSet, stemKey, words } from './keys';
import { stem } from './tokens';
import type {
  EntityRef,
  GazetteerData,
  GazetteerInitiative,
  GazetteerMilestone,
  GazetteerOrganization,
  GazetteerPerson,
  GazetteerSector,
  MentionType,
} from './types';

// The known world as lookup structures: every name, alias, acronym and keyword of the database's records and of
// the built-in vocabulary under its folded key (spaces removed), and an inverted index of the initiatives'
// distinctive words weighted by their rarity. Built once per change of the data; analyse() only reads it.

export type EntryKind =
  'name' | 'alias' | 'partial' | 'surname' | 'acronym' | 'code' | 'keyword' | 'adjective' | 'title' | 'portfolio';

export interface Entry {
  type: MentionType | 'portfolio';
  ref: EntityRef | null;
  kind: EntryKind;
  /** Latin-script matches: 'caps' must be written in capitals, 'capital' must start with one. */
  casing: 'any' | 'capital' | 'caps';
  /** Canonical label: a forum's name, a title's English form, a place's English name. */
  label?: string;
  labelUr?: string;
  countryCode?: string | null;
  forum?: ForumNames;
  title?: TitleNames;
}

export interface IndexedInitiative {
  initiative: GazetteerInitiative;
  /** Position in Gazetteer.initiativeList. */
  index: number;
  /** Distinctive stems of the English and Urdu titles (weight 1) and tags (less), by language. */
  words: { en: Map<string, number>; ur: Map<string, number> };
  weightEn: number;
  weightUr: number;
}

const PERSON_STOP = foldedSet([...STOPWORDS_UR, ...STOPWORDS_EN]);
/** Family and clan names too common to identify anyone alone. */
const COMMON_SURNAMES = foldedSet([
  'khan',
  'ali',
  'ahmed',
  'ahmad',
  'shah',
  'malik',
  'hussain',
  'hussein',
  'butt',
  'sheikh',
  'chaudhry',
  'qureshi',
  'iqbal',
  'mahmood',
  'mehmood',
  'raza',
  'rana',
  'khawaja',
  'awan',
  'baloch',
  'sharif',
  'muhammad',
  'mohammad',
  'abdullah',
  'rehman',
  'rahman',
  'zaidi',
  'naqvi',
  'rizvi',
  'jafri',
  'bukhari',
  'gilani',
  'kazmi',
  'wang',
  'li',
  'zhang',
  'liu',
  'chen',
  'kim',
  'lee',
  'ivanov',
  'smith',
  'خان',
  'علی',
  'احمد',
  'شاہ',
  'ملک',
  'حسین',
  'بٹ',
  'شیخ',
  'چوہدری',
  'قریشی',
  'اقبال',
  'محمود',
  'رضا',
  'رانا',
  'خواجہ',
  'اعوان',
  'بلوچ',
  'شریف',
  'محمد',
  'عبداللہ',
  'رحمان',
  'زیدی',
  'نقوی',
  'رضوی',
  'جعفری',
  'بخاری',
  'گیلانی',
  'کاظمی',
  'وانگ',
  'لی',
  'ژانگ',
]);
const HONORIFIC_KEYS = foldedSet(HONORIFICS);
/** Honorifics and clan names: a person is also found by their name without them (طارق فاطمی for سید طارق فاطمی). */
const PREFIX_KEYS = foldedSet([...HONORIFICS, ...CLAN_NAMES]);
const TITLE_WORD_KEYS = new Set<string>();
for (const t of TITLES) for (const s of [...t.en, ...t.ur]) for (const w of words(s)) TITLE_WORD_KEYS.add(w);

/** Stems that say nothing about which initiative is meant. */
const INITIATIVE_STOP = new Set(
  [
    ...STOPWORDS_UR,
    ...STOPWORDS_EN,
    'pakistan',
    'پاکستان',
    'new',
    'نئی',
    'نیا',
    'نئے',
    'joint',
    'مشترکہ',
    'development',
    'establishment',
    'قیام',
    'construction',
    'تعمیر',
    'phase',
    'مرحلہ',
  ].map((w) => stem(exactKey(w))),
);

export class Gazetteer {
  readonly data: GazetteerData;
  /** Folded key (spaces removed) → entries. */
  readonly exact = new Map<string, Entry[]>();
  /** Stem key → entries (sector keywords, initiative and milestone titles). */
  readonly stemmed = new Map<string, Entry[]>();
  maxExact = 0;
  maxStemmed = 0;

  readonly people = new Map<number, GazetteerPerson>();
  readonly organizations = new Map<number, GazetteerOrganization>();
  /** Organisations that are forums (by kind, or by a forum's name inside theirs). */
  readonly forumOrganizations = new Set<number>();
  readonly countries = new Map<string, { code: string; nameEn: string; nameUr: string | null }>();
  readonly sectors = new Map<number, GazetteerSector>();
  readonly sectorByCode = new Map<string, GazetteerSector>();
  readonly initiatives = new Map<number, IndexedInitiative>();
  readonly milestonesByInitiative = new Map<number, GazetteerMilestone[]>();
  /** Initiatives in index order (postings refer to them by position). */
  readonly initiativeList: IndexedInitiative[] = [];
  /** Initiative stem → the initiatives whose titles or tags hold it, with its rarity-weighted weight in each. */
  readonly postings = new Map<string, { idx: Int32Array; en: Float64Array; ur: Float64Array }>();
  /** Inverse document frequency of an initiative stem. */
  readonly idf = new Map<string, number>();
  /** Milestones in index order; stem → milestones (lang bit 1: in the English title, 2: in the Urdu one). */
  readonly milestoneList: GazetteerMilestone[] = [];
  readonly milestonePostings = new Map<string, { idx: Int32Array; lang: Uint8Array }>();
  /** Distinctive words of each milestone's English (2i) and Urdu (2i+1) title, and the words themselves. */
  milestoneSizes = new Int32Array(0);
  readonly milestoneWords: { en: string[]; ur: string[]; stems: string[]; lang: number[] }[] = [];
  readonly milestoneIndexOf = new Map<number, number>();
  /** Built-in place names by key, for engagement places. */
  readonly placeCountry = new Map<string, string>();

  constructor(data: GazetteerData) {
    this.data = data;
    this.addBuiltIns();
    this.addCountries(data);
    this.addSectors(data.sectors);
    this.addOrganizations(data.organizations);
    this.linkBuiltInOrganizations(data.organizations);
    this.addPeople(data.people);
    this.addInitiatives(data.initiatives);
    this.addMilestones(data.milestones);
    for (const e of data.engagements ?? []) {
      for (const place of [e.placeEn, e.placeUr])
        if (place)
          this.add(place, { type: 'place', ref: null, kind: 'name', casing: 'capital', label: e.placeEn ?? place });
    }
  }

  add(phrase: string, entry: Entry, stemmed = false): void {
    const key = stemmed ? stemKey(phrase) : exactKey(phrase);
    if (key.length === 0) return;
    const map = stemmed ? this.stemmed : this.exact;
    const list = map.get(key);
    if (list) {
      if (!list.some((e) => sameEntry(e, entry))) list.push(entry);
    } else map.set(key, [entry]);
    if (stemmed) this.maxStemmed = Math.max(this.maxStemmed, key.length);
    else this.maxExact = Math.max(this.maxExact, key.length);
  }

  private addBuiltIns(): void {
    for (const p of PLACES) {
      const label = p.en[0];
      for (const n of p.en)
        this.add(n, {
          type: 'place',
          ref: null,
          kind: 'name',
          casing: 'capital',
          label,
          labelUr: p.ur[0],
          countryCode: p.countryCode,
        });
      for (const n of p.ur)
        this.add(n, {
          type: 'place',
          ref: null,
          kind: 'name',
          casing: 'any',
          label,
          labelUr: p.ur[0],
          countryCode: p.countryCode,
        });
      for (const n of [...p.en, ...p.ur]) this.placeCountry.set(exactKey(n), p.countryCode);
    }
    for (const f of FORUMS) {
      for (const n of [...f.en, ...f.ur])
        this.add(n, { type: 'forum', ref: null, kind: 'name', casing: 'any', label: f.name, forum: f });
      for (const a of f.acronyms)
        this.add(a, { type: 'forum', ref: null, kind: 'acronym', casing: 'caps', label: f.name, forum: f });
    }
    // Well-known bodies by name and acronym, without a record (the database's own, added later, is preferred).
    for (const o of ORGANIZATIONS) {
      const label = o.en[0] ?? o.ur[0];
      const base = { type: 'organization' as const, ref: null, countryCode: o.countryCode, label };
      for (const n of o.en) this.add(n, { ...base, kind: 'name', casing: 'capital' });
      for (const n of o.ur) this.add(n, { ...base, kind: 'name', casing: 'any' });
      for (const a of o.acronyms) this.add(a, { ...base, kind: 'acronym', casing: 'caps' });
    }
    for (const t of TITLES) {
      for (const n of t.en) {
        const caps = n.length <= 5 && n === n.toUpperCase();
        this.add(n, {
          type: 'position',
          ref: null,
          kind: 'title',
          casing: caps ? 'caps' : 'any',
          label: t.en[0],
          labelUr: t.ur[0],
          title: t,
        });
      }
      for (const n of t.ur)
        this.add(n, {
          type: 'position',
          ref: null,
          kind: 'title',
          casing: 'any',
          label: t.en[0],
          labelUr: t.ur[0],
          title: t,
        });
    }
    for (const p of PORTFOLIOS) {
      for (const n of [...p.en, ...p.ur]) {
        const caps = n.length <= 3 && n === n.toUpperCase();
        this.add(n, {
          type: 'portfolio',
          ref: null,
          kind: 'portfolio',
          casing: caps ? 'caps' : 'any',
          label: p.en[0],
          labelUr: p.ur[0],
          title: p,
        });
      }
    }
  }

  private addCountries(data: GazetteerData): void {
    const extra = new Map(COUNTRY_NAMES.map((c) => [c.code, c]));
    for (const c of data.countries) {
      this.countries.set(c.code, c);
      const ref: EntityRef = { resource: 'countries', id: c.code };
      this.add(c.nameEn, {
        type: 'country',
        ref,
        kind: 'name',
        casing: 'capital',
        countryCode: c.code,
        label: c.nameEn,
      });
      if (c.nameUr)
        this.add(c.nameUr, { type: 'country', ref, kind: 'name', casing: 'any', countryCode: c.code, label: c.nameEn });
      const more = extra.get(c.code);
      if (!more) continue;
      for (const n of more.en) {
        const caps = n === n.toUpperCase();
        this.add(n, {
          type: 'country',
          ref,
          kind: 'alias',
          casing: caps ? 'caps' : 'capital',
          countryCode: c.code,
          label: c.nameEn,
        });
      }
      for (const n of more.ur)
        this.add(n, { type: 'country', ref, kind: 'alias', casing: 'any', countryCode: c.code, label: c.nameEn });
      for (const n of more.enAdj)
        this.add(n, {
          type: 'country',
          ref,
          kind: 'adjective',
          casing: 'capital',
          countryCode: c.code,
          label: c.nameEn,
        });
      for (const n of more.urAdj)
        this.add(n, { type: 'country', ref, kind: 'adjective', casing: 'any', countryCode: c.code, label: c.nameEn });
    }
  }

  private addSectors(sectors: GazetteerSector[]): void {
    const codes = new Set(sectors.map((s) => s.code.toLowerCase()));
    const names = new Set(sectors.map((s) => exactKey(s.nameEn)));
    for (const s of sectors) {
      this.sectors.set(s.id, s);
      this.sectorByCode.set(s.code.toLowerCase(), s);
      const ref: EntityRef = { resource: 'sectors', id: s.id };
      const en = [s.nameEn, ...(s.keywordsEn ?? [])];
      const ur = [s.nameUr, ...(s.keywordsUr ?? [])];
      const code = s.code.toLowerCase();
      for (const w of SECTOR_WORDS) {
        const own = w.codes.includes(code) || w.names.some((n) => exactKey(n) === exactKey(s.nameEn));
        const lent =
          !own &&
          (w.fallback ?? []).includes(code) &&
          !w.codes.some((c) => codes.has(c)) &&
          !w.names.some((n) => names.has(exactKey(n)));
        if (own || lent) {
          en.push(...w.en);
          ur.push(...w.ur);
        }
      }
      for (const k of en) {
        const caps = k.length <= 4 && k === k.toUpperCase();
        this.add(k, { type: 'sector', ref, kind: 'keyword', casing: caps ? 'caps' : 'any', label: s.nameEn }, true);
      }
      for (const k of ur)
        if (k) this.add(k, { type: 'sector', ref, kind: 'keyword', casing: 'any', label: s.nameEn }, true);
    }
  }

  /** The vocabulary's other spellings of a body the database holds (its Urdu name, its acronym) name that record. */
  private linkBuiltInOrganizations(orgs: GazetteerOrganization[]): void {
    const byKey = new Map<string, GazetteerOrganization>();
    for (const o of orgs) for (const n of [o.nameEn, o.acronym]) if (n) byKey.set(exactKey(n), o);
    for (const b of ORGANIZATIONS) {
      const o = [...b.en, ...b.acronyms].map((n) => byKey.get(exactKey(n))).find((x) => !!x);
      if (!o) continue;
      const base = {
        type: 'organization' as const,
        ref: { resource: 'organizations' as const, id: o.id },
        countryCode: o.countryCode,
        label: o.nameEn,
      };
      for (const n of b.en) this.add(n, { ...base, kind: 'name', casing: 'capital' });
      for (const n of b.ur) this.add(n, { ...base, kind: 'name', casing: 'any' });
      for (const a of b.acronyms) this.add(a, { ...base, kind: 'acronym', casing: 'caps' });
    }
  }

  private addOrganizations(orgs: GazetteerOrganization[]): void {
    const forumKeys = FORUMS.flatMap((f) => [...f.en, ...f.ur].map(exactKey));
    for (const o of orgs) {
      this.organizations.set(o.id, o);
      // A forum the database keeps as an organisation (ARF, SCO, a bilateral commission) is named as a forum.
      const names = [o.nameEn, o.nameUr].filter((n): n is string => !!n).map(exactKey);
      if (/forum/.test(o.kind ?? '') || names.some((n) => forumKeys.some((k) => k.length > 3 && n.includes(k))))
        this.forumOrganizations.add(o.id);
      const ref: EntityRef = { resource: 'organizations', id: o.id };
      const type: MentionType = 'organization';
      for (const n of [o.nameEn, o.nameRu])
        if (n) this.add(n, { type, ref, kind: 'name', casing: 'capital', countryCode: o.countryCode, label: o.nameEn });
      if (o.nameUr)
        this.add(o.nameUr, { type, ref, kind: 'name', casing: 'any', countryCode: o.countryCode, label: o.nameEn });
      // "Karachi Shipyard" for Karachi Shipyard and Engineering Works: the name before its "and".
      for (const n of [o.nameEn, o.nameUr]) {
        if (!n) continue;
        const m = /^(.+?)\s+(?:and|&|اینڈ)\s+/.exec(n);
        if (m && words(m[1]).length >= 2)
          this.add(m[1], {
            type,
            ref,
            kind: 'partial',
            casing: /[A-Za-z]/.test(n) ? 'capital' : 'any',
            countryCode: o.countryCode,
            label: o.nameEn,
          });
      }
      if (o.acronym) {
        const latin = /[A-Za-z]/.test(o.acronym);
        this.add(o.acronym, {
          type,
          ref,
          kind: 'acronym',
          casing: latin ? 'caps' : 'any',
          countryCode: o.countryCode,
          label: o.nameEn,
        });
      }
    }
  }

  private addPeople(people: GazetteerPerson[]): void {
    // Partial names (two or more words of a longer name, or the family name alone) identify a person only when
    // no one else shares them and they are not common words.
    const partials = new Map<string, { id: number; phrase: string; kind: EntryKind }[]>();
    const fullKeys = new Set<string>();
    for (const p of people) {
      this.people.set(p.id, p);
      const ref: EntityRef = { resource: 'people', id: p.id };
      const names = [p.nameEn, p.nameUr, p.nameRu, ...p.aliases].filter((n): n is string => !!n && n.trim() !== '');
      for (const n of names) {
        const entry: Entry = {
          type: 'person',
          ref,
          kind: n === p.nameEn || n === p.nameUr || n === p.nameRu ? 'name' : 'alias',
          casing: 'capital',
          countryCode: p.countryCode,
          label: p.nameEn,
        };
        this.add(n, entry);
        const w = words(n);
        let from = 0;
        while (from < w.length - 1 && PREFIX_KEYS.has(w[from])) from++;
        const bare = w.slice(from);
        if (from > 0) this.add(bare.join(' '), { ...entry, kind: 'alias' });
        fullKeys.add(bare.join(''));
        if (bare.length >= 3) {
          for (let a = 0; a < bare.length; a++)
            for (let b = a + 2; b <= bare.length; b++) {
              if (a === 0 && b === bare.length) continue;
              pushPartial(partials, bare.slice(a, b), p.id, 'partial');
            }
        }
        if (bare.length >= 2) pushPartial(partials, [bare[bare.length - 1]], p.id, 'surname');
      }
    }
    for (const [key, list] of partials) {
      const ids = new Set(list.map((l) => l.id));
      if (ids.size !== 1 || fullKeys.has(key) || this.exact.has(key)) continue;
      const { id, phrase, kind } = list[0];
      if (
        kind === 'surname' &&
        (key.length < 3 ||
          PERSON_STOP.has(key) ||
          COMMON_SURNAMES.has(key) ||
          TITLE_WORD_KEYS.has(key) ||
          HONORIFIC_KEYS.has(key))
      )
        continue;
      const p = this.people.get(id)!;
      this.add(phrase, {
        type: 'person',
        ref: { resource: 'people', id },
        kind,
        casing: 'capital',
        countryCode: p.countryCode,
        label: p.nameEn,
      });
    }
  }

  private addInitiatives(initiatives: GazetteerInitiative[]): void {
    // Postings: for each stem, the initiatives (by position in initiativeList) and the stem's weight in their
    // English and Urdu titles; weights are multiplied by the stem's rarity once it is known.
    const raw = new Map<string, { idx: number[]; en: number[]; ur: number[] }>();
    for (const i of initiatives) {
      const en = new Map<string, number>();
      const ur = new Map<string, number>();
      for (const w of distinctive(i.titleEn)) en.set(w, 1);
      for (const w of distinctive(i.titleUr ?? '')) ur.set(w, 1);
      for (const tag of i.tags) {
        const target = /[\u0600-\u06FF]/.test(tag) ? ur : en;
        for (const w of distinctive(tag)) if (!target.has(w)) target.set(w, 0.6);
      }
      const index = this.initiativeList.length;
      for (const w of new Set([...en.keys(), ...ur.keys()])) {
        let p = raw.get(w);
        if (!p) raw.set(w, (p = { idx: [], en: [], ur: [] }));
        p.idx.push(index);
        p.en.push(en.get(w) ?? 0);
        p.ur.push(ur.get(w) ?? 0);
      }
      const entry: IndexedInitiative = { initiative: i, index, words: { en, ur }, weightEn: 0, weightUr: 0 };
      this.initiativeList.push(entry);
      this.initiatives.set(i.id, entry);
      const ref: EntityRef = { resource: 'initiatives', id: i.id };
      if (i.code) this.add(i.code, { type: 'initiative', ref, kind: 'code', casing: 'any', label: i.titleEn });
      this.add(i.titleEn, { type: 'initiative', ref, kind: 'name', casing: 'any', label: i.titleEn }, true);
      if (i.titleUr)
        this.add(i.titleUr, { type: 'initiative', ref, kind: 'name', casing: 'any', label: i.titleEn }, true);
    }
    const n = Math.max(1, initiatives.length);
    for (const [w, p] of raw) {
      const idf = Math.log(1 + n / p.idx.length);
      this.idf.set(w, idf);
      this.postings.set(w, {
        idx: Int32Array.from(p.idx),
        en: Float64Array.from(p.en, (x) => x * idf),
        ur: Float64Array.from(p.ur, (x) => x * idf),
      });
    }
    for (const e of this.initiativeList) {
      e.weightEn = sumWeights(e.words.en, this.idf);
      e.weightUr = sumWeights(e.words.ur, this.idf);
    }
    // A tag or a bracketed short form that is a name of its own ("ML-1", "Karachi Gateway Terminal", "ریکوڈک")
    // names its initiative when written alone, as the title does.
    // A tag several initiatives share names none of them: only tags of one initiative are added.
    const owners = new Map<string, { tag: string; i: GazetteerInitiative; n: number }>();
    for (const e of this.initiativeList) {
      const i = e.initiative;
      for (const tag of [...i.tags, ...bracketed(i.titleEn), ...bracketed(i.titleUr ?? '')]) {
        const key = stemKey(tag);
        const seen = owners.get(key);
        if (seen) {
          if (seen.i !== i) seen.n++;
        } else owners.set(key, { tag, i, n: 1 });
      }
    }
    for (const { tag, i, n } of owners.values()) {
      if (n > 1 || !this.namesAlone(tag)) continue;
      const ref: EntityRef = { resource: 'initiatives', id: i.id };
      this.add(tag, { type: 'initiative', ref, kind: 'alias', casing: 'any', label: i.titleEn }, true);
    }
  }

  /**
   * Whether a tag is a name rather than a theme: not a word of another kind (a sector's keyword, a place, a
   * forum, an organisation, a title), and either two distinctive words or more, or one that only this initiative
   * carries and that is written as a name (capitals or digits in Latin script; any Urdu word).
   */
  private namesAlone(tag: string): boolean {
    const key = exactKey(tag);
    if (key.length < 2) return false;
    const other = (list: Entry[] | undefined) => list?.some((x) => x.type !== 'initiative') ?? false;
    if (other(this.exact.get(key)) || other(this.stemmed.get(stemKey(tag)))) return false;
    const stems = distinctive(tag);
    if (stems.length >= 2) return true;
    if (stems.length === 0 || (this.postings.get(stems[0])?.idx.length ?? 0) > 1) return false;
    return /[\u0600-\u06FF]/.test(tag) || /[A-Z0-9]/.test(tag);
  }

  private addMilestones(milestones: GazetteerMilestone[]): void {
    // Milestone titles repeat (every project has its "Groundbreaking"): each distinct pair of titles is read once.
    const titles = new Map<string, { en: string[]; ur: string[]; stems: string[]; lang: number[] }>();
    const raw = new Map<string, number[]>();
    const sizes = new Int32Array(milestones.length * 2);
    for (const m of milestones) {
      const list = this.milestonesByInitiative.get(m.initiativeId);
      if (list) list.push(m);
      else this.milestonesByInitiative.set(m.initiativeId, [m]);
      const pair = `${m.titleEn}\u0000${m.titleUr ?? ''}`;
      let t = titles.get(pair);
      if (!t) {
        const en = milestoneWordsOf(m.titleEn);
        const ur = milestoneWordsOf(m.titleUr ?? '');
        const stems = [...new Set([...en, ...ur])];
        t = { en, ur, stems, lang: stems.map((w) => (en.includes(w) ? 1 : 0) | (ur.includes(w) ? 2 : 0)) };
        titles.set(pair, t);
      }
      const index = this.milestoneList.length;
      this.milestoneList.push(m);
      this.milestoneWords.push(t);
      this.milestoneIndexOf.set(m.id, index);
      sizes[2 * index] = t.en.length;
      sizes[2 * index + 1] = t.ur.length;
      for (const w of t.stems) {
        const p = raw.get(w);
        if (p) p.push(index);
        else raw.set(w, [index]);
      }
    }
    this.milestoneSizes = sizes;
    for (const [w, idx] of raw) {
      const lang = new Uint8Array(idx.length);
      for (let j = 0; j < idx.length; j++) {
        const t = this.milestoneWords[idx[j]];
        lang[j] = t.lang[t.stems.indexOf(w)];
      }
      this.milestonePostings.set(w, { idx: Int32Array.from(idx), lang });
    }
  }

  milestone(id: number): GazetteerMilestone | undefined {
    const i = this.milestoneIndexOf.get(id);
    return i === undefined ? undefined : this.milestoneList[i];
  }

  idfOf(stemmed: string): number {
    return this.idf.get(stemmed) ?? 0;
  }
}

function pushPartial(
  partials: Map<string, { id: number; phrase: string; kind: EntryKind }[]>,
  w: string[],
  id: number,
  kind: EntryKind,
): void {
  const key = w.join('');
  const list = partials.get(key);
  const item = { id, phrase: w.join(' '), kind };
  if (list) list.push(item);
  else partials.set(key, [item]);
}

function sameEntry(a: Entry, b: Entry): boolean {
  return (
    a.type === b.type &&
    a.kind === b.kind &&
    a.ref?.id === b.ref?.id &&
    a.ref?.resource === b.ref?.resource &&
    a.label === b.label
  );
}

const distinctiveCache = new Map<string, string[]>();

/** Grammar words only: a milestone's title keeps words like "handed over" (حوالے) that tell it apart. */
const GRAMMAR = new Set(
  [
    ...POSTPOSITIONS,
    'اور',
    'و',
    'کا',
    'کی',
    'کے',
    'کو',
    'سے',
    'میں',
    'پر',
    'تک',
    'لیے',
    'لئے',
    'the',
    'a',
    'an',
    'of',
    'to',
    'in',
    'on',
    'for',
    'and',
    'at',
    'by',
    'with',
    'from',
  ].map((w) => stem(exactKey(w))),
);

/** The stems of a milestone's title, without grammar words. */
export function milestoneWordsOf(phrase: string): string[] {
  const out: string[] = [];
  for (const w of words(phrase)) {
    const s = stem(w);
    if (s.length < 2 || GRAMMAR.has(s) || /^\d+$/.test(s)) continue;
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** The stems of a title or tag that can tell initiatives apart. */
export function distinctive(phrase: string): string[] {
  const hit = distinctiveCache.get(phrase);
  if (hit) return hit;
  const out: string[] = [];
  for (const w of words(phrase)) {
    const s = stem(w);
    if (s.length < 2 || INITIATIVE_STOP.has(s) || /^\d+$/.test(s)) continue;
    if (!out.includes(s)) out.push(s);
  }
  if (distinctiveCache.size > 200_000) distinctiveCache.clear();
  distinctiveCache.set(phrase, out);
  return out;
}

/** The short forms a title gives in brackets: "Main Line-1 railway upgrade (ML-1)" → ML-1. */
function bracketed(title: string): string[] {
  return [...title.matchAll(/[(（]([^()（）]{2,40})[)）]/g)].map((m) => m[1].trim());
}

/** The weight of a title's words (tags count as a bonus, not as a requirement; only tags when no title words). */
function sumWeights(words: Map<string, number>, idf: Map<string, number>): number {
  let title = 0;
  let all = 0;
  for (const [w, weight] of words) {
    all += weight * (idf.get(w) ?? 0);
    if (weight >= 1) title += idf.get(w) ?? 0;
  }
  return title > 0 ? title : all;
}

/** Builds the lookup structures of the known world; rebuild it when the data changes. */
export function buildGazetteer(data: GazetteerData): Gazetteer {
  return new Gazetteer(data);
}
