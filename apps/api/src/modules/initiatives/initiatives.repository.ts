import { Injectable } from '@nestjs/common';
import type { Health, InitiativeStage } from '@rabta/domain';
import type { Db } from '../../common/resource/resource';

// The initiative's status history as the write side reads it (back-dated status updates). Reads of initiatives in
// the present or as of a view go through common/as-of/initiatives.as-of.ts.

@Injectable()
export class InitiativesRepository {
  /** The stage and health in force at a moment, from every recorded status update (for back-dated updates). */
  async stateAt(
    tx: Db,
    initiativeId: number,
    at: Date,
  ): Promise<{ stage: InitiativeStage | null; health: Health | null }> {
    const rows = await tx.$queryRaw<{ stage: InitiativeStage | null; health: Health | null }[]>`
      SELECT
        (SELECT to_stage FROM status_updates WHERE initiative_id = ${initiativeId} AND to_stage IS NOT NULL AND effective_at <= ${at}
          ORDER BY effective_at DESC, recorded_at DESC, id DESC LIMIT 1) AS stage,
        (SELECT to_health FROM status_updates WHERE initiative_id = ${initiativeId} AND to_health IS NOT NULL AND effective_at <= ${at}
          ORDER BY effective_at DESC, recorded_at DESC, id DESC LIMIT 1) AS health`;
    return rows[0];
  }

  /** Whether a later status update (by effective time) has already set the stage / the health. */
  async laterUpdates(tx: Db, initiativeId: number, at: Date): Promise<{ stage: boolean; health: boolean }> {
    const rows = await tx.$queryRaw<{ stage: boolean; health: boolean }[]>`
      SELECT bool_or(to_stage IS NOT NULL) AS stage, bool_or(to_health IS NOT NULL) AS health
      FROM status_updates WHERE initiative_id = ${initiativeId} AND effective_at > ${at}`;
    return { stage: rows[0]?.stage ?? false, health: rows[0]?.health ?? false };
  }
}
