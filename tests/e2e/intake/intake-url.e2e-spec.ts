import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { startTestApp, type TestApp } from '../../support/test-app';

// The saved news pages of the labelled set (tests/fixtures/intake/html/<slug>.html, each carrying the article
// tests/fixtures/intake/articles/<slug>.txt whole, amid a news site's navigation, ads, related links and scripts).
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'intake');
const SAVED = readdirSync(join(FIXTURES, 'html'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''));

// URL intake against a local HTTP server serving saved news pages (INTAKE_ALLOW_PRIVATE_URLS=true lets the app
// fetch from 127.0.0.1; the default refusal is tested in intake.e2e-spec.ts): the article and its metadata are
// read from the page, redirects followed, and a page that is not HTML or text, too slow or too large is a 422 with
// the reason, with nothing stored.

const URDU_PAGE = `<!doctype html>
<html lang="ur" dir="rtl"><head><meta charset="utf-8">
<title>پاک روس بین الحکومتی کمیشن کا اجلاس | روزنامہ آزمائش</title>
<meta property="og:site_name" content="روزنامہ آزمائش">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"پاک روس بین الحکومتی کمیشن کا دسواں اجلاس اسلام آباد میں ہوگا",
 "datePublished":"2025-09-19T10:15:00+05:00","publisher":{"@type":"NewsMediaOrganization","name":"روزنامہ آزمائش"}}</script>
<style>.menu{display:flex}</style><script>document.title = 'hijacked'</script></head>
<body><nav class="menu"><a href="/">صفحۂ اول</a><a href="/sport">کھیل</a></nav>
<div class="advert">اشتہار: سستے ٹکٹ</div>
<main><article><h1>پاک روس بین الحکومتی کمیشن کا دسواں اجلاس اسلام آباد میں ہوگا</h1>
<p>اسلام آباد: وزارت اقتصادی امور کے مطابق پاکستان اور روس کے بین الحکومتی کمیشن کا دسواں اجلاس آئندہ ماہ اسلام آباد میں منعقد ہوگا جس میں توانائی اور ریلوے کے منصوبوں پر بات ہوگی۔</p>
<p>حکام کے مطابق اجلاس میں کراچی میں نئی اسٹیل مل کے منصوبے پر پیش رفت کا جائزہ بھی لیا جائے گا اور دونوں ممالک کے وفود مختلف مفاہمتی یادداشتوں پر دستخط کریں گے۔</p>
</article></main><footer>جملہ حقوق محفوظ ہیں</footer></body></html>`;

const ENGLISH_PAGE = `<!doctype html><html lang="en"><head><meta charset="windows-1252">
<meta property="og:site_name" content="Business Test Recorder">
<meta property="article:published_time" content="2025-09-24T08:00:00Z">
<meta property="og:title" content="Pakistan, Azerbaijan discuss LNG cargoes"></head>
<body><header><a href="/">Home</a></header><article><h1>Pakistan, Azerbaijan discuss LNG cargoes</h1>
<p>ISLAMABAD: Pakistan and Azerbaijan on Tuesday discussed the supply of liquefied natural gas cargoes under a government-to-government framework, officials said.</p>
<p>The minister for energy said the caf\xe9 talk was over and a draft agreement would be ready next month.</p></article></body></html>`;

