import type { ProposalDraft } from '@rabta/intake';
import { attachToExisting } from './intake-attach';
import type { IntakeRepository } from './intake.repository';

const quote = { start: 0, end: 10, text: 'the quote' };
const draft = (kind: ProposalDraft['kind'], data: Record<string, unknown>): ProposalDraft => ({
  kind,
  confidence: 0.9,
  quote,
  data,
});

/** The records the attach step looks for, in memory. */
function repo(world: {
  accepted?: { kind: string; data: Record<string, unknown>; resultResource: string; resultId: number }[];
  engagements?: { id: number; date: string; participants: number[]; placeEn?: string }[];
  milestones?: { id: number; plannedDate: string }[];
  stageSetter?: number;
}): IntakeRepository {
  return {
    acceptedForSources: async () => world.accepted ?? [],
    engagementsOn: async (date: string) =>
      (world.engagements ?? [])
        .filter((e) => e.date === date)
        .map((e) => ({
          id: e.id,
          placeEn: e.placeEn ?? null,
          placeUr: null,
          forumName: null,
          participants: e.participants.map((personId) => ({ personId })),
          initiatives: [],
        })),
    agreementsOn: async () => [],
    milestone: async (id: number) => {
      const m = (world.milestones ?? []).find((x) => x.id === id);
      return m ? { id, initiativeId: 1, plannedDate: new Date(`${m.plannedDate}T00:00:00Z`), version: 1 } : null;
    },
    stageSetter: async () => world.stageSetter ?? null,
  } as unknown as IntakeRepository;
}

describe(attachToExisting.name, () => {
  it("should turn a related article's engagement into more evidence for the one its review created", async () => {
    const out = await attachToExisting(
      repo({
        accepted: [
          { kind: 'engagement', data: { startDate: '2025-07-10' }, resultResource: 'engagements', resultId: 7 },
        ],
      }),
      [draft('engagement', { startDate: '2025-07-10', participantIds: [1, 2] })],
      { relatedSourceIds: [3] },
    );
    expect(out).toEqual([
      { kind: 'evidence', confidence: 0.9, quote, data: { engagementId: 7, quote: 'the quote' }, mentions: [] },
    ]);
  });

  it('should attach to a meeting recorded by hand on the same day with one of the same people', async () => {
    const world = repo({ engagements: [{ id: 4, date: '2025-07-10', participants: [2, 9] }] });
    const [same] = await attachToExisting(
      world,
      [draft('engagement', { startDate: '2025-07-10', participantIds: [2] })],
      {
        relatedSourceIds: [],
      },
    );
    expect(same.data).toEqual({ engagementId: 4, quote: 'the quote' });
    const [other] = await attachToExisting(
      world,
      [draft('engagement', { startDate: '2025-07-10', participantIds: [5] })],
      {
        relatedSourceIds: [],
      },
    );
    expect(other.kind).toBe('engagement');
  });

  it('should keep apart two meetings in one city on one day with other counterparts', async () => {
    const world = repo({ engagements: [{ id: 4, date: '2025-07-10', participants: [2, 9], placeEn: 'Moscow' }] });
    const [other] = await attachToExisting(
      world,
      [draft('engagement', { startDate: '2025-07-10', participantIds: [5], placeEn: 'Moscow' })],
      { relatedSourceIds: [] },
    );
    expect(other.kind).toBe('engagement');
    // Nobody named on one side: the place decides.
    const [unnamed] = await attachToExisting(
      world,
      [draft('engagement', { startDate: '2025-07-10', participantIds: [], placeEn: 'Moscow' })],
      { relatedSourceIds: [] },
    );
    expect(unnamed.data).toEqual({ engagementId: 4, quote: 'the quote' });
    // A related article's two meetings of that day stay two.
    const out = await attachToExisting(
      repo({
        accepted: [
          {
            kind: 'engagement',
            data: { startDate: '2025-07-10', participantIds: [1, 2] },
            resultResource: 'engagements',
            resultId: 7,
          },
        ],
      }),
      [draft('engagement', { startDate: '2025-07-10', participantIds: [3] })],
      { relatedSourceIds: [3] },
    );
    expect(out[0].kind).toBe('engagement');
  });

  it('should make a date announced again evidence for the milestone, and a new date a ledger entry', async () => {
    const world = repo({ milestones: [{ id: 5, plannedDate: '2025-08-01' }] });
    const out = await attachToExisting(
      world,
      [
        draft('milestone_date', { milestoneId: 5, plannedDate: '2025-08-01' }),
        draft('milestone_date', { milestoneId: 5, plannedDate: '2025-09-01' }),
      ],
      { relatedSourceIds: [] },
    );
    expect(out.map((p) => p.kind)).toEqual(['evidence', 'milestone_date']);
  });

  it('should cite the article for the stage change already recorded, and drop a person a related review created', async () => {
    const out = await attachToExisting(
      repo({
        stageSetter: 12,
        accepted: [{ kind: 'new_person', data: { nameUr: 'سیف انجم' }, resultResource: 'people', resultId: 8 }],
      }),
      [
        draft('status_change', { initiativeId: 1, toStage: 'agreement_signed' }),
        draft('new_person', { nameUr: 'سيف انجم' }),
      ],
      { relatedSourceIds: [3] },
    );
    expect(out).toEqual([
      expect.objectContaining({ kind: 'evidence', data: { statusUpdateId: 12, quote: 'the quote' } }),
    ]);
  });

  it('should keep the more confident of two proposals that now cite the article for the same record', async () => {
    const out = await attachToExisting(
      repo({}),
      [
        { ...draft('evidence', { initiativeId: 1 }), confidence: 0.6 },
        { ...draft('evidence', { initiativeId: 1 }), confidence: 0.95 },
        draft('evidence', { initiativeId: 2 }),
      ],
      { relatedSourceIds: [] },
    );
    expect(out.map((p) => [p.data.initiativeId, p.confidence])).toEqual([
      [1, 0.95],
      [2, 0.9],
    ]);
  });
});
