import { DacCodeSchema } from '@rabta/domain';
import { REFERENCE_SECTORS } from './reference';

describe('reference sectors', () => {
  it('should report each reference sector under its DAC 5-digit purpose code (docs/iati.md)', () => {
    const table = Object.fromEntries(REFERENCE_SECTORS.map((s) => [s.code, s.dacCode]));
    expect(table).toEqual({
      steel: '32169', // Basic metal industries: iron and steel
      energy: '23110', // Energy policy and administrative management
      hydropower: '23220', // Hydro-electric power plants
      lpg: '23641', // Retail distribution of liquid or solid fossil fuels
      oil_refining: '32167', // Energy manufacturing (fossil fuels): petroleum refineries
      rail: '21030', // Rail transport
    });
    for (const s of REFERENCE_SECTORS) expect(DacCodeSchema.safeParse(s.dacCode).success).toBe(true);
  });
});
