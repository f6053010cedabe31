import type { Prisma } from '@rabta/db';
import type { View } from './view';

// Evidence in a view is dated by its source's publication: it counts once its source was published (by the view's
// day) and once Rabta recorded it (by the view's knownAt). The initiative's last evidence (initiatives.as-of.ts)
// reads the same two conditions in SQL.

/** Prisma: the evidence a view holds. */
export function evidenceInView(view: View): Prisma.EvidenceWhereInput {
  if (!view) return {};
  // publishedOn is the source's publishedAt, kept beside the evidence (prisma/schema.prisma).
  return { recordedAt: { lte: view.knownAt }, publishedOn: { lte: new Date(`${view.day}T00:00:00.000Z`) } };
}
