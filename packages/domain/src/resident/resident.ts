// A resident (居民): stream `resident-<residentId>`. Registration, phone confirmation, password,
// ties to communities, family proxies and "forget me" are all decided here; the state keeps no
// personal data, only what decisions need.
//
// Rules that span streams get what they need from the command handler:
// - the mobile number is claimed first on its own stream (see phone.ts);
// - a tie names a community that exists and is open: the handler folds the community's stream;
// - dates ("today") come from the handler's clock, so that deciding stays pure.
// Who may verify a tie (a worker of that community) is the API's authorization; that nobody
// decides their own tie, and that a worker who declared a tie for a resident does not verify it
// too (four eyes), are rules here.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import type { CommunityState } from '../organisation/community.ts';
import {
  decideErasure,
  evolveErasure,
  type ErasureCommand,
  type PendingErasure,
} from './erasure.ts';
import type {
  PersonalData,
  ProxyPower,
  ResidentEvent,
  ResidentEventData,
  ResidentEventOf,
  TieConsent,
  TieKind,
} from './events.ts';

/**
 * `unconfirmed`: a worker declared it and the resident has still to confirm it (or `declined`
 * it); `declared`: awaiting a worker's verification.
 */
export type TieStatus = 'unconfirmed' | 'declined' | 'declared' | 'verified' | 'rejected';

export interface CommunityTie {
  tieId: string;
  communityId: string;
  streetId: string;
  kind: TieKind;
  status: TieStatus;
  /** The worker who declared it for the resident; undefined when the resident did. */
  declaredBy: string | undefined;
}

export interface ProxyGrant {
  proxyId: string;
  granteeAccountId: string;
  powers: ProxyPower[];
  /** Last day it may act, inclusive; undefined = until revoked. */
  until: string | undefined;
  revoked: boolean;
}

export type ResidentState =
  | { status: 'none' }
  | {
      status: 'active' | 'forgotten';
      residentId: string;
      phoneDigest: string;
      birthYear: number;
      channel: 'online' | 'offline';
      hasPassword: boolean;
      phoneConfirmed: boolean;
      ties: CommunityTie[];
      proxies: ProxyGrant[];
      /** A worker's erasure requested and not yet stopped or carried out. */
      erasure: PendingErasure | undefined;
    };

/** A tie to declare, with the community folded from its stream. */
export interface TieDeclaration {
  tieId: string;
  communityId: string;
  kind: TieKind;
  community: CommunityState;
  /** A worker declaring it for the resident, and how the resident agreed. */
  declaredFor?: { by: string; consent: TieConsent };
}

export type RegistrationData = Omit<
  ResidentEventData<'ResidentRegistered'>,
  'personal' | 'personalForgotten'
> & { personal: PersonalData };

export type ResidentCommand =
  | {
      type: 'RegisterResident';
      data: RegistrationData;
      /** At least one: people register to take part in a community. */
      ties: TieDeclaration[];
      /** YYYY-MM-DD. */
      today: string;
    }
  | { type: 'ConfirmPhone'; data: { residentId: string } }
  | { type: 'ChangePassword'; data: ResidentEventData<'PasswordChanged'> }
  | {
      type: 'DeclareTie';
      data: { residentId: string } & Omit<TieDeclaration, 'community'>;
      community: CommunityState;
    }
  | {
      type: 'VerifyTie';
      data: { residentId: string; tieId: string; note: string; verifiedBy: string };
    }
  | {
      type: 'RejectTie';
      data: { residentId: string; tieId: string; reason: string; rejectedBy: string };
    }
  | {
      type: 'GrantProxy';
      data: ResidentEventData<'ProxyGranted'>;
      /** YYYY-MM-DD. */
      today: string;
    }
  | { type: 'ConfirmTie' | 'DeclineTie'; data: { residentId: string; tieId: string } }
  | { type: 'RevokeProxy'; data: { residentId: string; proxyId: string } }
  /** The resident's own "forget me"; a worker's erasure is an ErasureCommand. */
  | { type: 'ForgetResident'; data: { residentId: string; requestedBy: 'self' } }
  | ErasureCommand;

export type ResidentStreamEvent = Exclude<
  ResidentEvent,
  ResidentEventOf<'PhoneClaimed' | 'PhoneReleased'>
>;

/** A proxy may act on `day` (YYYY-MM-DD) unless revoked or past its last day. */
export const isProxyActive = (proxy: Pick<ProxyGrant, 'until' | 'revoked'>, day: string): boolean =>
  !proxy.revoked && (proxy.until === undefined || day <= proxy.until);

const tieKindZh: Record<TieKind, string> = { lives: '居住', works: '工作', studies: '学习' };
const tieKindEn: Record<TieKind, string> = { lives: 'lives', works: 'works', studies: 'studies' };

