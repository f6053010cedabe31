import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '@rabta/domain';
import fc from 'fast-check';
import { fold } from './keys';

// fold() must give exactly what normalizeText gives: the gazetteer and the article are folded by it, and search
// elsewhere in Rabta by normalizeText.
describe('fold', () => {
  it('equals normalizeText on the Urdu spelling pairs of tests/fixtures', () => {
    const tsv = readFileSync(join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'urdu-equivalents.tsv'), 'utf8');
    const lines = tsv.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) for (const s of line.split('\t').slice(0, 2)) expect(fold(s)).toBe(normalizeText(s));
  });

  it('equals normalizeText on random text of the scripts the press uses', () => {
    const chars = fc.constantFrom(
      ...'abcXYZ 019\t\n.,;:!?-–—()[]«»"\'/\\@#%&*+=<>|~^`_اآأإبپتٹثجچحخدڈذرڑزژسشصضطظعغفقکكگلمنںوؤہھهۀۂةیيىئےۓ۔،؟٫۰۱۲۹٠١٩\u064B\u064E\u0650\u0651\u0652\u0670\u0654\u0655\u200C\u200D\u200F\u00AD\uFEFF\u0640ÀéÎñßİЁжЯ',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (list) => {
        const s = list.join('');
        expect(fold(s)).toBe(normalizeText(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals normalizeText on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(fold(s)).toBe(normalizeText(s));
      }),
      { numRuns: 2000 },
    );
  });
});
