// How residents and their history read in pages, in both interface languages. The history of
// acts done for a resident (by a proxy or a worker) is described from these lines; none of them
// repeats personal data.
import type { LocalizedText } from '../shared/errors.ts';
import type { ResidentEvent, TieKind } from './events.ts';

/** Shown wherever a forgotten resident's name was: their past acts stay, their identity goes. */
export const formerResidentName: LocalizedText = { 'zh-CN': '已注销居民', en: 'Former resident' };

/**
 * Shows the first three and last four digits: 13812341234 → 138****1234. Read models keep only
 * this form. (The same rule as @gongzhi/auth's maskPhone, which may delegate here.)
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export const tieKindText: Record<TieKind, LocalizedText> = {
  lives: { 'zh-CN': '居住', en: 'lives' },
  works: { 'zh-CN': '工作', en: 'works' },
  studies: { 'zh-CN': '学习', en: 'studies' },
};

/** The tie kind as an English verb after "they" or "you" ("declared that you live in …"). */
export const tieKindVerbEn: Record<TieKind, string> = {
  lives: 'live',
  works: 'work',
  studies: 'study',
};

const powersText = (powers: readonly string[]): LocalizedText => ({
  'zh-CN': powers.map((p) => (p === 'vote' ? '投票' : '提议')).join('、'),
  en: powers.map((p) => (p === 'vote' ? 'voting' : 'proposing')).join(' and '),
});

export function describeResidentEvent(event: ResidentEvent): LocalizedText {
  switch (event.type) {
    case 'PhoneClaimed':
      return { 'zh-CN': '登记了手机号', en: 'claimed the mobile number' };
    case 'PhoneReleased':
      return { 'zh-CN': '释放了手机号', en: 'released the mobile number' };
    case 'ResidentRegistered':
      return event.data.channel === 'offline'
        ? {
            'zh-CN': '由社区工作者现场登记为居民',
            en: 'registered in person by a community worker',
          }
        : { 'zh-CN': '注册为居民', en: 'registered as a resident' };
    case 'PhoneConfirmed':
      return { 'zh-CN': '确认了手机号', en: 'confirmed the mobile number' };
    case 'PasswordChanged':
      return { 'zh-CN': '设置了新密码', en: 'set a new password' };
    case 'CommunityTieDeclared': {
      const kind = tieKindText[event.data.kind];
      return {
        'zh-CN': `申报在社区${kind['zh-CN']}`,
        en: `declared that they ${tieKindVerbEn[event.data.kind]} in the community`,
      };
    }
    case 'CommunityTieVerified':
      return { 'zh-CN': '社区联系已核实', en: 'the tie to the community was verified' };
    case 'CommunityTieRejected':
      return { 'zh-CN': '社区联系被驳回', en: 'the tie to the community was rejected' };
    case 'CommunityTieConfirmed':
      return {
        'zh-CN': '确认了社区工作者代为申报的社区联系',
        en: 'confirmed a tie a community worker declared for them',
      };
    case 'CommunityTieDeclined':
      return {
        'zh-CN': '拒绝了社区工作者代为申报的社区联系',
        en: 'declined a tie a community worker declared for them',
      };
    case 'ResidentErasureRequested':
      return {
        'zh-CN': `社区工作者依书面申请（编号 ${event.data.writtenRequestRef}）申请注销个人信息`,
        en: `a community worker requested erasure on written request ${event.data.writtenRequestRef}`,
      };
    case 'ResidentErasureConfirmed':
      return {
        'zh-CN': '注销申请已经第二人确认',
        en: 'the erasure was confirmed by a second person',
      };
    case 'ResidentErasureStopped':
      return { 'zh-CN': '注销申请已停止', en: 'the erasure was stopped' };
    case 'ProxyGranted': {
      const powers = powersText(event.data.powers);
      return {
        'zh-CN': `委托他人代办（${powers['zh-CN']}）`,
        en: `granted a proxy for ${powers.en}`,
      };
    }
    case 'ProxyRevoked':
      return { 'zh-CN': '撤销了代办委托', en: 'revoked a proxy' };
    case 'ResidentForgotten':
      return event.data.requestedBy === 'worker'
        ? { 'zh-CN': '依书面申请注销了个人信息', en: 'was forgotten on written request' }
        : { 'zh-CN': '本人注销了个人信息', en: 'asked to be forgotten' };
  }
}
