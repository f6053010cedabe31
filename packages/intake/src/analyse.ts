import { findDates } from './dates';
import { Doc, type Found } from './doc';
import { findInitiatives } from './initiatives';
import { detectLanguage } from './language';
import { recogniseNames } from './names';
import { recogniseOrganizations } from './orgs';
import { recognisePeople } from './people';
import { buildProposals } from './proposals';
import { tokenize } from './tokens';
import type { AnalyseOptions, Analysis } from './types';

/**
 * Reads an article: its language, every mention of a known or new person, title, organisation, country, place,
 * sector, initiative, forum and date (with character offsets into `text`), and the records an analyst would
 * write from it as proposals for review. Deterministic and pure: the same text and gazetteer give the same result.
 */
export function analyse(text: string, options: AnalyseOptions): Analysis {
  const language = options.language ?? detectLanguage(text);
  const tz = tokenize(text);
  const doc = new Doc(tz, options.gazetteer, language, options.publishedAt);
  recogniseNames(doc);
  recogniseDates(doc);
  recogniseOrganizations(doc);
  recognisePeople(doc);
  recogniseInitiatives(doc);
  doc.freeze();
  const { mentions, index } = doc.mentions();
  const proposals = buildProposals(doc, index);
  return { language, mentions, proposals };
}

function recogniseDates(doc: Doc): void {
  for (const d of findDates(doc.tz, doc.publishedAt)) {
    const { tokens } = doc.tz;
    doc.add({
      type: 'date',
      from: d.from,
      to: d.to,
      start: tokens[d.from].start,
      end: tokens[d.to].end,
      ref: null,
      value: d.value,
      date: d,
      confidence: d.basis === 'absolute' ? 0.95 : d.basis === 'inferred' ? 0.85 : 0.8,
    });
    // The last day of a range is a date of its own (November 24-25).
    if (d.endDate && d.endToken !== undefined)
      doc.add({
        type: 'date',
        from: d.endToken,
        to: d.endToken,
        start: tokens[d.endToken].start,
        end: tokens[d.endToken].end,
        ref: null,
        value: { date: d.endDate, precision: 'day' },
        confidence: 0.85,
      });
  }
}

function recogniseInitiatives(doc: Doc): void {
  const { gz, tz } = doc;
  const countries = new Set<string>();
  for (const f of doc.found) {
    if ((f.type === 'country' || f.type === 'place') && f.countryCode) countries.add(f.countryCode);
  }
  const sectors = new Set<number>();
  const sectorsBySentence = new Map<number, Set<number>>();
  for (const f of doc.of('sector')) {
    const id = Number(f.ref?.id);
    sectors.add(id);
    const s = doc.sentenceOf(f);
    const set = sectorsBySentence.get(s) ?? new Set<number>();
    set.add(id);
    sectorsBySentence.set(s, set);
  }
  const blocked = new Set<number>();
  for (const f of doc.found) {
    if (f.type === 'position' || f.type === 'organization' || f.type === 'person' || f.type === 'forum')
      for (let k = f.from; k <= f.to; k++) blocked.add(k);
  }
  const already = new Map<string, Found>();
  for (const f of doc.of('initiative')) already.set(`${f.ref?.id}:${doc.sentenceOf(f)}`, f);
  for (const h of findInitiatives(tz, gz, { countries, sectors, sectorsBySentence, blocked })) {
    if (already.has(`${h.id}:${h.sentence}`)) continue;
    const from = h.tokens[0];
    const to = h.tokens[h.tokens.length - 1];
    // A long stretch between the matched words reads better as its first word alone.
    const span = to - from > 8 ? [from, from] : [from, to];
    doc.add({
      type: 'initiative',
      from: span[0],
      to: span[1],
      start: tz.tokens[span[0]].start,
      end: tz.tokens[span[1]].end,
      ref: { resource: 'initiatives', id: h.id },
      confidence: Math.min(0.95, 0.45 + h.score * 0.5),
    });
  }
}
