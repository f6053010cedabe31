import { emptyNewSource, NewSourceFormSchema, toSourceBody } from './newSource';

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
