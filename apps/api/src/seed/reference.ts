import type { Prisma } from '@rabta/db';

// ISO 3166-1 alpha-2, every officially assigned code. Names come from the ICU data Node ships with (full-icu),
// so English, Urdu and Russian names are the CLDR ones.
const ISO_3166_ALPHA2 =
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY
BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB
GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI
KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN
VU WF WS YE YT ZA ZM ZW`
    .split(/\s+/)
    .filter(Boolean);

export function referenceCountries(): Prisma.CountryCreateManyInput[] {
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const ur = new Intl.DisplayNames(['ur'], { type: 'region' });
  const ru = new Intl.DisplayNames(['ru'], { type: 'region' });
  return ISO_3166_ALPHA2.map((code) => ({
    code,
    nameEn: en.of(code) ?? code,
    nameUr: ur.of(code) ?? en.of(code) ?? code,
    nameRu: ru.of(code) ?? null,
  }));
}

export const REFERENCE_SECTORS: Prisma.SectorCreateManyInput[] = [
  // dacCode: the OECD DAC 5-digit purpose code each is reported under in the IATI export (docs/iati.md).
  { code: 'steel', nameEn: 'Steel', nameUr: 'اسٹیل', dacCode: '32169' },
  { code: 'energy', nameEn: 'Energy', nameUr: 'توانائی', dacCode: '23110' },
  { code: 'hydropower', nameEn: 'Hydropower', nameUr: 'پن بجلی', dacCode: '23220' },
  { code: 'lpg', nameEn: 'LPG', nameUr: 'ایل پی جی', dacCode: '23641' },
  { code: 'oil_refining', nameEn: 'Oil refining', nameUr: 'آئل ریفائننگ', dacCode: '32167' },
  { code: 'rail', nameEn: 'Rail', nameUr: 'ریلوے', dacCode: '21030' },
];

/** Settings an admin can change later; seeded with their defaults. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  /** An initiative with no evidence recorded for this many days is flagged stale. */
  staleAfterDays: 90,
  /** Report schedules may not run more often than every this many minutes. */
  reportScheduleMinMinutes: 60,
  /** The IATI reporting organisation: its identifier prefixes every activity identifier (docs/iati.md). */
  iatiReportingOrgRef: 'XX-RABTA',
  iatiReportingOrgName: 'Rabta',
  /** IATI OrganisationType code of the reporting organisation (10: government). */
  iatiReportingOrgType: '10',
};
