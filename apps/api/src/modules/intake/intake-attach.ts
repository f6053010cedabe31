import { normalizeText } from '@rabta/domain';
import type { ProposalDraft } from '@rabta/intake';
import type { IntakeRepository, NewIntake } from './intake.repository';

// A second report of a story must not record its events twice. Before proposals are stored, each one that
// describes a record Rabta already has — because a related article's accepted proposal created it, or because it
// was recorded by hand — becomes evidence for that record: the new source is cited, nothing is duplicated.

export type DraftProposal = NewIntake['proposals'][number];

type Data = Record<string, unknown>;
type Accepted = Awaited<ReturnType<IntakeRepository['acceptedForSources']>>[number];

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const nums = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && normalizeText(a) !== '' && normalizeText(a) === normalizeText(b);

function evidence(p: ProposalDraft, target: Data): DraftProposal {
  return {
    kind: 'evidence',
    confidence: p.confidence,
    quote: p.quote,
    data: { ...target, quote: p.quote.text },
    mentions: p.mentions ?? [],
  };
}

function acceptedResult(accepted: Accepted[], kind: string, matches: (d: Data) => boolean): number | null {
  const hit = accepted.find((a) => a.kind === kind && a.resultId !== null && matches((a.data ?? {}) as Data));
  return hit?.resultId ?? null;
}

async function attachOne(
  repo: IntakeRepository,
  p: ProposalDraft,
  accepted: Accepted[],
): Promise<DraftProposal | null> {
  const d = p.data as Data;
  switch (p.kind) {
    case 'engagement': {
      const date = typeof d.startDate === 'string' ? d.startDate : null;
      if (!date) break;
      // The same meeting: on the same day, with one of the same people when both name people (two meetings in
      // Moscow on one day with other counterparts are two), else at the same place or forum.
      const participants = new Set(nums(d.participantIds));
      const sameMeeting = (people: number[], placeEn: unknown, placeUr: unknown, forumName: unknown) =>
        participants.size > 0 && people.length > 0
          ? people.some((x) => participants.has(x))
          : same(placeEn, d.placeEn) || same(placeUr, d.placeUr) || same(forumName, d.forumName);
      const fromRelated = acceptedResult(
        accepted,
        'engagement',
        (a) =>
          a.startDate === date &&
          // A related review's engagement that says nothing more than its day is that day's meeting.
          ((nums(a.participantIds).length === 0 && !a.placeEn && !a.placeUr && !a.forumName) ||
            sameMeeting(nums(a.participantIds), a.placeEn, a.placeUr, a.forumName)),
      );
      if (fromRelated) return evidence(p, { engagementId: fromRelated });
      // Recorded by hand.
      const match = (await repo.engagementsOn(date)).find((e) =>
        sameMeeting(
          e.participants.map((x) => x.personId),
          e.placeEn,
          e.placeUr,
          e.forumName,
        ),
      );
      if (match) return evidence(p, { engagementId: match.id });
      break;
    }
    case 'agreement': {
      const date = typeof d.signedDate === 'string' ? d.signedDate : null;
      if (!date) break;
      const fromRelated = acceptedResult(
        accepted,
        'agreement',
        (a) => a.signedDate === date && (!d.kind || a.kind === d.kind),
      );
      if (fromRelated) return evidence(p, { agreementId: fromRelated });
      const initiatives = new Set(nums(d.initiativeIds));
      const match = (await repo.agreementsOn(date, typeof d.kind === 'string' ? d.kind : undefined)).find(
        (a) => initiatives.size === 0 || a.initiatives.some((i) => initiatives.has(i.initiativeId)),
      );
      if (match) return evidence(p, { agreementId: match.id });
      break;
    }
    case 'milestone_date': {
      const milestoneId = num(d.milestoneId);
      if (milestoneId) {
        const m = await repo.milestone(milestoneId);
        // The same date announced again: more evidence for the milestone, no new entry in its ledger.
        if (m && m.plannedDate?.toISOString().slice(0, 10) === d.plannedDate) return evidence(p, { milestoneId });
        break;
      }
      const fromRelated = acceptedResult(
        accepted,
        'milestone_date',
        (a) =>
          a.initiativeId === d.initiativeId &&
          a.plannedDate === d.plannedDate &&
          (same(a.titleEn, d.titleEn) || same(a.titleUr, d.titleUr)),
      );
      if (fromRelated) return evidence(p, { milestoneId: fromRelated });
      break;
    }
    case 'status_change': {
      const initiativeId = num(d.initiativeId);
      if (!initiativeId || typeof d.toStage !== 'string') break;
      // Already at that stage: the article is more evidence for the update that set it.
      const statusUpdateId = await repo.stageSetter(initiativeId, d.toStage);
      if (statusUpdateId) return evidence(p, { statusUpdateId });
      break;
    }
    case 'new_person': {
      const created = acceptedResult(
        accepted,
        'new_person',
        (a) => same(a.nameUr, d.nameUr) || same(a.nameEn, d.nameEn),
      );
      if (created) return null;
      break;
    }
  }
  return { kind: p.kind, confidence: p.confidence, quote: p.quote, data: d, mentions: p.mentions ?? [] };
}

/** The engine's proposals, with those that describe existing records turned into evidence for them. */
export async function attachToExisting(
  repo: IntakeRepository,
  drafts: readonly ProposalDraft[],
  options: { relatedSourceIds: number[] },
): Promise<DraftProposal[]> {
  const accepted = await repo.acceptedForSources(options.relatedSourceIds);
  const out: DraftProposal[] = [];
  const seen = new Map<string, number>();
  for (const draft of drafts) {
    const p = await attachOne(repo, draft, accepted);
    if (!p) continue;
    // Two proposals that now cite the source for the same record: keep the more confident.
    if (p.kind === 'evidence') {
      const key = ['initiativeId', 'milestoneId', 'engagementId', 'agreementId', 'statusUpdateId']
        .map((k) => String(p.data[k] ?? ''))
        .join('|');
      const at = seen.get(key);
      if (at !== undefined) {
        if (out[at].confidence < p.confidence) out[at] = p;
        continue;
      }
      seen.set(key, out.length);
    }
    out.push(p);
  }
  return out;
}
