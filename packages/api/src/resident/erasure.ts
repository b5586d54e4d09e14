// A worker's erasure (注销) of a resident, on the resident's written request. A grave act, so a
// workflow: a community worker of a community where the resident has a verified tie requests it
// (with the request's register number); the resident is told; a second person (another worker
// of that community or an officer of its street, never the requester) confirms it; the server
// destroys the keys once the delay after confirmation has passed (`carryOutDueErasures`). Until
// then the requester, the community's workers, the street's officers or the resident can stop
// it, with a reason. The resident's own "forget me" (router.ts) stays immediate.
import { z } from 'zod';
import { DomainError, idSchema, writtenRequestRefSchema } from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listErasuresToCarryOut,
  listPendingErasures,
  markErasureDone,
} from '@gongzhi/projections/resident';
import { communityStaff } from '../access.ts';
import { writerFor, type Writer } from '../commands.ts';
import { now, type ApiServices } from '../context.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import * as commands from './commands.ts';
import { me, offlineFor, textSchema } from './procedure-helpers.ts';

/** How long after confirmation an erasure is carried out, unless a service setting says else. */
export const DEFAULT_ERASURE_DELAY_MS = 24 * 60 * 60 * 1000;

/** Who confirms and stops a worker's erasure: workers of its community, officers of its street. */
const secondPersons = (zh: string, en: string) =>
  communityStaff(['community_worker', 'street_officer'], { 'zh-CN': zh, en });

const anErasure = { communityId: idSchema, residentId: idSchema, erasureId: idSchema };

export const erasureProcedures = {
  /** A worker requests the erasure of a resident of their community, on a written request. */
  requestErasure: procedure(
    communityStaff(['community_worker'], {
      'zh-CN': '依书面申请申请注销居民信息',
      en: 'request a resident’s erasure',
    }),
    z.object({
      communityId: idSchema,
      residentId: idSchema,
      writtenRequestRef: writtenRequestRefSchema,
    }),
  ).mutation(async ({ ctx, input }) => {
    const erasureId = uuidv7();
    const result = await commands.erasureStep(offlineFor(ctx, input.residentId), {
      type: 'RequestErasure',
      data: { ...input, erasureId, requestedBy: me(ctx).accountId },
    });
    return { erasureId, ...written(result) };
  }),

  /** Erasures requested or confirmed in the community, for the second person and the street. */
  pendingErasures: procedure(
    secondPersons('查看待确认的注销申请', 'see the erasures awaiting confirmation'),
    z.object({ communityId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const pending = await listPendingErasures(ctx.services.readModels.db, input.communityId);
    const accountId = me(ctx).accountId;
    return {
      erasures: pending.map((erasure) => ({
        erasureId: erasure.erasureId,
        residentId: erasure.residentId,
        name: erasure.name,
        phoneMasked: erasure.phoneMasked,
        writtenRequestRef: erasure.writtenRequestRef,
        requestedAt: erasure.requestedAt,
        requestedByMe: erasure.requestedBy === accountId,
        confirmed: erasure.status === 'confirmed',
        dueAt: erasure.dueAt,
        mayConfirm: erasure.status === 'requested' && erasure.requestedBy !== accountId,
      })),
    };
  }),

  /** A second person confirms: the keys go once the delay has passed, unless stopped. */
  confirmErasure: procedure(
    secondPersons('确认注销居民信息', 'confirm a resident’s erasure'),
    z.object(anErasure),
  ).mutation(async ({ ctx, input }) => {
    const delay = ctx.services.residents.erasureDelayMs ?? DEFAULT_ERASURE_DELAY_MS;
    const dueAt = new Date(now(ctx).getTime() + delay).toISOString();
    const result = await commands.erasureStep(offlineFor(ctx, input.residentId), {
      type: 'ConfirmErasure',
      data: { ...input, confirmedBy: me(ctx).accountId, dueAt },
    });
    return { dueAt, ...written(result) };
  }),

  /** The requester, a worker of the community or an officer of its street stops it. */
  stopErasure: procedure(
    secondPersons('停止注销居民信息', 'stop a resident’s erasure'),
    z.object({ ...anErasure, reason: textSchema }),
  ).mutation(async ({ ctx, input }) => {
    const { communityId, residentId, erasureId, reason } = input;
    return written(
      await commands.erasureStep(offlineFor(ctx, residentId), {
        type: 'StopErasure',
        data: { residentId, erasureId, stoppedBy: me(ctx).accountId, reason },
        communityId,
      }),
    );
  }),

  /** I stop an erasure of my data that a worker requested. */
  stopMyErasure: procedure(
    'resident',
    z.object({ erasureId: idSchema, reason: textSchema }),
  ).mutation(async ({ ctx, input }) => {
    const residentId = me(ctx).accountId;
    return written(
      await commands.erasureStep(writerFor(ctx), {
        type: 'StopErasure',
        data: {
          residentId,
          erasureId: input.erasureId,
          stoppedBy: residentId,
          reason: input.reason,
        },
      }),
    );
  }),
};

/**
 * Carries out the confirmed erasures whose time has come, and finishes any cut short (the event
 * written, the key not yet deleted). Run by the server every little while; each erasure is
 * idempotent, so two runs racing or a run after a crash do no harm. An erasure stopped in the
 * meantime is refused by the domain and left alone. Returns how many were finished.
 */
export async function carryOutDueErasures(services: ApiServices): Promise<number> {
  const at = services.now?.() ?? new Date();
  const db = services.readModels.db;
  let done = 0;
  for (const erasure of await listErasuresToCarryOut(db, at.toISOString())) {
    const w: Writer = {
      store: services.store,
      readModels: services.readModels,
      metadata: {
        actor: 'system',
        onBehalfOf: erasure.residentId,
        channel: 'system',
        correlationId: `erasure-${erasure.erasureId}`,
        occurredAt: at.toISOString(),
      },
    };
    try {
      await commands.forgetResident(w, commands.erasureServices(services), {
        type: 'ExecuteErasure',
        data: { residentId: erasure.residentId, erasureId: erasure.erasureId },
        now: at.toISOString(),
      });
    } catch (error) {
      // Stopped after the read model listed it: nothing to do, the list drops it soon.
      if (error instanceof DomainError) continue;
      throw error;
    }
    await markErasureDone(db, erasure.erasureId, at.toISOString());
    done++;
  }
  return done;
}
