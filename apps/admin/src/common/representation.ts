import type { RaRecord } from 'react-admin';
import { getCurrentLocale } from '../i18n';
import { textOf } from './bilingual';
import { joinIsolated } from './bidi';
import { formatLocalDate } from './localDate';

// How a record is named wherever it is referenced (titles, reference fields, breadcrumbs), in the current language.
const t = (r: RaRecord, base: string) => textOf(r, base, getCurrentLocale());

export const representation = {
  title: (r: RaRecord) => t(r, 'title') || `#${r.id}`,
  name: (r: RaRecord) => t(r, 'name') || `#${r.id}`,
  initiatives: (r: RaRecord) => (r.code ? `${r.code} · ${t(r, 'title')}` : t(r, 'title')),
  decision: (r: RaRecord) => truncate(t(r, 'text'), 80) || `#${r.id}`,
  organization: (r: RaRecord) => {
    const name = t(r, 'name');
    return r.acronym && getCurrentLocale() === 'en' ? `${name} (${r.acronym})` : name;
  },
  // "publisher: title", each run isolated (a plain string: page titles and option labels; common/bidi.ts).
  source: (r: RaRecord) => joinIsolated([r.publisher, r.title], ': ') || `#${r.id}`,
  evidence: (r: RaRecord) => truncate(String(r.quote ?? ''), 80) || `#${r.id}`,
  // The day it took effect, written as every date is (day first, in the user's language: common/localDate.ts).
  statusUpdate: (r: RaRecord) => formatLocalDate(r.effectiveAt, getCurrentLocale()) || `#${r.id}`,
  country: (r: RaRecord) => `${t(r, 'name')} (${r.id})`,
  // The email and its angle brackets as one left-to-right run: `<` and `>` are not paired brackets to the bidi
  // algorithm, so in an Urdu title they would land on the wrong sides ("<Name <email").
  user: (r: RaRecord) => (r.name ? `${r.name} \u2066<${r.email}>\u2069` : String(r.email ?? r.id)),
};

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
