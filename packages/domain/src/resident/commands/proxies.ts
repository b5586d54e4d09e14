// Family proxies (代办): a resident lets another account propose or vote for them, until a day
// or until revoked; the API checks a proxy's powers when it acts.
import { refuse } from '../../shared/errors.ts';
import type { ResidentEventData, ResidentEventOf } from '../events.ts';
import { isProxyActive, type ResidentState } from '../state.ts';
import { requireActive } from './rules.ts';

export interface GrantProxy {
  type: 'GrantProxy';
  data: ResidentEventData<'ProxyGranted'>;
  /** YYYY-MM-DD. */
  today: string;
}

export interface RevokeProxy {
  type: 'RevokeProxy';
  data: { residentId: string; proxyId: string };
}

export function grantProxy(
  command: GrantProxy,
  state: ResidentState,
): ResidentEventOf<'ProxyGranted'>[] {
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
      `代办截止日期 ${data.until} 已经过去，请选择今天或以后的日期。`,
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
      '您已委托此人代办；如需修改，请先撤销原委托。',
      'This person already acts as your proxy; to change it, revoke that proxy first.',
    );
  }
  return [{ type: 'ProxyGranted', data }];
}

export function revokeProxy(
  command: RevokeProxy,
  state: ResidentState,
): ResidentEventOf<'ProxyRevoked'>[] {
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
