import { Prisma } from '@rabta/db';
import { toAuditJson, toAuditJsonText } from './audit.service';

describe('audit snapshots as JSON', () => {
  it('should write in one pass exactly what the walked copy would be', () => {
    class WithToJson {
      a = 1;
      toJSON() {
        return 'not this';
      }
    }
    const snapshot = {
      id: 7,
      code: 'PK-RU-STEEL',
      at: new Date(Date.UTC(2026, 4, 13, 9, 30)),
      big: 12345678901234567890n,
      value: new Prisma.Decimal('1250000.75'),
      file: Buffer.from('secret bytes'),
      passwordHash: 'x',
      nested: { token: 't', kept: undefined, list: [1, null, undefined, new Date(0), { searchText: 's', n: 2 }] },
      tags: ['a', 'b'],
      nothing: null,
      missing: undefined,
      own: new WithToJson(),
      pdf: { body: Buffer.alloc(3) },
    };
    expect(toAuditJsonText(snapshot)).toBe(JSON.stringify(toAuditJson(snapshot)));
    expect(JSON.parse(toAuditJsonText(snapshot)!)).toMatchObject({
      at: '2026-05-13T09:30:00.000Z',
      big: '12345678901234567890',
      value: 1250000.75,
      nested: { kept: null, list: [1, null, null, '1970-01-01T00:00:00.000Z', { n: 2 }] },
      missing: null,
      own: { a: 1 },
      pdf: { body: '[3 bytes]' },
    });
    expect(toAuditJsonText(undefined)).toBeNull();
    expect(toAuditJsonText(null)).toBeNull();
    expect(toAuditJsonText(['x', 2n])).toBe(JSON.stringify(toAuditJson(['x', 2n])));
  });
});