describe('intake from a URL', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const saved = /^\/saved\/([\w-]+)\.html$/.exec(req.url ?? '');
      if (saved && SAVED.includes(saved[1])) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(readFileSync(join(FIXTURES, 'html', `${saved[1]}.html`)));
        return;
      }
      switch (req.url) {
        case '/ur/igc-session':
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('content-encoding', 'gzip');
          res.end(gzipSync(Buffer.from(URDU_PAGE)));
          return;
        case '/en/lng':
          res.setHeader('content-type', 'text/html');
          res.end(Buffer.from(ENGLISH_PAGE, 'latin1'));
          return;
        case '/moved':
          res.statusCode = 301;
          res.setHeader('location', '/en/lng');
          res.end();
          return;
        case '/data.json':
          res.setHeader('content-type', 'application/json');
          res.end('{"not":"an article"}');
          return;
        case '/slow':
          res.setHeader('content-type', 'text/html');
          res.write('<html><body><p>Loading'); // …and never ends
          return;
        case '/huge':
          // Announced as 6 MB; the client gives up on reading the headers.
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024) });
          res.write('<html><body><p>');
          return;
        case '/gone':
          res.statusCode = 404;
          res.end('Not found');
          return;
        default:
          res.statusCode = 404;
          res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await startTestApp({ env: { INTAKE_ALLOW_PRIVATE_URLS: 'true', INTAKE_FETCH_TIMEOUT_SECONDS: '3' } });
    analyst = await signedInUser(t, { role: 'analyst' });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await t.close();
  });

  const post = (body: unknown) =>
    t.http
      .post('/api/intake')
      .set('Cookie', analyst.cookie)
      .send(body as object);

  it("should fetch an Urdu page and keep the article, its headline, publisher and date, dropping the page's chrome", async () => {
    const res = await post({ url: `${base}/ur/igc-session` }).expect(201);
    expect(res.body).toMatchObject({
      input: 'url',
      language: 'ur',
      source: {
        title: 'پاک روس بین الحکومتی کمیشن کا دسواں اجلاس اسلام آباد میں ہوگا',
        publisher: 'روزنامہ آزمائش',
        publishedAt: '2025-09-19',
        url: `${base}/ur/igc-session`,
        retrievedAt: expect.any(String),
      },
    });
    const text: string = res.body.source.text;
    expect(text.split('\n')).toHaveLength(3);
    for (const chrome of ['صفحۂ اول', 'اشتہار', 'جملہ حقوق', 'display:flex', 'hijacked'])
      expect(text).not.toContain(chrome);
    // The same URL again is the same source.
    const again = await post({ url: `${base}/ur/igc-session` }).expect(201);
    expect(again.body.duplicateOfSourceId).toBe(res.body.source.id);
  });

  it('should read each saved news page of the labelled set: its article whole, its headline, date and language, and nothing of the page around it', async () => {
    expect(SAVED.length).toBeGreaterThanOrEqual(4);
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const slug of SAVED) {
      const labels = JSON.parse(readFileSync(join(FIXTURES, 'articles', `${slug}.json`), 'utf8'));
      const [, ...body] = readFileSync(join(FIXTURES, 'articles', `${slug}.txt`), 'utf8').split('\n');
      const paragraphs = body.map(flat).filter(Boolean);
      const res = await post({ url: `${base}/saved/${slug}.html` }).expect(201);
      expect({ slug, ...res.body.source }).toMatchObject({
        slug,
        title: labels.title,
        publishedAt: labels.publishedAt,
        language: labels.language,
        publisher: expect.any(String),
      });
      expect(res.body.language).toBe(labels.language);
      const text = flat(res.body.source.text);
      for (const p of paragraphs) expect(text).toContain(p);
      // The article and nothing else: no menus, ads, related stories or comments beside its paragraphs (a photo's
      // caption inside the story, "Nurses at a public hospital. — File photo", may stay).
      let rest = text;
      for (const p of [flat(labels.title), ...paragraphs]) rest = rest.replace(p, '');
      expect({ slug, rest: flat(rest) }).toEqual({ slug, rest: expect.stringMatching(/^.{0,59}$/) });
      expect(res.body.mentions.length).toBeGreaterThan(5);
    }
  });

  it('should follow a redirect, read the declared character set, and take a publisher the page lacks from the analyst', async () => {
    const res = await post({ url: `${base}/moved`, publisher: 'Given publisher' }).expect(201);
    expect(res.body.source).toMatchObject({
      title: 'Pakistan, Azerbaijan discuss LNG cargoes',
      publisher: 'Given publisher',
      publishedAt: '2025-09-24',
      language: 'en',
    });
    expect(res.body.language).toBe('en');
    expect(res.body.source.text).toContain('café talk');
    expect(res.body.source.text).not.toContain('Home');
  });

  it('should answer 422 with the reason for a page that is not HTML, too slow, too large or missing, and store nothing', async () => {
    const before = { sources: await t.prisma.source.count(), intakes: await t.prisma.intake.count() };
    const cases: [string, RegExp][] = [
      ['/data.json', /content type is application\/json/],
      ['/slow', /within 3 s/],
      ['/huge', /larger than 5 MB/],
      ['/gone', /HTTP 404/],
    ];
    for (const [path, reason] of cases) {
      const res = await post({ url: `${base}${path}` }).expect(422);
      expect(res.body).toMatchObject({ code: 'UNPROCESSABLE', errors: { url: expect.stringMatching(reason) } });
    }
    expect({ sources: await t.prisma.source.count(), intakes: await t.prisma.intake.count() }).toEqual(before);
  });
});
