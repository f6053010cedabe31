import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Locale, ReportFormat, ReportKind } from '@rabta/domain';
import type { ReportDocument } from './document';
import { buildChanges } from './data/changes';
import type { BuildContext, ResolvedParams } from './data/context';
import { buildFollowUp } from './data/followup';
import { buildInitiativeBrief } from './data/initiative-brief';
import { buildPortfolio } from './data/portfolio';
import { ReportDataRepository } from './data/report-data.repository';
import { labelsFor } from './i18n';
import { renderCsv } from './render/csv';
import { renderHtml } from './render/html';
import { PdfRenderer } from './render/pdf';
import { renderXlsx } from './render/xlsx';
import { CONTENT_TYPES, fileNameOf } from './report-params';

export interface GeneratedFile {
  file: Buffer;
  fileName: string;
  contentType: string;
  checksum: string;
  size: number;
}

const BUILDERS: Record<ReportKind, (ctx: BuildContext) => Promise<ReportDocument>> = {
  portfolio: buildPortfolio,
  initiative: buildInitiativeBrief,
  changes: buildChanges,
  engagement_followup: buildFollowUp,
};

/** Parameters → document (data/*) → file (render/*). Pure of side effects but for `progress`. */
@Injectable()
export class ReportGenerator {
  constructor(
    private readonly data: ReportDataRepository,
    private readonly pdf: PdfRenderer,
  ) {}

  async document(
    kind: ReportKind,
    params: ResolvedParams,
    language: Locale,
    progress: (p: number) => Promise<void>,
  ): Promise<ReportDocument> {
    const data = this.data.forReport();
    const ref = await data.reference();
    return BUILDERS[kind]({ kind, params, language, l: labelsFor(language), ref, data, progress });
  }

  async generate(
    report: { kind: ReportKind; params: ResolvedParams; format: ReportFormat; language: Locale },
    progress: (p: number) => Promise<void>,
  ): Promise<GeneratedFile> {
    const doc = await this.document(report.kind, report.params, report.language, progress);
    const knownAt = new Date(report.params.knownAt);
    let file: Buffer;
    switch (report.format) {
      case 'html':
        file = Buffer.from(renderHtml(doc), 'utf8');
        break;
      case 'csv':
        file = renderCsv(doc);
        break;
      case 'xlsx':
        file = await renderXlsx(doc, knownAt);
        break;
      case 'pdf': {
        const html = renderHtml(doc, { pdf: true });
        await progress(85);
        file = await this.pdf.render(html, { knownAt });
        break;
      }
    }
    await progress(95);
    return {
      file,
      fileName: fileNameOf(report.kind, report.params, report.format, report.language),
      contentType: CONTENT_TYPES[report.format],
      checksum: createHash('sha256').update(file).digest('hex'),
      size: file.length,
    };
  }
}
