import { extractArticle, pageDate } from './article';

const PAGE = `<!doctype html><html lang="ur"><head><meta charset="utf-8"><title>کراچی اسٹیل مل - روزنامہ مثال</title>
<meta property="og:site_name" content="روزنامہ مثال"><meta property="og:title" content="کراچی میں نئی اسٹیل مل پر معاہدہ">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"کراچی میں نئی اسٹیل مل پر معاہدہ","datePublished":"2025-05-14T09:00:00+05:00","publisher":{"@type":"NewsMediaOrganization","name":"روزنامہ مثال"}}]}</script>
<style>body{color:red}</style><script>window.EVIL = 'SCRIPT RAN'; document.write('EVIL')</script></head>
<body><nav><a href="/">ہوم</a> <a href="/x">کھیل</a></nav><div class="ad">اشتہار</div>
<article><h1>کراچی میں نئی اسٹیل مل پر معاہدہ</h1><p>اسلام آباد: پاکستان اور روس نے 13 مئی کو کراچی میں نئی اسٹیل مل کے قیام کے معاہدے پر دستخط کیے۔ یہ تقریب وزارت صنعت میں منعقد ہوئی جس میں دونوں ممالک کے اعلیٰ حکام نے شرکت کی۔</p>
<p>معاون خصوصی ہارون اختر خان نے کہا کہ یہ منصوبہ دونوں ممالک کے تعلقات میں سنگ میل ثابت ہوگا اور اس سے ہزاروں ملازمتیں پیدا ہوں گی۔</p><script>alert(1)</script></article>
<footer>جملہ حقوق محفوظ ہیں</footer></body></html>`;

describe(extractArticle.name, () => {
  it('should keep the article, one line per paragraph, with the title, publisher and date from JSON-LD', () => {
    const a = extractArticle(PAGE);
    expect(a).toMatchObject({
      title: 'کراچی میں نئی اسٹیل مل پر معاہدہ',
      publisher: 'روزنامہ مثال',
      publishedAt: '2025-05-14',
      declaredLanguage: 'ur',
    });
    const lines = a.text.split('\n');
    expect(lines[0]).toBe('کراچی میں نئی اسٹیل مل پر معاہدہ');
    expect(lines[1]).toMatch(/^اسلام آباد: پاکستان اور روس نے 13 مئی/);
    expect(lines).toHaveLength(3);
  });

  it('should drop menus, adverts, footers, styles and scripts without running them', () => {
    const { text } = extractArticle(PAGE);
    for (const gone of ['ہوم', 'اشتہار', 'جملہ حقوق', 'color:red', 'EVIL', 'alert']) expect(text).not.toContain(gone);
    expect((globalThis as { EVIL?: string }).EVIL).toBeUndefined();
  });

  it('should fall back to OpenGraph and meta tags, and to the page text when there is no article element', () => {
    const a = extractArticle(`<html><head><meta property="og:site_name" content="Dawn">
      <meta property="article:published_time" content="2025-07-10T22:30:00Z"><title>Talks in Moscow</title></head>
      <body><header>Menu</header><div><p>Short page text about the talks in Moscow on energy cooperation.</p></div></body></html>`);
    expect(a).toMatchObject({ publisher: 'Dawn', publishedAt: '2025-07-10', title: 'Talks in Moscow' });
    expect(a.text).toContain('energy cooperation');
    expect(a.text).not.toContain('Menu');
  });
});

describe(pageDate.name, () => {
  it('should keep the calendar date as the page wrote it, and read other formats', () => {
    expect(pageDate('2025-07-11T01:00:00+05:00')).toBe('2025-07-11');
    expect(pageDate('July 10, 2025')).toMatch(/^2025-07-1[01]$/);
    expect(pageDate('not a date')).toBeNull();
  });
});