type Registered = Exclude<ResidentState, { status: 'none' }>;

const mapTie = (
  state: ResidentState,
  tieId: string,
  change: Partial<CommunityTie>,
): ResidentState =>
  state.status === 'none'
    ? state
    : { ...state, ties: state.ties.map((t) => (t.tieId === tieId ? { ...t, ...change } : t)) };

export const residentDecider: Decider<ResidentCommand, ResidentStreamEvent, ResidentState> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    if (event.type === 'ResidentRegistered') {
      const { residentId, phoneDigest, birthYear, channel, passwordHash } = event.data;
      return {
        status: 'active',
        residentId,
        phoneDigest,
        birthYear,
        channel,
        hasPassword: passwordHash !== undefined,
        phoneConfirmed: false,
        ties: [],
        proxies: [],
        erasure: undefined,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PhoneConfirmed':
        return { ...state, phoneConfirmed: true };
      case 'PasswordChanged':
        return { ...state, hasPassword: true };
      case 'CommunityTieDeclared': {
        const { tieId, communityId, streetId, kind, declaredBy, consent } = event.data;
        const status = consent === 'awaiting_resident' ? 'unconfirmed' : 'declared';
        return {
          ...state,
          ties: [...state.ties, { tieId, communityId, streetId, kind, status, declaredBy }],
        };
      }
      case 'CommunityTieConfirmed':
        return mapTie(state, event.data.tieId, { status: 'declared' });
      case 'CommunityTieDeclined':
        return mapTie(state, event.data.tieId, { status: 'declined' });
      case 'ResidentErasureRequested':
      case 'ResidentErasureConfirmed':
      case 'ResidentErasureStopped':
        return { ...state, erasure: evolveErasure(state.erasure, event) };
      case 'CommunityTieVerified':
        return mapTie(state, event.data.tieId, { status: 'verified' });
      case 'CommunityTieRejected':
        return mapTie(state, event.data.tieId, { status: 'rejected' });
      case 'ProxyGranted': {
        const { proxyId, granteeAccountId, powers, until } = event.data;
        return {
          ...state,
          proxies: [...state.proxies, { proxyId, granteeAccountId, powers, until, revoked: false }],
        };
      }
      case 'ProxyRevoked':
        return {
          ...state,
          proxies: state.proxies.map((p) =>
            p.proxyId === event.data.proxyId ? { ...p, revoked: true } : p,
          ),
        };
      case 'ResidentForgotten':
        return { ...state, status: 'forgotten', erasure: undefined };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterResident': {
        if (state.status === 'forgotten') refuseForgotten();
        if (state.status === 'active') {
          return refuse(
            'conflict',
            'resident_exists',
            '该居民已经注册。',
            'This resident is already registered.',
          );
        }
        const { data, ties, today } = command;
        if (data.birthYear > Number(today.slice(0, 4))) {
          return refuse(
            'invalid',
            'birth_year_in_future',
            `出生年份 ${data.birthYear} 还没有到来,请检查。`,
            `The birth year ${data.birthYear} is still to come; please check it.`,
          );
        }
        if (data.channel === 'online' && data.passwordHash === undefined) {
          return refuse(
            'invalid',
            'password_required',
            '网上注册需要设置密码。',
            'Registering online needs a password.',
          );
        }
        if (data.channel === 'offline' && data.consent === undefined) {
          return refuse(
            'invalid',
            'consent_required',
            '代为登记居民时,须记录本人同意收集和使用其个人信息。',
            'Registering a resident on their behalf needs their recorded consent to the use of their personal data.',
          );
        }
        if (ties.length === 0) {
          return refuse(
            'invalid',
            'tie_required',
            '请至少选择一个您居住、工作或学习的社区。',
            'Choose at least one community where you live, work or study.',
          );
        }
        const events: ResidentStreamEvent[] = [{ type: 'ResidentRegistered', data }];
        const declared: CommunityTie[] = [];
        for (const tie of ties) {
          const event = declareTie(data.residentId, tie, declared);
          declared.push({ ...event.data, status: 'declared', declaredBy: event.data.declaredBy });
          events.push(event);
        }
        return events;
      }

      case 'ConfirmPhone': {
        const resident = requireActive(state, command.data.residentId);
        // Confirming twice (a code submitted twice) changes nothing.
        return resident.phoneConfirmed ? [] : [{ type: 'PhoneConfirmed', data: command.data }];
      }

      case 'ChangePassword':
        requireActive(state, command.data.residentId);
        return [{ type: 'PasswordChanged', data: command.data }];

      case 'DeclareTie': {
        const resident = requireActive(state, command.data.residentId);
        return [
          declareTie(
            resident.residentId,
            { ...command.data, community: command.community },
            resident.ties,
          ),
        ];
      }

      case 'ConfirmTie':
      case 'DeclineTie': {
        const { residentId, tieId } = command.data;
        const resident = requireActive(state, residentId);
        const tie = requireTie(resident, tieId);
        if (tie.status !== 'unconfirmed') {
          return refuse(
            'conflict',
            'tie_not_awaiting_resident',
            '这项社区联系不在等待您确认。',
            'This tie is not awaiting your confirmation.',
          );
        }
        const { communityId, streetId } = tie;
        const type =
          command.type === 'ConfirmTie' ? 'CommunityTieConfirmed' : 'CommunityTieDeclined';
        return [{ type, data: { residentId, tieId, communityId, streetId } }];
      }

      case 'VerifyTie': {
        const { residentId, tieId, note, verifiedBy } = command.data;
        const resident = requireActive(state, residentId);
        const tie = requireTie(resident, tieId);
        refuseOwnTie(resident, verifiedBy);
        if (tie.declaredBy === verifiedBy) {
          return refuse(
            'forbidden',
            'tie_declared_by_verifier',
            '这项社区联系是您代居民申报的，须由本社区另一位社区工作者或街道工作人员核实。',
            'You declared this tie for the resident; another worker of the community or an officer of its street has to verify it.',
          );
        }
        refuseUnconsented(tie);
        if (tie.status === 'verified') {
          return refuse(
            'conflict',
            'tie_already_verified',
            '这项社区联系已经核实过了。',
            'This tie to the community has already been verified.',
          );
        }
        if (tie.status === 'rejected') {
          return refuse(
            'conflict',
            'tie_rejected',
            '这项社区联系已被驳回,不能再核实;请居民重新申报。',
            'This tie was rejected and cannot be verified; the resident can declare it again.',
          );
        }
        const { communityId, streetId } = tie;
        return [
          {
            type: 'CommunityTieVerified',
            data: { residentId, tieId, communityId, streetId, verifiedBy, personal: { note } },
          },
        ];
      }

      case 'RejectTie': {
        const { residentId, tieId, reason, rejectedBy } = command.data;
        const resident = requireActive(state, residentId);
        const tie = requireTie(resident, tieId);
        refuseOwnTie(resident, rejectedBy);
        if (tie.status === 'rejected' || tie.status === 'declined') {
          return refuse(
            'conflict',
            'tie_already_rejected',
            '这项社区联系已经驳回过了。',
            'This tie to the community has already been rejected.',
          );
        }
        if (tie.status === 'verified') {
          return refuse(
            'conflict',
            'tie_already_verified',
            '这项社区联系已经核实,不能再驳回。',
            'This tie has already been verified and can no longer be rejected.',
          );
        }
        const { communityId, streetId } = tie;
        return [
          {
            type: 'CommunityTieRejected',
            data: { residentId, tieId, communityId, streetId, rejectedBy, personal: { reason } },
          },
        ];
      }

      case 'GrantProxy': {
        const { data, today } = command;
        const resident = requireActive(state, data.residentId);
        if (data.granteeAccountId === resident.residentId) {
          return refuse(
            'invalid',
            'proxy_to_self',
            '不能委托自己代办。',
            'You cannot grant a proxy to yourself.',
          );
        }
        if (data.until !== undefined && data.until < today) {
          return refuse(
            'invalid',
            'proxy_until_past',
            `代办截止日期 ${data.until} 已经过去,请选择今天或以后的日期。`,
            `The end date ${data.until} has passed; choose today or a later date.`,
          );
        }
        if (resident.proxies.some((p) => p.proxyId === data.proxyId)) {
          return refuse(
            'conflict',
            'proxy_id_taken',
            '这项代办委托已经存在。',
            'This proxy has already been granted.',
          );
        }
        if (
          resident.proxies.some(
            (p) => p.granteeAccountId === data.granteeAccountId && isProxyActive(p, today),
          )
        ) {
          return refuse(
            'conflict',
            'proxy_already_granted',
            '您已委托此人代办;如需修改,请先撤销原委托。',
            'This person already acts as your proxy; to change it, revoke that proxy first.',
          );
        }
        return [{ type: 'ProxyGranted', data }];
      }

      case 'RevokeProxy': {
        const { residentId, proxyId } = command.data;
        const resident = requireActive(state, residentId);
        const proxy = resident.proxies.find((p) => p.proxyId === proxyId);
        if (!proxy) {
          return refuse(
            'not_found',
            'proxy_not_found',
            '找不到这项代办委托。',
            'There is no such proxy.',
          );
        }
        if (proxy.revoked) {
          return refuse(
            'conflict',
            'proxy_already_revoked',
            '这项代办委托已经撤销。',
            'This proxy has already been revoked.',
          );
        }
        return [
          {
            type: 'ProxyRevoked',
            data: { residentId, proxyId, granteeAccountId: proxy.granteeAccountId },
          },
        ];
      }

      case 'ForgetResident':
        if (state.status === 'none') refuseUnknown(command.data.residentId);
        // Forgetting again changes nothing, so that the rest of the erasure (deleting the key,
        // releasing the number) can be retried after a failure.
        if (state.status === 'forgotten') return [];
        return [{ type: 'ResidentForgotten', data: command.data }];

      case 'ExecuteErasure':
        if (state.status === 'none') refuseUnknown(command.data.residentId);
        // Carried out already: the rest of the erasure can be retried, as above.
        if (state.status === 'forgotten') return [];
        return decideErasure(command, state);

      case 'RequestErasure':
      case 'ConfirmErasure':
      case 'StopErasure':
        return decideErasure(command, requireActive(state, command.data.residentId));
    }
  },
};

