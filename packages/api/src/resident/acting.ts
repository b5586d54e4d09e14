// Acting for a resident. Modules where residents take part (proposing, voting) ask `actingFor`
// who the caller may act for, and stamp the answer on the events they write: the resident
// themselves (online), a relative holding an active proxy with that power (proxy), or a
// community worker recording what the resident asked in person (offline). A worker reaches a
// resident only through a verified tie to a community the worker's grant covers: a tie the
// worker declared is verified by someone else (the domain's four eyes), so no worker reaches a
// resident of another community on their own.
import { hasGrant } from '@gongzhi/auth';
import {
  isProxyActive,
  say,
  type LocalizedText,
  type ProxyPower,
  type ResidentState,
} from '@gongzhi/domain';
import type { Channel } from '@gongzhi/eventstore';
import { readState } from '../commands.ts';
import { today as todayOf, type Context } from '../context.ts';
import { ApiRefusal } from '../trpc.ts';
import { residentRecord } from './commands.ts';

export interface Acting {
  /** Who does it: the signed-in account. */
  actor: string;
  /** The resident it is done for, when that is not the actor. */
  onBehalfOf: string | undefined;
  channel: Extract<Channel, 'online' | 'proxy' | 'offline'>;
}

const powerText: Record<ProxyPower, LocalizedText> = {
  propose: { 'zh-CN': '提议', en: 'propose' },
  vote: { 'zh-CN': '投票', en: 'vote' },
};

/**
 * Whether the signed-in caller may `power` for `residentId`, and as what; refuses (401, 403)
 * otherwise. A proxy must be active today (Beijing time) and its grantor not forgotten. A
 * community worker acts offline for a resident with a verified tie to a community their grant
 * covers: `place` (the community the act is about) when given, else any such community.
 */
export async function actingFor(
  ctx: Context,
  residentId: string,
  power: ProxyPower,
  place?: { communityId: string },
): Promise<Acting> {
  const { account } = ctx;
  // Access declarations keep anonymous callers out before a procedure runs.
  if (!account) throw new Error('actingFor needs a signed-in caller: declare the procedure so');
  if (account.kind === 'resident' && account.accountId === residentId) {
    return { actor: residentId, onBehalfOf: undefined, channel: 'online' };
  }
  const today = todayOf(ctx);
  // The resident's own stream decides, never the read model: a proxy granted or revoked a moment
  // ago counts as it stands now, however far the read models lag, and so do the ties.
  const { state: resident } = await readState(ctx.services.store, residentRecord(residentId));
  if (resident.status === 'active') {
    const proxied = resident.proxies.some(
      (p) =>
        p.granteeAccountId === account.accountId &&
        p.powers.includes(power) &&
        isProxyActive(p, today),
    );
    if (proxied) return { actor: account.accountId, onBehalfOf: residentId, channel: 'proxy' };
    if (account.kind === 'staff' && workerReaches(ctx, resident, place)) {
      return { actor: account.accountId, onBehalfOf: residentId, channel: 'offline' };
    }
  }
  const what = powerText[power];
  throw new ApiRefusal(
    'FORBIDDEN',
    'not_acting_for',
    {
      'zh-CN': `您不能代该居民${what['zh-CN']}：需要本人操作、本人委托的有效代办，或由居民经核实所在社区的社区工作者代为录入。`,
      en: `You may not ${what.en} for this resident: it takes the resident, a proxy they granted that is still in force, or a community worker of a community their tie to was verified in.`,
    },
    ctx.locale,
  );
}

/** Naming whom a signed-in caller who is not a resident acts for, per power. */
const residentToActFor: Record<ProxyPower, LocalizedText> = {
  propose: say(
    '请用居民账号办理，或指明您代办的居民。',
    'Sign in as a resident, or name the resident you act for.',
  ),
  vote: say(
    '请用居民账号投票，或指明您代为投票的居民。',
    'Sign in as a resident to vote, or name the resident you vote for.',
  ),
};

/** Where a worker's act for a resident goes instead, per power: it checks what the resident asks. */
const workerEntry: Record<ProxyPower, { code: string; message: LocalizedText }> = {
  propose: {
    code: 'offline_entry_required',
    message: say(
      '社区工作者代居民录入建议，请使用“线下录入”，以便核对是否重复录入。',
      'Community workers enter a resident’s proposal through offline entry, which checks for repeated entries.',
    ),
  },
  vote: {
    code: 'paper_entry_required',
    message: say(
      '社区工作者请通过纸质选票批量录入代居民投票。',
      'Community workers enter residents’ paper ballots through paper-ballot batches.',
    ),
  },
};

/**
 * Who the caller acts for in a resident's own act (proposing, voting): themselves (a resident),
 * or `forResidentId` through a proxy with the power. A worker's act for a resident is refused
 * here: it goes through offline entry (proposals) or paper batches (ballots).
 */
export async function actingAsResident(
  ctx: Context,
  forResidentId: string | undefined,
  power: ProxyPower,
  place: { communityId: string },
): Promise<Acting & { residentId: string }> {
  const account = ctx.account!;
  const residentId = forResidentId ?? (account.kind === 'resident' ? account.accountId : undefined);
  if (residentId === undefined) {
    throw new ApiRefusal('FORBIDDEN', 'not_acting_for', residentToActFor[power], ctx.locale);
  }
  const acting = await actingFor(ctx, residentId, power, place);
  if (acting.channel === 'offline') {
    const { code, message } = workerEntry[power];
    throw new ApiRefusal('FORBIDDEN', code, message, ctx.locale);
  }
  return { ...acting, residentId };
}

/**
 * A worker acting offline for `residentId` in `place`: refuses (403) unless the resident has a
 * verified tie to that community and the worker's grant covers it.
 */
export async function workerActingFor(
  ctx: Context,
  residentId: string,
  place: { communityId: string },
): Promise<Acting> {
  const { state: resident } = await readState(ctx.services.store, residentRecord(residentId));
  if (resident.status === 'active' && workerReaches(ctx, resident, place)) {
    return { actor: ctx.account!.accountId, onBehalfOf: residentId, channel: 'offline' };
  }
  throw new ApiRefusal(
    'FORBIDDEN',
    'not_acting_for',
    {
      'zh-CN': '只能代与本社区有经核实联系的居民办理。',
      en: 'You can act only for residents whose tie to this community has been verified.',
    },
    ctx.locale,
  );
}

/** Whether a verified tie of the resident's lies in `place` (if given) and in the worker's grant. */
function workerReaches(
  ctx: Context,
  resident: Exclude<ResidentState, { status: 'none' }>,
  place: { communityId: string } | undefined,
): boolean {
  const grants = ctx.account?.grants ?? [];
  return resident.ties.some(
    (tie) =>
      tie.status === 'verified' &&
      (place === undefined || tie.communityId === place.communityId) &&
      hasGrant(grants, 'community_worker', {
        type: 'community',
        communityId: tie.communityId,
        streetId: tie.streetId,
      }),
  );
}
