import { startTestApp, type TestApp } from '../../support/test-app';

describe('OpenAPI from the same zod schemas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('should describe every route with its access, parameters and bodies as OpenAPI 3.1', async () => {
    const res = await t.http.get('/api/openapi.json').expect(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/initiatives',
        '/api/initiatives/{id}',
        '/api/initiatives/{id}/status-updates',
        '/api/dashboard',
        '/api/auth/login',
      ]),
    );
    const create = doc.paths['/api/initiatives/{id}/status-updates'].post;
    expect(create.requestBody.content['application/json'].schema.properties).toEqual(
      expect.objectContaining({
        toStage: expect.objectContaining({ enum: expect.arrayContaining(['announced', 'cancelled']) }),
        sourceIds: expect.any(Object),
      }),
    );
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    const list = doc.paths['/api/initiatives'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['sort', 'range', 'filter', 'asOf', 'knownAt']),
    );
    expect(list.responses['200'].headers['Content-Range']).toBeDefined();
    const initiative = doc.components.schemas.Initiative;
    expect(Object.keys(initiative.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'code',
        'titleEn',
        'titleUr',
        'stage',
        'health',
        'sectorIds',
        'countryCodes',
        'version',
        'archivedAt',
      ]),
    );
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/initiatives'].get.security).toEqual([{ cookieAuth: [] }, { bearerAuth: [] }]);
  });

  it('should serve Swagger UI at /api/docs with its assets', async () => {
    const page = await t.http.get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui-bundle.js');
    await t.http
      .get('/api/docs/swagger-ui-bundle.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await t.http.get('/api/docs/init.js').expect(200);
    await t.http.get('/api/docs/package.json').expect(404);
  });
});
