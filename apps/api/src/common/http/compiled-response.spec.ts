import { InitiativeSchema, MilestoneSchema, type Initiative, type Milestone } from '@rabta/domain';
import Fastify from 'fastify';
import { z } from 'zod';
import { serializationSchema } from './compiled-response';

const initiative: Initiative = {
  id: 7,
  code: 'PK-RU-STEEL-KHI',
  titleEn: 'New steel mill in Karachi "phase 2"',
  titleUr: 'کراچی میں نئی اسٹیل مل',
  summaryEn: null,
  summaryUr: 'خلاصہ\n',
  stage: 'agreement_signed',
  health: 'on_track',
  healthConfidence: null,
  priority: 'high',
  locationEn: 'Karachi',
  locationUr: null,
  startDate: '2025-05-13',
  targetDate: null,
  estimatedValue: 1250000.5,
  currency: 'USD',
  tags: ['steel', 'flagship'],
  sectorIds: [1, 3],
  countryCodes: ['PK', 'RU'],
  countries: [
    { code: 'PK', role: 'host' },
    { code: 'RU', role: 'partner' },
  ],
  leadOrganizationIds: [],
  focalPersonId: 5,
  version: 3,
  archivedAt: null,
  createdById: null,
  createdAt: '2025-07-11T08:30:00.000Z',
  updatedAt: '2025-07-11T08:30:00.000Z',
  iatiStatus: 1,
  lastEvidenceAt: '2025-07-11',
  stale: false,
  allowedNextStages: ['feasibility', 'implementation'],
};

const milestone: Milestone = {
  id: 3,
  initiativeId: 7,
  titleEn: 'Pilot cargo train',
  titleUr: null,
  kind: 'pilot',
  plannedDate: '2025-08-31',
  actualDate: null,
  state: 'planned',
  ownerOrganizationId: null,
  ownerPersonId: null,
  version: 1,
  createdAt: '2025-07-11T09:30:00.000Z',
  updatedAt: '2025-07-11T09:30:00.000Z',
  originalPlannedDate: '2025-08-31',
  slippageDays: null,
  reannouncements: 0,
  overdue: true,
  dateChanges: [
    {
      id: 1,
      milestoneId: 3,
      oldDate: null,
      newDate: '2025-08-31',
      announcedById: null,
      announcedOn: '2025-07-10',
      recordedAt: '2025-07-11T09:30:00.000Z',
      sourceId: 2,
      note: null,
      recordedById: null,
    },
  ],
};

describe('serializationSchema', () => {
  it.each([
    ['an initiative', InitiativeSchema, initiative],
    ['a page of initiatives', z.array(InitiativeSchema), [initiative, { ...initiative, id: 8, tags: [] }]],
    ['a milestone with its ledger', MilestoneSchema, milestone],
    ['a milestone without its ledger', MilestoneSchema, { ...milestone, dateChanges: undefined }],
  ])('should write %s exactly as JSON.stringify does', async (_what, schema: z.ZodType, value) => {
    // The way Nest's Fastify adapter serves a route with a response schema.
    const app = Fastify();
    app.get('/', { schema: { response: { 200: serializationSchema(schema) } } }, () => value);
    const res = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    expect(res.body).toBe(JSON.stringify(value));
  });

  it('should write with the compiled serializer: a field the schema does not name is left out', async () => {
    const app = Fastify();
    const route = { schema: { response: { 200: serializationSchema(InitiativeSchema) } } };
    app.get('/', route, () => ({ ...initiative, passwordHash: 'x' }));
    const res = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    expect(res.body).toBe(JSON.stringify(initiative));
  });

  it('should keep only the shape: nullable fields as type lists, no anyOf, formats or patterns', () => {
    const schema = serializationSchema(InitiativeSchema) as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.startDate).toEqual({ type: ['string', 'null'] });
    expect(JSON.stringify(schema)).not.toMatch(/anyOf|pattern|format|required/);
  });
});
