import type { AgreementKind, CountryRole, OrganizationKind } from './enums';

// How Rabta's vocabulary maps onto IATI 2.03 codelists for the activities export (docs/iati.md has the tables).
// The stage → activity-status table is IATI_ACTIVITY_STATUS in lifecycle.ts; each sector's DAC 5-digit code is
// data (sectors.dac_code), editable by admins.

/** IATI OrganisationType: 10 Government, 15 Other Public Sector, 40 Multilateral, 70 Private Sector, 80 Academic, Training and Research, 90 Other. */
export const IATI_ORGANISATION_TYPE: Record<OrganizationKind, '10' | '15' | '40' | '70' | '80' | '90'> = {
  ministry: '10',
  government_agency: '10',
  embassy: '10',
  legislature: '10',
  state_enterprise: '15',
  company: '70',
  multilateral_forum: '40',
  international_organization: '40',
  think_tank: '80',
  other: '90',
};

/** IATI OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. */
export type IatiOrganisationRole = '1' | '2' | '3' | '4';

/**
 * The role of an initiative's lead organisation: government bodies answer for it (Accountable); enterprises and
 * companies carry it out (Implementing); forums and others take part as Extending.
 */
export const IATI_LEAD_ORGANISATION_ROLE: Record<OrganizationKind, IatiOrganisationRole> = {
  ministry: '2',
  government_agency: '2',
  embassy: '2',
  legislature: '2',
  state_enterprise: '4',
  company: '4',
  multilateral_forum: '3',
  international_organization: '3',
  think_tank: '3',
  other: '3',
};

/**
 * A participating country's government as an IATI participating organisation (type 10 Government), by its role in
 * the initiative; `null`: not a participating organisation (observers). Host countries are also the recipient
 * countries (or, when no country is marked host, every partner and lead country).
 */
export const IATI_COUNTRY_ROLE: Record<CountryRole, IatiOrganisationRole | null> = {
  partner: '2',
  lead: '2',
  host: '4',
  financier: '1',
  observer: null,
};

/** IATI DocumentCategory of an agreement's documents: A09 Memorandum of understanding, A11 Contract; sources are A12 Activity web page. */
export const IATI_AGREEMENT_DOCUMENT: Record<AgreementKind, 'A09' | 'A11'> = {
  mou: 'A09',
  protocol: 'A11',
  agreement: 'A11',
  contract: 'A11',
};
export const IATI_SOURCE_DOCUMENT = 'A12';

/** IATI ActivityDateType: 1 Planned start, 2 Actual start, 3 Planned end, 4 Actual end. */
export const IATI_ACTIVITY_DATE = { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' } as const;
