import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

// Fetching an article's page for intake, server-side. Only http(s); the address a host name resolves to is
// checked when the socket connects (request-filtering-agent's lookup), so a name that resolves to a loopback,
// private or link-local address is refused as surely as a literal one, redirects included. Size and time are
// capped; only HTML and plain text are read.

export interface FetchOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The URL after redirects. */
  url: string;
  /** `html` or `text`. */
  kind: 'html' | 'text';
  body: string;
}

/** Why a URL could not be read, said so that an analyst understands it. */
export class PageFetchError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PageFetchError';
  }
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
const USER_AGENT = 'Rabta/1 (article intake)';

function agentsFor(allowPrivate: boolean) {
  const options = { allowPrivateIPAddress: allowPrivate, allowMetaIPAddress: allowPrivate, keepAlive: false };
  return { http: new RequestFilteringHttpAgent(options), https: new RequestFilteringHttpsAgent(options) };
}

function parseUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new PageFetchError('Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PageFetchError(`Only http and https URLs can be fetched (not ${url.protocol.replace(/:$/, '')})`);
  if (url.username || url.password) throw new PageFetchError('URLs with a user name or password are not fetched');
  return url;
}

function describeNetworkError(err: NodeJS.ErrnoException): string {
  if (/is not allowed/.test(err.message))
    return 'The address is loopback, private or link-local: Rabta does not fetch pages from such addresses';
  switch (err.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'The host name could not be found';
    case 'ECONNREFUSED':
      return 'The server refused the connection';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'The server closed the connection';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The server's certificate is not valid (${err.code})`;
    default:
      return `The page could not be fetched (${err.code ?? err.message})`;
  }
}

function decompress(res: http.IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip());
    case 'deflate':
      return res.pipe(createInflate());
    case 'br':
      return res.pipe(createBrotliDecompress());
    default:
      return res;
  }
}

/** The character set of a response: its header, else a <meta charset> in the first bytes, else UTF-8. */
function charsetOf(contentType: string, head: Buffer): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head.toString('latin1'))?.[1];
  const name = (fromHeader ?? fromMeta ?? 'utf-8').toLowerCase();
  try {
    new TextDecoder(name);
    return name;
  } catch {
    return 'utf-8';
  }
}

function requestOnce(
  url: URL,
  agents: ReturnType<typeof agentsFor>,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ redirect: string } | FetchedPage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(
      url,
      {
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        signal,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ redirect: res.headers.location });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          reject(new PageFetchError(`The server answered HTTP ${status}`));
          return;
        }
        const contentType = String(res.headers['content-type'] ?? '').toLowerCase();
        const mime = contentType.split(';')[0].trim();
        const kind = HTML_TYPES.includes(mime) ? 'html' : mime === 'text/plain' ? 'text' : undefined;
        if (!kind) {
          res.resume();
          reject(new PageFetchError(`Not an HTML or text page (its content type is ${mime || 'not given'})`));
          return;
        }
        const declared = Number(res.headers['content-length']);
        const tooLarge = () => new PageFetchError(`The page is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.destroy();
          reject(tooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const body = decompress(res);
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            body.destroy();
            reject(tooLarge());
            return;
          }
          chunks.push(chunk);
        });
        body.on('error', (err) => reject(new PageFetchError(`The page could not be read (${err.message})`)));
        body.on('end', () => {
          const buffer = Buffer.concat(chunks);
          const text = new TextDecoder(charsetOf(contentType, buffer.subarray(0, 2048))).decode(buffer);
          resolve({ url: url.toString(), kind, body: text });
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (signal.aborted) return;
      reject(err instanceof PageFetchError ? err : new PageFetchError(describeNetworkError(err)));
    });
  });
}

/** Fetches an HTML or text page; throws PageFetchError with the reason when it cannot. */
export async function fetchPage(raw: string, options: FetchOptions): Promise<FetchedPage> {
  const agents = agentsFor(options.allowPrivate);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    let url = parseUrl(raw);
    for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
      const result = await Promise.race([
        requestOnce(url, agents, options.maxBytes, controller.signal),
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener('abort', () =>
            reject(new PageFetchError(`No complete answer within ${Math.round(options.timeoutMs / 100) / 10} s`)),
          ),
        ),
      ]);
      if (!('redirect' in result)) return result;
      url = parseUrl(result.redirect, url.toString());
    }
    throw new PageFetchError('Too many redirects');
  } catch (err) {
    if (timedOut && !(err instanceof PageFetchError))
      throw new PageFetchError(`No complete answer within ${Math.round(options.timeoutMs / 100) / 10} s`);
    throw err;
  } finally {
    clearTimeout(timer);
    agents.http.destroy();
    agents.https.destroy();
  }
}
