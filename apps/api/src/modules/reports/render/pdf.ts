import { existsSync } from 'node:fs';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { APP_CONFIG, APP_LOGGER } from '../../../app.context';
import { AppException } from '../../../common/errors/app-exception';
import type { AppLogger } from '../../../common/logging/logger';
import type { AppConfig } from '../../../config/env';

// PDF = the report's HTML printed by Chromium (playwright-core driving Debian's chromium; pdfkit and pdfmake get
// Urdu's bidi wrong). One browser is launched on the first PDF and kept warm; it is closed when the app stops.
// Chromium stamps the print time into the PDF (CreationDate, ModDate); those are set to the report's knownAt, so
// that the same report printed again is the same file byte for byte.

export const CHROMIUM_DEFAULT_PATH = '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const INSTALL_HINT =
  'install it (Debian/Ubuntu: apt-get install -y chromium fonts-noto-core) or set CHROMIUM_PATH to a Chromium binary';

/** `D:YYYYMMDDHHmmSS` of a moment, UTC. */
function pdfDate(at: Date): string {
  return `D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
}

/** Replaces Chromium's print-time stamps with `at`, keeping every byte offset (the xref table stays valid). */
export function stampPdfDates(pdf: Buffer, at: Date): Buffer {
  const text = pdf.toString('latin1');
  const stamped = text.replace(
    /\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g,
    (_m, key: string, _digits: string, zone: string) => {
      const fixedZone = zone.length === 7 ? "+00'00'" : zone.length === 1 ? 'Z' : zone;
      return `/${key} (${pdfDate(at)}${fixedZone})`;
    },
  );
  return Buffer.from(stamped, 'latin1');
}

@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private browser?: Promise<Browser>;
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  get executablePath(): string {
    return this.config.chromiumPath ?? CHROMIUM_DEFAULT_PATH;
  }

  isAvailable(): boolean {
    return existsSync(this.executablePath);
  }

  /** 503 DEPENDENCY_MISSING naming what to install, when this machine cannot make PDFs. */
  assertAvailable(): void {
    if (!this.isAvailable()) {
      throw new AppException(
        'DEPENDENCY_MISSING',
        `PDF reports need Chromium, which is not installed at ${this.executablePath}: ${INSTALL_HINT}. HTML, XLSX and CSV reports work without it.`,
      );
    }
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.assertAvailable();
      const started = Date.now();
      this.browser = (async () => {
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({
          executablePath: this.executablePath,
          args: LAUNCH_ARGS,
          headless: true,
        });
        this.logger.info(
          { ms: Date.now() - started, executablePath: this.executablePath },
          'Chromium started for PDF reports',
        );
        browser.on('disconnected', () => {
          if (!this.closing) this.logger.warn('Chromium exited; the next PDF starts it again');
          this.browser = undefined;
        });
        return browser;
      })();
      this.browser.catch((err: Error) => {
        this.browser = undefined;
        this.logger.error({ err: err.message }, 'Chromium could not start');
      });
    }
    return this.browser;
  }

  /** `html`: renderHtml(doc, { pdf: true }), which carries the page footer in its page-margin boxes. */
  async render(html: string, options: { knownAt: Date }): Promise<Buffer> {
    let browser: Browser;
    try {
      browser = await this.launch();
    } catch (err) {
      if (err instanceof AppException) throw err;
      throw new AppException(
        'DEPENDENCY_MISSING',
        `Chromium at ${this.executablePath} could not start (${(err as Error).message.split('\n')[0]}): ${INSTALL_HINT}`,
      );
    }
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(300_000);
      await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
      const pdf = await page.pdf({
        format: 'A4',
        landscape: true,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        margin: { top: '12mm', bottom: '15mm', left: '11mm', right: '11mm' },
      });
      return stampPdfDates(pdf, options.knownAt);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await browser?.close().catch(() => undefined);
  }
}
