// A body's commands: establishing it (with the law's rules unless it sets its own), and members
// joining and leaving its roster on a given day.
import { refuse } from '../../shared/errors.ts';
import type { MeetingEventData, MeetingEventOf, MemberKind } from '../events.ts';
import { openSpell, type BodyState, type EstablishedBody } from './state.ts';

export interface EstablishBody {
  type: 'EstablishBody';
  data: MeetingEventData<'MeetingBodyEstablished'>;
}

export interface JoinBody {
  type: 'JoinBody';
  data: MeetingEventData<'BodyMemberJoined'>;
  /** Whether the resident exists (read by the handler from their stream). */
  residentKnown: boolean;
  /** The streets of the resident's ties to communities, neither declined nor rejected. */
  residentStreets: readonly string[];
}

/**
 * Kinds of member a street's body takes only from people with a tie to a community of the
 * street: residents speak for where they live, work or study. Party organisations, owners'
 * committees, units, experts and the others are who they represent, as in a community's body.
 */
const STREET_TIED_KINDS: readonly MemberKind[] = ['resident'];

export interface LeaveBody {
  type: 'LeaveBody';
  data: MeetingEventData<'BodyMemberLeft'>;
}

export function establishBody(
  command: EstablishBody,
  state: BodyState,
): MeetingEventOf<'MeetingBodyEstablished'>[] {
  if (state.status !== 'none') {
    return refuse('conflict', 'body_exists', '这个议事机构已经设立。', 'This body already exists.');
  }
  return [{ type: 'MeetingBodyEstablished', data: command.data }];
}

export function joinBody(
  command: JoinBody,
  state: BodyState,
): MeetingEventOf<'BodyMemberJoined'>[] {
  const body = requireBody(state, command.data.bodyId);
  const { data } = command;
  if (!command.residentKnown) {
    return refuse(
      'not_found',
      'resident_not_found',
      `找不到居民（编号 ${data.residentId}）。`,
      `There is no resident with id ${data.residentId}.`,
      'residentId',
    );
  }
  if (
    body.communityId === null &&
    STREET_TIED_KINDS.includes(data.kind) &&
    !command.residentStreets.includes(body.streetId)
  ) {
    return refuse(
      'invalid',
      'not_of_street',
      '街道议事机构的居民成员须与本街道的某个社区有关联（居住、工作或就学）。',
      'A resident member of a street’s body must have a tie (lives, works or studies) to a community of the street.',
      'residentId',
    );
  }
  const spell = openSpell(body, data.residentId);
  if (spell) {
    if (spell.kind === data.kind && spell.role === data.role) return [];
    return refuse(
      'conflict',
      'already_member',
      '这位居民已经在名册上；要改变身份，请先登记离任。',
      'This resident is on the roster already; record their leaving before changing their part.',
      'residentId',
    );
  }
  const last = body.spells.filter((s) => s.residentId === data.residentId).at(-1);
  if (last && last.until !== null && data.from < last.until) {
    return refuse(
      'invalid',
      'joins_before_leaving',
      `加入日期不能早于上次离任日期（${last.until}）。`,
      `The day of joining cannot precede their last leaving (${last.until}).`,
      'from',
    );
  }
  return [{ type: 'BodyMemberJoined', data }];
}

export function leaveBody(
  command: LeaveBody,
  state: BodyState,
): MeetingEventOf<'BodyMemberLeft'>[] {
  const body = requireBody(state, command.data.bodyId);
  const spell = openSpell(body, command.data.residentId);
  if (!spell) {
    return refuse(
      'not_found',
      'not_a_member',
      '这位居民不在名册上。',
      'This resident is not on the roster.',
      'residentId',
    );
  }
  if (command.data.from <= spell.from) {
    return refuse(
      'invalid',
      'leaves_before_joining',
      `离任日期须晚于加入日期（${spell.from}）。`,
      `The day of leaving must follow the day of joining (${spell.from}).`,
      'from',
    );
  }
  return [{ type: 'BodyMemberLeft', data: command.data }];
}

export function requireBody(state: BodyState, bodyId: string): EstablishedBody {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'body_not_found',
      `找不到议事机构（编号 ${bodyId}）。`,
      `There is no deliberative body with id ${bodyId}.`,
    );
  }
  return state;
}
