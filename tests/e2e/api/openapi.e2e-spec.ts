import { ApiErrorSchema } from '@rabta/domain';
import { startTestApp, type TestApp } from '../../support/test-app';
import { signedInUser } from '../../support/auth';

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

  it('should describe the error answers as they are, keyed field errors included', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body;
    const error = doc.components.schemas.Error;
    expect(error.required).toEqual(expect.arrayContaining(['statusCode', 'code', 'message']));
    expect(error.properties.code.enum).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'VERSION_CONFLICT']));
    expect(error.properties.fieldErrors.additionalProperties.required).toEqual(['key', 'params', 'message']);
    expect(doc.paths['/api/initiatives'].post.responses['400'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });

    // A real refusal parses with the schema the document was made from.
    const { cookie } = await signedInUser(t, { role: 'admin' });
    const res = await t.http
      .post('/api/initiatives')
      .set('Cookie', cookie)
      .send({ titleEn: 'x'.repeat(5_000) });
    expect(res.status).toBe(400);
    const body = ApiErrorSchema.parse(res.body);
    expect(body.fieldErrors?.titleEn).toEqual(
      expect.objectContaining({ key: expect.stringMatching(/^validation\./), message: body.errors?.titleEn }),
    );
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
