import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('tells Urdu by the letters only Urdu writes', () => {
    expect(detectLanguage('ڈپٹی وزیراعظم اسحاق ڈار نے کوالالمپور میں ملاقات کی۔')).toBe('ur');
  });

  it('reads Urdu typed with Arabic kaf and yeh as Urdu', () => {
    expect(detectLanguage('پاكستان اور روس كے درميان ملاقات ہوئی اور توانائی پر بات ہوئی')).toBe('ur');
  });

  it('tells Persian by its function words and heh', () => {
    expect(detectLanguage('وزیر امور خارجه پاکستان در مسکو با همتای روسی خود دیدار کرد و این دیدار مهم است')).toBe(
      'fa',
    );
  });

  it('tells Arabic by ة, ال and its prepositions', () => {
    expect(detectLanguage('التقى وزير الخارجية الباكستاني مع نظيره الروسي في موسكو لبحث التعاون في مجال الطاقة')).toBe(
      'ar',
    );
  });

  it('reads Cyrillic as Russian', () => {
    expect(detectLanguage('Министр иностранных дел Пакистана встретился с Сергеем Лавровым в Куала-Лумпуре')).toBe(
      'ru',
    );
  });

  it('reads Ukrainian Cyrillic as another language', () => {
    expect(detectLanguage('Міністр закордонних справ України зустрівся з колегою в Києві і обговорив її')).toBe(
      'other',
    );
  });

  it('reads English by its function words', () => {
    expect(
      detectLanguage('Deputy Prime Minister Ishaq Dar met his Russian counterpart on the sidelines of the forum.'),
    ).toBe('en');
  });

  it('reads a Latin-script text without English function words as other', () => {
    expect(detectLanguage('Der Außenminister traf seinen russischen Amtskollegen gestern Abend in Moskau')).toBe(
      'other',
    );
  });

  it('gives other for text without letters', () => {
    expect(detectLanguage('12345 — 678')).toBe('other');
  });
});
