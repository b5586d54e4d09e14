// One line per event, in both interface languages, for messages that say what changed
// (e.g. a 409 after somebody else renamed the community a form was showing).
import type { LocalizedText } from '../shared/errors.ts';
import type { OrganisationEvent } from './events.ts';

const kindZh = { urban: '社区', village: '村' } as const;
const kindEn = { urban: 'community', village: 'village' } as const;

export function describeOrganisationEvent(event: OrganisationEvent): LocalizedText {
  switch (event.type) {
    case 'CityRegistered':
      return {
        'zh-CN': `登记了城市「${event.data.name}」`,
        en: `registered the city “${event.data.nameEn}”`,
      };
    case 'StreetRegistered':
      return {
        'zh-CN': `登记了街道「${event.data.name}」`,
        en: `registered the street “${event.data.name}”`,
      };
    case 'StreetRenamed':
      return {
        'zh-CN': `街道「${event.data.previousName}」更名为「${event.data.name}」`,
        en: `renamed the street “${event.data.previousName}” to “${event.data.name}”`,
      };
    case 'StreetClosed':
      return { 'zh-CN': '撤销了该街道', en: 'closed the street' };
    case 'CommunityRegistered':
      return {
        'zh-CN': `登记了${kindZh[event.data.kind]}「${event.data.name}」`,
        en: `registered the ${kindEn[event.data.kind]} “${event.data.name}”`,
      };
    case 'CommunityRenamed':
      return {
        'zh-CN': `「${event.data.previousName}」更名为「${event.data.name}」`,
        en: `renamed “${event.data.previousName}” to “${event.data.name}”`,
      };
    case 'CommunityClosed':
      return { 'zh-CN': '撤销了该社区或村', en: 'closed the community' };
    case 'LoginNameClaimed':
      return {
        'zh-CN': `登录名「${event.data.loginName}」被占用`,
        en: `claimed the login name “${event.data.loginName}”`,
      };
    case 'StaffAccountCreated':
      return {
        'zh-CN': `创建了账号「${event.data.loginName}」`,
        en: `created the account “${event.data.loginName}”`,
      };
    case 'StaffPasswordChanged':
      return { 'zh-CN': '更改了密码', en: 'changed the password' };
    case 'StaffAccountDeactivated':
      return { 'zh-CN': '停用了账号', en: 'deactivated the account' };
    case 'RoleGranted':
      return {
        'zh-CN': `授予了角色 ${event.data.role}`,
        en: `granted the role ${event.data.role}`,
      };
    case 'RoleRevoked':
      return {
        'zh-CN': `撤销了角色 ${event.data.role}`,
        en: `revoked the role ${event.data.role}`,
      };
  }
}
