import { featuresOf, normalizeUrl, RELATED_MIN_SIMILARITY, similarity } from './similarity';

const A =
  'Deputy Prime Minister Ishaq Dar met Russian Foreign Minister Sergey Lavrov on the sidelines of the 32nd ASEAN Regional Forum in Kuala Lumpur on Thursday. They agreed to meet again at the SCO Council of Foreign Ministers.';
const REWRITE =
  'On Thursday in Kuala Lumpur, Deputy Prime Minister Ishaq Dar held a meeting with Russian Foreign Minister Sergey Lavrov on the sidelines of the 32nd ASEAN Regional Forum; the two agreed to meet again at the SCO Council of Foreign Ministers.';
const OTHER =
  'The State Bank of Pakistan kept its policy rate unchanged on Monday, citing easing inflation, a stable rupee and improving reserves.';

describe(similarity.name, () => {
  it('should find a rewrite of the same report related, and a different story not', () => {
    const a = featuresOf(A);
    expect(similarity(a, featuresOf(A))).toBeCloseTo(1, 5);
    expect(similarity(a, featuresOf(REWRITE))).toBeGreaterThan(RELATED_MIN_SIMILARITY);
    expect(similarity(a, featuresOf(OTHER))).toBeLessThan(0.2);
  });

  it('should compare Urdu texts in their normalised letters', () => {
    const ur = 'اسحاق ڈار نے کوالالمپور میں سرگئی لاوروف سے ملاقات کی';
    expect(similarity(featuresOf(ur), featuresOf(ur.replace(/ی/g, 'ي').replace(/ک/g, 'ك')))).toBeCloseTo(1, 5);
  });
});

describe(normalizeUrl.name, () => {
  it('should drop tracking parameters, fragments, www and a trailing slash', () => {
    expect(normalizeUrl('https://www.Dawn.com/news/123/?utm_source=x&id=4#top')).toBe('https://dawn.com/news/123?id=4');
    expect(normalizeUrl('not a url')).toBeNull();
  });
});
