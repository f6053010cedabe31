import {
  IATI_ACTIVITY_STATUS,
  IATI_AGREEMENT_DOCUMENT,
  IATI_COUNTRY_ROLE,
  IATI_LEAD_ORGANISATION_ROLE,
  IATI_ORGANISATION_TYPE,
} from './index';
import { AGREEMENT_KINDS, COUNTRY_ROLES, INITIATIVE_STAGES, ORGANIZATION_KINDS } from './values';

// The mapping tables of the IATI export (docs/iati.md): every value of ours is mapped, onto a code of the IATI
// codelist, as the documented table says.

describe('IATI mapping tables', () => {
  it('should map every stage to an ActivityStatus code: pre-stages pipeline, then implementation, finalisation, closed', () => {
    expect(Object.keys(IATI_ACTIVITY_STATUS).sort()).toEqual([...INITIATIVE_STAGES].sort());
    expect(IATI_ACTIVITY_STATUS).toEqual({
      announced: 1,
      under_negotiation: 1,
      mou_signed: 1,
      agreement_signed: 1,
      feasibility: 1,
      implementation: 2,
      pilot: 2,
      operational: 3,
      completed: 4,
      cancelled: 5,
      suspended: 6,
    });
  });

  it('should give every organisation kind an OrganisationType code', () => {
    expect(Object.keys(IATI_ORGANISATION_TYPE).sort()).toEqual([...ORGANIZATION_KINDS].sort());
    for (const code of Object.values(IATI_ORGANISATION_TYPE))
      expect(['10', '15', '40', '70', '80', '90']).toContain(code);
    expect(IATI_ORGANISATION_TYPE.ministry).toBe('10');
    expect(IATI_ORGANISATION_TYPE.company).toBe('70');
    expect(IATI_ORGANISATION_TYPE.international_organization).toBe('40');
  });

  it('should give lead organisations a role: governments accountable, enterprises implementing', () => {
    expect(Object.keys(IATI_LEAD_ORGANISATION_ROLE).sort()).toEqual([...ORGANIZATION_KINDS].sort());
    expect(IATI_LEAD_ORGANISATION_ROLE.ministry).toBe('2');
    expect(IATI_LEAD_ORGANISATION_ROLE.state_enterprise).toBe('4');
    expect(IATI_LEAD_ORGANISATION_ROLE.company).toBe('4');
    for (const role of Object.values(IATI_LEAD_ORGANISATION_ROLE)) expect(['1', '2', '3', '4']).toContain(role);
  });

  it('should turn country roles into participating governments, observers left out', () => {
    expect(Object.keys(IATI_COUNTRY_ROLE).sort()).toEqual([...COUNTRY_ROLES].sort());
    expect(IATI_COUNTRY_ROLE).toEqual({ partner: '2', lead: '2', host: '4', financier: '1', observer: null });
  });

  it('should file an agreement’s documents as MoU or contract', () => {
    expect(Object.keys(IATI_AGREEMENT_DOCUMENT).sort()).toEqual([...AGREEMENT_KINDS].sort());
    expect(IATI_AGREEMENT_DOCUMENT).toEqual({ mou: 'A09', protocol: 'A11', agreement: 'A11', contract: 'A11' });
  });
});
