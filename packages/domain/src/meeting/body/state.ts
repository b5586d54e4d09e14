// A deliberative body (议事机构): stream `meetingbody-<bodyId>`. Its rules and its roster, kept as
// dated spells so that the roster of any day can be read back (`rosterOn`).
import type {
  BodyKind,
  BodyRules,
  MeetingEvent,
  MemberKind,
  MemberRole,
  RosterLine,
} from '../events.ts';

/** One spell on the roster: from its first day, until the first day off it (open while on it). */
export interface RosterSpell {
  residentId: string;
  kind: MemberKind;
  role: MemberRole;
  from: string;
  until: string | null;
}

export type BodyState =
  | { status: 'none' }
  | {
      status: 'established';
      bodyId: string;
      /** null: a street's body. */
      communityId: string | null;
      streetId: string;
      kind: BodyKind;
      name: string;
      rules: BodyRules;
      spells: RosterSpell[];
    };

export type EstablishedBody = Extract<BodyState, { status: 'established' }>;

export const initialBodyState = (): BodyState => ({ status: 'none' });

export function evolveBody(state: BodyState, event: MeetingEvent): BodyState {
  switch (event.type) {
    case 'MeetingBodyEstablished': {
      const { bodyId, communityId, streetId, kind, name, rules } = event.data;
      return {
        status: 'established',
        bodyId,
        communityId,
        streetId,
        kind,
        name,
        rules,
        spells: [],
      };
    }
    case 'BodyMemberJoined': {
      if (state.status === 'none') return state;
      const { residentId, kind, role, from } = event.data;
      return { ...state, spells: [...state.spells, { residentId, kind, role, from, until: null }] };
    }
    case 'BodyMemberLeft': {
      if (state.status === 'none') return state;
      const { residentId, from } = event.data;
      return {
        ...state,
        spells: state.spells.map((s) =>
          s.residentId === residentId && s.until === null ? { ...s, until: from } : s,
        ),
      };
    }
    default:
      return state;
  }
}

/** The roster on `date` (YYYY-MM-DD, China's calendar): every spell that covers the day. */
export const rosterOn = (spells: readonly RosterSpell[], date: string): RosterLine[] =>
  spells
    .filter((s) => s.from <= date && (s.until === null || date < s.until))
    .map(({ residentId, kind, role }) => ({ residentId, kind, role }));

/** The member's open spell, if they are on the roster now. */
export const openSpell = (state: EstablishedBody, residentId: string): RosterSpell | undefined =>
  state.spells.find((s) => s.residentId === residentId && s.until === null);
