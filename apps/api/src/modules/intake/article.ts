import { linkedom, readability } from '../../common/lazy';

// A news page's HTML → the article: its main text (Readability, the library behind Firefox's Reader View, over
// linkedom's DOM, which never runs scripts), its title, publisher and publication date (schema.org JSON-LD first,
// then OpenGraph and the common meta tags). Scripts, styles and embedded frames are removed before anything reads
// the page.

export interface Article {
  text: string;
  title: string | null;
  publisher: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  /** The page's canonical URL, when it names one. */
  canonicalUrl: string | null;
  /** The language the page declares (`<html lang>`, og:locale), as a bare code. */
  declaredLanguage: string | null;
}

type El = {
  tagName: string;
  childNodes: Node[];
  getAttribute(name: string): string | null;
  textContent: string | null;
  remove(): void;
};
type Node = { nodeType: number; textContent: string | null } & Partial<El>;
type Doc = {
  querySelectorAll(selector: string): Iterable<El>;
  querySelector(selector: string): El | null;
  documentElement: El;
  body: El | null;
  title?: string;
};

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|WebPage|Report)$/i;
const BLOCK =
  /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|SECTION|ARTICLE|HEADER|FOOTER|TR|TABLE|FIGURE|FIGCAPTION|BR|HR|DD|DT)$/;

/** A date string from a page (ISO, or anything Date can read) → YYYY-MM-DD as the page meant it. */
export function pageDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  // The calendar date as written: "2025-07-11T08:00:00+05:00" was published on the 11th in Pakistan.
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length > 0 ? v : null;
}

/** Every object in the page's JSON-LD blocks (with @graph flattened). */
function jsonLdObjects(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A malformed block is ignored, as browsers and search engines do.
    }
  }
  return out;
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object') return clean((v as Record<string, unknown>).name);
  return null;
}

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

/** Text of a DOM subtree with one line per block (paragraph, heading, list item), spaces collapsed. */
function blockText(root: El): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const v = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (v) lines.push(v);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node.tagName ?? '').toUpperCase();
    const block = BLOCK.test(tag);
    if (block) flush();
    for (const child of node.childNodes ?? []) walk(child);
    if (block) flush();
  };
  walk(root as unknown as Node);
  flush();
  return lines.join('\n');
}

/** Drops what must never be read as content or run: scripts (after JSON-LD is read), styles, frames, forms. */
function stripActive(doc: Doc): void {
  for (const el of [
    ...doc.querySelectorAll('script, style, noscript, template, iframe, object, embed, svg, canvas, form, link'),
  ])
    el.remove();
}

/** Drops the page's chrome: navigation, site header and footer, sidebars (an article's own header stays). */
function stripChrome(doc: Doc): void {
  for (const el of [...doc.querySelectorAll('nav, aside, footer, menu, [role="navigation"], header')]) {
    const inArticle = (
      el as unknown as { parentElement: { closest(s: string): unknown } | null }
    ).parentElement?.closest('article, [role="main"], main');
    if (!inArticle || (el.tagName.toUpperCase() !== 'HEADER' && el.tagName.toUpperCase() !== 'FOOTER')) el.remove();
  }
}

/** The article in a page's HTML. */
export function extractArticle(html: string): Article {
  const { document } = linkedom().parseHTML(html) as unknown as { document: Doc };
  const ld = jsonLdObjects(document);
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? ld[0];
  const org = ld.find((o) => typesOf(o).some((t) => /^(NewsMediaOrganization|Organization)$/.test(t)));

  const publisher =
    nameOf(article?.publisher) ??
    nameOf(org) ??
    meta(document, 'og:site_name', 'application-name', 'publisher', 'article:publisher', 'twitter:site');
  const publishedAt =
    pageDate(clean(article?.datePublished) ?? clean(article?.dateCreated)) ??
    pageDate(
      meta(
        document,
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date',
        'DC.date.issued',
        'dcterms.date',
        'sailthru.date',
        'parsely-pub-date',
      ),
    ) ??
    pageDate(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const headline =
    clean(article?.headline) ?? meta(document, 'og:title', 'twitter:title') ?? clean(document.title ?? null);
  const canonicalUrl =
    clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta(document, 'og:url');
  const declaredLanguage =
    (clean(document.documentElement.getAttribute('lang')) ?? clean(article?.inLanguage) ?? meta(document, 'og:locale'))
      ?.split(/[-_]/)[0]
      .toLowerCase() ?? null;

  stripActive(document);
  stripChrome(document);
  let text = '';
  let title = headline;
  try {
    // Readability changes the document it reads; it is ours and used only here.
    const { Readability } = readability();
    const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
    if (parsed?.content) {
      const { document: content } = linkedom().parseHTML(
        `<!doctype html><html><body>${parsed.content}</body></html>`,
      ) as unknown as {
        document: Doc;
      };
      text = content.body ? blockText(content.body) : '';
      title = headline ?? clean(parsed.title);
    }
  } catch {
    // Fall back to the page's own text below.
  }
  if (text.length < 40) {
    const { document: again } = linkedom().parseHTML(html) as unknown as { document: Doc };
    stripActive(again);
    stripChrome(again);
    text = again.body ? blockText(again.body) : '';
  }
  // The headline leads the text (it often names the event), once.
  text = text.trim();
  if (title && clean(text.split('\n')[0]) !== title) text = `${title}\n${text}`;
  return { text, title, publisher, publishedAt, canonicalUrl, declaredLanguage };
}
