import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/auth/access.decorator';
import { AppException } from '../../common/errors/app-exception';
import { OpenApiService } from './openapi.service';

const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rabta API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"><link rel="icon" href="/api/docs/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// A file of its own, so the page needs no inline script under the Content-Security-Policy.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, withCredentials: true });`;

@Controller()
export class OpenApiController {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly openapi: OpenApiService) {}

  @Get('openapi.json')
  @Access('public')
  document(): Record<string, unknown> {
    return this.openapi.build();
  }

  @Get('docs')
  @Access('public')
  page(@Res() reply: FastifyReply): void {
    void reply.type('text/html; charset=utf-8').send(PAGE);
  }

  @Get('docs/init.js')
  @Access('public')
  init(@Res() reply: FastifyReply): void {
    void reply.type('application/javascript; charset=utf-8').send(INIT);
  }

  @Get('docs/:file')
  @Access('public')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    // Own keys only: `constructor` or `__proto__` is no file of ours.
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) throw new AppException('NOT_FOUND', `No such file: ${file.slice(0, 60)}`);
    let body = this.cache.get(file);
    if (!body) {
      body = readFileSync(join(SWAGGER_DIR, file));
      this.cache.set(file, body);
    }
    void reply.type(type).header('cache-control', 'public, max-age=86400').send(body);
  }
}
