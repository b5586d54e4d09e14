// What a resident sees about themselves ("my profile"): their record with the phone masked,
// their ties and how each was decided, the proxies they granted and received, and every act
// someone else did for them. And how accounts are named in those lists.
import { formerResidentName, isProxyActive, type LocalizedText } from '@gongzhi/domain';
import type { SqlExecutor } from '@gongzhi/projections';
import { readCommunity, readStaffAccount } from '@gongzhi/projections/organisation';
import {
  listActsOnBehalf,
  listProxiesGranted,
  listProxiesReceived,
  listResidentTies,
  readPendingErasure,
  readResident,
  type ProxyRow,
} from '@gongzhi/projections/resident';
import { today as todayOf, type Context } from '../context.ts';
import type { Locale } from '../locale.ts';
import { describeEvent, readAct } from './acts.ts';
import { residentView } from './queries.ts';

export interface AccountLabel {
  accountId: string;
  kind: 'staff' | 'resident' | 'system' | 'unknown';
  /** The name to show: a staff member's, a resident's, or 已注销居民 once forgotten. */
  name: string | null;
  /** A resident's number as 138****1234. */
  phoneMasked: string | null;
}

const SYSTEM_NAME: LocalizedText = { 'zh-CN': '系统', en: 'System' };

/**
 * How an account appears in a list. `withResidentName: false` shows a resident by masked number
 * only: someone who typed a number to grant a proxy must not learn whose number it is.
 */
export async function labelAccount(
  db: SqlExecutor,
  accountId: string,
  locale: Locale,
  { withResidentName = true } = {},
): Promise<AccountLabel> {
  if (accountId === 'system') {
    return { accountId, kind: 'system', name: SYSTEM_NAME[locale], phoneMasked: null };
  }
  const staff = await readStaffAccount(db, accountId);
  if (staff) return { accountId, kind: 'staff', name: staff.displayName, phoneMasked: null };
  const resident = await readResident(db, accountId);
  if (!resident) return { accountId, kind: 'unknown', name: null, phoneMasked: null };
  if (resident.status === 'forgotten') {
    return { accountId, kind: 'resident', name: formerResidentName[locale], phoneMasked: null };
  }
  return {
    accountId,
    kind: 'resident',
    name: withResidentName ? resident.name : null,
    phoneMasked: resident.phoneMasked,
  };
}

function proxyView(proxy: ProxyRow, today: string) {
  return {
    proxyId: proxy.proxyId,
    powers: proxy.powers,
    until: proxy.until,
    grantedAt: proxy.grantedAt,
    revokedAt: proxy.revokedAt,
    active: isProxyActive(
      { until: proxy.until ?? undefined, revoked: proxy.revokedAt !== null },
      today,
    ),
  };
}

/** The resident's profile; undefined when the read model does not have them (yet). */
export async function readProfile(ctx: Context, residentId: string) {
  const { db } = ctx.services.readModels;
  const { locale } = ctx;
  const resident = await readResident(db, residentId);
  if (!resident) return undefined;
  const today = todayOf(ctx);

  // Both names, so that the page names a community in its language without the city's list.
  const communityNames = new Map<string, { name: string; nameEn: string | null }>();
  const communityNamed = async (communityId: string) => {
    if (!communityNames.has(communityId)) {
      const community = await readCommunity(db, communityId);
      communityNames.set(communityId, {
        name: community?.name ?? communityId,
        nameEn: community?.nameEn ?? null,
      });
    }
    return communityNames.get(communityId)!;
  };

  const ties = await Promise.all(
    (await listResidentTies(db, residentId)).map(async (tie) => {
      const community = await communityNamed(tie.communityId);
      return {
        tieId: tie.tieId,
        communityId: tie.communityId,
        communityName: community.name,
        communityNameEn: community.nameEn,
        streetId: tie.streetId,
        kind: tie.kind,
        /** `unconfirmed`: a worker declared it and it awaits my confirmation. */
        status: tie.status,
        declaredByWorker: tie.declaredBy !== null,
        note: tie.note,
        /** Why it was rejected, for the resident to read. */
        reason: tie.reason,
        declaredAt: tie.declaredAt,
        decidedAt: tie.decidedAt,
      };
    }),
  );

  const proxiesGranted = await Promise.all(
    (await listProxiesGranted(db, residentId)).map(async (proxy) => ({
      ...proxyView(proxy, today),
      grantee: await labelAccount(db, proxy.granteeAccountId, locale, {
        withResidentName: false,
      }),
    })),
  );
  const proxiesReceived = await Promise.all(
    (await listProxiesReceived(db, residentId)).map(async (proxy) => ({
      ...proxyView(proxy, today),
      grantor: await labelAccount(db, proxy.grantorId, locale),
    })),
  );

  const erasure = await readPendingErasure(db, residentId);
  const pendingErasure = erasure && {
    erasureId: erasure.erasureId,
    communityName: (await communityNamed(erasure.communityId)).name,
    writtenRequestRef: erasure.writtenRequestRef,
    requestedAt: erasure.requestedAt,
    confirmed: erasure.status === 'confirmed',
    /** When the keys go, once confirmed. */
    dueAt: erasure.dueAt,
  };

  return {
    resident: { ...residentView(resident), revision: resident.revision },
    ties,
    /** A worker's erasure of my data in progress, which I can stop. */
    pendingErasure: pendingErasure ?? null,
    proxiesGranted,
    proxiesReceived,
    actsOnMyBehalf: await listActsOnMyBehalf(ctx, residentId),
  };
}

/** How many acts done on the resident's behalf the profile shows, newest first. */
export const ACTS_SHOWN = 100;

/**
 * Acts others did for the resident, in any module, newest first: a relative's proposal, co-sign
 * or ballot as proxy, a worker's offline entry or on-the-spot registration, a worker deciding one
 * of their ties.
 */
export async function listActsOnMyBehalf(ctx: Context, residentId: string) {
  const { db } = ctx.services.readModels;
  const acts = await listActsOnBehalf(db, residentId, { limit: ACTS_SHOWN });
  const labels = new Map<string, Promise<AccountLabel>>();
  return Promise.all(
    acts.map(async (act) => {
      if (!labels.has(act.actor)) labels.set(act.actor, labelAccount(db, act.actor, ctx.locale));
      return {
        position: String(act.position),
        type: act.type,
        what: describeEvent(await readAct(ctx.services.store, act))[ctx.locale],
        by: await labels.get(act.actor)!,
        channel: act.channel,
        at: act.occurredAt,
      };
    }),
  );
}