function declareTie(
  residentId: string,
  tie: TieDeclaration,
  existing: readonly CommunityTie[],
): ResidentEventOf<'CommunityTieDeclared'> {
  const { tieId, communityId, kind, community, declaredFor } = tie;
  if (community.status === 'none') {
    return refuse(
      'not_found',
      'community_not_found',
      `找不到社区或村(编号 ${communityId})。`,
      `There is no community or village with id ${communityId}.`,
    );
  }
  if (community.status === 'closed') {
    return refuse(
      'conflict',
      'community_closed',
      `「${community.name}」已撤销,不能再申报与它的联系。`,
      `“${community.name}” has been closed; ties to it can no longer be declared.`,
    );
  }
  if (existing.some((t) => t.tieId === tieId)) {
    return refuse(
      'conflict',
      'tie_id_taken',
      '这项社区联系已经申报过了。',
      'This tie has already been declared.',
    );
  }
  if (
    existing.some(
      (t) =>
        t.communityId === communityId &&
        t.kind === kind &&
        t.status !== 'rejected' &&
        t.status !== 'declined',
    )
  ) {
    return refuse(
      'conflict',
      'tie_exists',
      `您已申报在「${community.name}」${tieKindZh[kind]}。`,
      `You have already declared that you ${tieKindEn[kind]} in “${community.name}”.`,
    );
  }
  return {
    type: 'CommunityTieDeclared',
    data: {
      residentId,
      tieId,
      communityId,
      streetId: community.streetId,
      kind,
      ...(declaredFor && { declaredBy: declaredFor.by, consent: declaredFor.consent }),
    },
  };
}

