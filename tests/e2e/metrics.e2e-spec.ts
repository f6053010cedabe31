import { signedInUser, type SignedInUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitForReport } from './reports/support';

// GET /api/metrics: Prometheus text for admins or the bearer METRICS_TOKEN, 401 for anyone else; the request
// histogram is labelled by route template, and report jobs, the pool, the queue and the process are there.

const TOKEN = 'metrics-token-for-the-e2e-test';

describe('GET /api/metrics', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let analyst: SignedInUser;
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
    admin = await signedInUser(t, { role: 'admin' });
    analyst = await signedInUser(t, { role: 'analyst' });
  });
  afterAll(() => t.close());

  it('should refuse anyone but an admin or the metrics token with 401', async () => {
    for (const req of [
      t.http.get('/api/metrics'),
      t.http.get('/api/metrics').set('Cookie', analyst.cookie),
      t.http.get('/api/metrics').set('Authorization', 'Bearer not-the-metrics-token'),
      t.http.get('/api/metrics').set('Authorization', `Bearer ${TOKEN}x`),
    ]) {
      const res = await req.expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(res.text).not.toContain('rabta_http_request_duration_seconds');
    }
    await t.http.get('/api/metrics').set('Cookie', admin.cookie).expect(200);
  });

  it('should serve the Prometheus text format with requests by route template, the pool, jobs and the process', async () => {
    await t.http.get('/api/organizations/999999').set('Cookie', admin.cookie).expect(404);
    const report = await t.http
      .post('/api/reports')
      .set('Cookie', admin.cookie)
      .send({ kind: 'portfolio', params: {}, format: 'csv', language: 'en' })
      .expect(202);
    expect((await waitForReport(t, admin.cookie, report.body.id)).status).toBe('done');
    // An article in Urdu, pasted, and one as an HTML page: their steps are timed.
    const urdu = 'وزیر اعظم نے پیر کو کراچی میں اسٹیل مل کے منصوبے پر روسی وفد سے ملاقات کی۔';
    await t.http
      .post('/api/intake')
      .set('Cookie', admin.cookie)
      .send({ text: urdu, publishedAt: '2025-07-14', publisher: 'Metrics Test' })
      .expect(201);
    await t.http
      .post('/api/intake')
      .set('Cookie', admin.cookie)
      .send({
        html: '<html><head><title>Rail link</title></head><body><article><p>The Uzbekistan–Afghanistan–Pakistan rail link was discussed in Tashkent on Monday by the three governments.</p></article></body></html>',
        publishedAt: '2025-07-14',
        publisher: 'Metrics Test',
      })
      .expect(201);

    const res = await t.http.get('/api/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(text).toMatch(
      /rabta_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/api\/organizations\/:id",status="404"\} 1/,
    );
    expect(text).not.toMatch(/route="[^"]*999999/);
    expect(text).toMatch(/rabta_report_job_duration_seconds_count\{kind="portfolio",format="csv",outcome="done"\} 1/);
    expect(text).toMatch(/rabta_intake_duration_seconds_count\{step="analyse",language="ur"\} 1/);
    expect(text).toMatch(/rabta_intake_duration_seconds_count\{step="analyse",language="en"\} 1/);
    expect(text).toMatch(/rabta_intake_duration_seconds_count\{step="extract",language=""\} 1/);
    expect(text).toMatch(/rabta_intake_duration_seconds_count\{step="gazetteer",language=""\} [1-9]/);
    expect(text).toMatch(/rabta_report_jobs\{state="queued"\} \d+/);
    for (const name of [
      'rabta_db_pool_connections_in_use',
      'rabta_db_pool_connections_idle',
      'rabta_db_pool_waiting',
      'rabta_database_up 1',
      'nodejs_eventloop_lag_p99_seconds',
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
    ])
      expect(text).toContain(name);
  });
});
