// How teams and service read in pages.
import { hoursOf, teamKindText, type LocalizedText, type TeamKind } from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { local } from '$lib/text';

export const teamKindLabel = (kind: TeamKind): string => local(teamKindText[kind]);

/** Minutes as hours: 2.5 小时 / 2.5 hours. */
export const hoursLabel = (minutes: number): string => m.team_hours({ hours: hoursOf(minutes) });

/** A name the API gives as a string, or as a text in both languages (a former resident). */
export const personName = (name: string | LocalizedText): string =>
  typeof name === 'string' ? name : local(name);

export function standingLabel(standing: string): string {
  switch (standing) {
    case 'leader':
      return m.team_standing_leader();
    case 'member':
      return m.team_standing_member();
    case 'requested':
      return m.team_standing_requested();
    case 'declined':
      return m.team_standing_declined();
    default:
      return m.team_standing_left();
  }
}

export function shiftStatusLabel(status: string): string {
  switch (status) {
    case 'signed_up':
      return m.team_shift_signed_up();
    case 'wait_listed':
      return m.team_shift_wait_listed();
    case 'cancelled':
      return m.team_shift_cancelled();
    case 'no_show':
      return m.team_shift_no_show();
    default:
      return m.team_shift_walked_in();
  }
}

export function claimStatusLabel(status: string): string {
  switch (status) {
    case 'accepted':
      return m.team_need_claim_accepted();
    case 'declined':
      return m.team_need_claim_declined();
    default:
      return m.team_need_claim_waiting();
  }
}

export function certificateStandingLabel(standing: string): string {
  switch (standing) {
    case 'requested':
      return m.team_certificate_standing_requested();
    case 'announced':
      return m.team_certificate_standing_announced();
    case 'final':
      return m.team_certificate_standing_final();
    case 'on_hold':
      return m.team_certificate_standing_on_hold();
    default:
      return m.team_certificate_standing_revoked();
  }
}