/** A tie a worker declared and the resident has not agreed to cannot be verified. */
function refuseUnconsented(tie: CommunityTie): void {
  if (tie.status === 'unconfirmed') {
    refuse(
      'conflict',
      'tie_awaiting_resident',
      '这项社区联系由社区工作者代为申报，须先由居民本人确认，才能核实。',
      'A worker declared this tie for the resident; the resident has to confirm it before it can be verified.',
    );
  }
  if (tie.status === 'declined') {
    refuse(
      'conflict',
      'tie_declined',
      '居民本人已拒绝这项社区联系，不能核实。',
      'The resident declined this tie; it cannot be verified.',
    );
  }
}

function refuseForgotten(): never {
  return refuse(
    'not_found',
    'resident_forgotten',
    '该居民已应本人要求注销,不能再为其办理任何事项。',
    'This resident has been forgotten at their request; nothing more can be done for them.',
  );
}

function refuseUnknown(residentId: string): never {
  return refuse(
    'not_found',
    'resident_not_found',
    `找不到居民(编号 ${residentId})。`,
    `There is no resident with id ${residentId}.`,
  );
}

function requireActive(state: ResidentState, residentId: string): Registered {
  if (state.status === 'none') refuseUnknown(residentId);
  if (state.status === 'forgotten') refuseForgotten();
  return state;
}

function requireTie(resident: Registered, tieId: string): CommunityTie {
  const tie = resident.ties.find((t) => t.tieId === tieId);
  if (!tie) {
    return refuse(
      'not_found',
      'tie_not_found',
      '找不到这项社区联系申报。',
      'There is no such declared tie to a community.',
    );
  }
  return tie;
}

function refuseOwnTie(resident: Registered, workerId: string): void {
  if (workerId === resident.residentId) {
    refuse(
      'forbidden',
      'tie_own_decision',
      '不能核实或驳回自己的社区联系,请由其他社区工作者处理。',
      'You cannot decide on your own tie; another community worker has to.',
    );
  }
}
