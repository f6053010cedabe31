// Wire types of the endpoints outside react-admin's CRUD dialect, each the type of a schema of @rabta/domain (the
// one definition the API validates and documents with). Resource records come from the same package.
import type { z } from 'zod';
import type { AuthMe, CreateSourceSchema, CreateStatusUpdateSchema } from '@rabta/domain';

export type { Dashboard, Role, TimelineItem, TimelineType } from '@rabta/domain';

/** The signed-in user (GET /api/auth/me). */
export type Me = AuthMe;

/** What the status dialog sends (POST /api/initiatives/:id/status-updates). */
export type StatusUpdateInput = z.input<typeof CreateStatusUpdateSchema>;

/** What the status dialog sends to add a source (POST /api/sources). */
export type SourceInput = z.input<typeof CreateSourceSchema>;
