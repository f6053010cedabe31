import { emptyNewSource, NewSourceFormSchema, sourceLanguageOf, toSourceBody } from './newSource';

describe('NewSourceFormSchema', () => {
  const typed = { ...emptyNewSource(), publisher: 'Dawn', title: 'Talks opened', publishedAt: '2025-07-10' };

  it('should send the source without the quote, a blank URL and text as null', () => {
    expect(toSourceBody({ ...typed, url: '  ', text: ' ', quote: 'a passage' })).toEqual({
      kind: 'news',
      publisher: 'Dawn',
      url: null,
      language: 'en',
      publishedAt: '2025-07-10',
      title: 'Talks opened',
      text: null,
    });
  });

  it("should check the form with the API's schema, under the source's field names", () => {
    expect(NewSourceFormSchema.safeParse(typed).success).toBe(true);
    const refused = NewSourceFormSchema.safeParse({ ...typed, publisher: ' ', url: 'ftp://example.org/x' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['publisher', 'url']);
  });
});

describe('sourceLanguageOf', () => {
  it('should follow the script of the title and text', () => {
    expect(sourceLanguageOf('اسٹیل مل کی بحالی پر مذاکرات', '')).toBe('ur');
    expect(sourceLanguageOf('Talks on the revival of the steel mill', 'Pakistan and Russia met in Moscow.')).toBe('en');
    expect(sourceLanguageOf('Переговоры о восстановлении металлургического завода', '')).toBe('ru');
  });

  it('should keep a source to its own languages: Arabic and Persian are "other"', () => {
    expect(sourceLanguageOf('توقيع بروتوكول التعاون في مجال الطاقة', 'وقعت الحكومة على الاتفاقية في موسكو')).toBe(
      'other',
    );
    expect(sourceLanguageOf('امضای پروتکل همکاری', 'این توافق برای توسعه است و در مسکو امضا شد')).toBe('other');
  });

  it('should read a few Latin words without a function word as English, and nothing at all as nothing', () => {
    expect(sourceLanguageOf('Steel Mills revival', '')).toBe('en');
    expect(sourceLanguageOf('', '')).toBeUndefined();
    expect(sourceLanguageOf('2025', '')).toBeUndefined();
  });

  it('should date an empty form by the article when it is known, else today', () => {
    expect(emptyNewSource('2025-07-11').publishedAt).toBe('2025-07-11');
    expect(emptyNewSource().publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
