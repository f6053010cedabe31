import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  IMPORT_RESOURCES,
  ImportCommitResultSchema,
  ImportPreviewSchema,
  ImportRequestSchema,
  type ImportCommitResult,
  type ImportPreview,
  type ImportResource,
} from '@rabta/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { ParseIdPipe } from '../../common/http/id.pipe';
import { ApiOperation } from '../../common/http/openapi-meta';
import { importError } from './import-errors';
import { ImportsService, templateFile, type Upload } from './imports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a download whose name may hold any script. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The multipart form of POST /api/imports: one `file` and the text fields. */
async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart())
    throw new AppException(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the spreadsheet as multipart/form-data: a "file" field with fields "resource" and "mode"',
      { file: 'Required' },
    );
  const fields: Record<string, string> = {};
  let file: { fileName: string; buffer: Buffer } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname !== 'file' || file)
          throw new AppException('BAD_REQUEST', 'Send one file, in the field "file"', { file: 'One file' });
        file = { fileName: part.filename, buffer };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw importError(
        'PAYLOAD_TOO_LARGE',
        'file_too_large',
        { mb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 },
        { file: 'Too large' },
      );
    if (code?.startsWith('FST_'))
      throw new AppException('BAD_REQUEST', `The upload cannot be read: ${(err as Error).message}`, {
        file: 'Unreadable',
      });
    throw err;
  }
  if (!file)
    throw new AppException('VALIDATION_FAILED', 'No file: send the spreadsheet in the field "file"', {
      file: 'Required',
    });
  return { ...file, fields };
}

@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('imports')
  @HttpCode(201)
  @Access('analyst')
  @ApiOperation({
    kind: 'create',
    resource: 'imports',
    schema: ImportPreviewSchema,
    summary:
      'Preview a spreadsheet import (multipart/form-data: file, resource, mode, mapping JSON, dateFormat, sheet, unknownPeople); nothing is written to the records',
    responses: {
      413: 'PAYLOAD_TOO_LARGE: file or row count over the limit',
      415: 'UNSUPPORTED_MEDIA_TYPE: not a spreadsheet',
    },
  })
  async preview(@Req() req: FastifyRequest, @CurrentUser() user: AuthUser): Promise<ImportPreview> {
    return this.imports.preview(await readUpload(req, this.imports.maxBytes), user);
  }

  @Get('imports/templates/:resource')
  @Access('analyst')
  @ApiOperation({
    kind: 'action',
    resource: 'imports',
    produces: [XLSX],
    summary: 'A template workbook for a resource: English headers with Urdu below, lists on the enum columns',
  })
  async template(
    @Param('resource') resource: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const r = parseResource(resource);
    void reply.type(XLSX).header('content-disposition', attachment(`rabta-${r}-template.xlsx`));
    return templateFile(r);
  }

  @Get('imports/:id')
  @Access('analyst')
  @ApiOperation({ kind: 'get', resource: 'imports', schema: ImportPreviewSchema })
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<ImportPreview> {
    return this.imports.get(id, user);
  }

  @Post('imports/:id/commit')
  @HttpCode(200)
  @Access('analyst')
  @ApiOperation({
    kind: 'action',
    resource: 'imports',
    schema: ImportCommitResultSchema,
    summary: 'Carry out a previewed import in one transaction: all rows or none',
    responses: {
      409: 'CONFLICT: committed already, or Rabta changed since the preview',
      422: 'UNPROCESSABLE: the preview has problems',
    },
  })
  commit(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<ImportCommitResult> {
    return this.imports.commit(id, user);
  }

  @Get('imports/:id/result')
  @Access('analyst')
  @ApiOperation({
    kind: 'action',
    resource: 'imports',
    produces: [XLSX],
    summary: 'The file as uploaded with each row’s outcome, record id and problems',
  })
  async result(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const f = await this.imports.resultFile(id, user);
    void reply
      .type(XLSX)
      .header('content-disposition', attachment(f.fileName))
      .header('cache-control', 'private, no-cache');
    return f.body;
  }
}

function parseResource(resource: string): ImportResource {
  const r = ImportRequestSchema.shape.resource.safeParse(resource);
  if (!r.success)
    throw new AppException(
      'NOT_FOUND',
      `No import template for "${resource.slice(0, 40)}": ${IMPORT_RESOURCES.join(', ')}`,
    );
  return r.data;
}
