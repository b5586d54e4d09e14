// Registering a resident, confirming their phone, changing their password. The mobile number is
// claimed first on its own stream (phone.ts); dates ("today") come from the handler's clock, so
// that deciding stays pure.
import { refuse } from '../../shared/errors.ts';
import type { PersonalData, ResidentEventData, ResidentEventOf } from '../events.ts';
import type { CommunityTie, ResidentState, ResidentStreamEvent } from '../state.ts';
import { refuseForgotten, requireActive } from './rules.ts';
import { tieDeclared, type TieDeclaration } from './ties.ts';

export type RegistrationData = Omit<
  ResidentEventData<'ResidentRegistered'>,
  'personal' | 'personalForgotten'
> & { personal: PersonalData };

export interface RegisterResident {
  type: 'RegisterResident';
  data: RegistrationData;
  /** At least one: people register to take part in a community. */
  ties: TieDeclaration[];
  /** YYYY-MM-DD. */
  today: string;
}

export interface ConfirmPhone {
  type: 'ConfirmPhone';
  data: { residentId: string };
}

export interface ChangePassword {
  type: 'ChangePassword';
  data: ResidentEventData<'PasswordChanged'>;
}

export function registerResident(
  command: RegisterResident,
  state: ResidentState,
): ResidentStreamEvent[] {
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
      `出生年份 ${data.birthYear} 还没有到来，请检查。`,
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
      '代为登记居民时，须记录本人同意收集和使用其个人信息。',
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
    const event = tieDeclared(data.residentId, tie, declared);
    declared.push({ ...event.data, status: 'declared', declaredBy: event.data.declaredBy });
    events.push(event);
  }
  return events;
}

export function confirmPhone(
  command: ConfirmPhone,
  state: ResidentState,
): ResidentEventOf<'PhoneConfirmed'>[] {
  const resident = requireActive(state, command.data.residentId);
  // Confirming twice (a code submitted twice) changes nothing.
  return resident.phoneConfirmed ? [] : [{ type: 'PhoneConfirmed', data: command.data }];
}

export function changePassword(
  command: ChangePassword,
  state: ResidentState,
): ResidentEventOf<'PasswordChanged'>[] {
  requireActive(state, command.data.residentId);
  return [{ type: 'PasswordChanged', data: command.data }];
}
