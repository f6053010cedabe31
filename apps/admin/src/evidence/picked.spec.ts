import { evidenceFields, pickSource, setQuote, unpickSource, type PickedSource } from './picked';

const dawn = { id: 3, title: 'Talks', publisher: 'Dawn', publishedAt: '2025-07-10', language: 'en', kind: 'news' };
const jang = { id: '7', title: 'مذاکرات', publisher: 'جنگ', publishedAt: '2025-07-11', language: 'ur' };

describe(pickSource.name, () => {
  it('should add a source once, keeping the first pick and its quote', () => {
    const one = pickSource([], dawn, 'a passage');
    expect(one).toEqual([
      { id: 3, title: 'Talks', publisher: 'Dawn', publishedAt: '2025-07-10', language: 'en', quote: 'a passage' },
    ]);
    expect(pickSource(one, dawn, 'another')).toBe(one);
    expect(pickSource(one, jang).map((s) => s.id)).toEqual([3, 7]);
  });
});

describe(evidenceFields.name, () => {
  it('should send every source id and only the quotes that are not blank, trimmed', () => {
    let list: PickedSource[] = pickSource(pickSource([], dawn), jang);
    list = setQuote(list, 7, '  گیس پائپ لائن  ');
    expect(evidenceFields(list)).toEqual({ sourceIds: [3, 7], quotes: { '7': 'گیس پائپ لائن' } });
    expect(evidenceFields(unpickSource(list, 7))).toEqual({ sourceIds: [3] });
    expect(evidenceFields([])).toEqual({ sourceIds: [] });
  });
});
