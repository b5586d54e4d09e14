// The deliberation vitality index (议事协商活力指数), version 1: docs/vitality-index.md. Pure, so
// that anyone can recompute it from the public meeting data (each meeting's notice, attendance
// figures and motions) with this function. It counts meetings, notices, quorum and attendance;
// never likes, page views or time online, and never ranks anyone.

export const VITALITY_VERSION = 1;

/** Below this many meetings held in the month, the figure is flagged as a small sample. */
export const VITALITY_SMALL_SAMPLE = 2;

/** Weights of version 1 (follow-through and satisfaction join when they are recorded). */
export const VITALITY_WEIGHTS = { regularity: 0.4, procedure: 0.35, breadth: 0.25 } as const;

/** What the public meeting page says of one meeting, as the index reads it. */
export interface MeetingFacts {
  meetingId: string;
  /** ISO-8601 UTC; the month is China's. */
  startsAt: string;
  status: 'convened' | 'closed';
  lateNotice: boolean;
  /** Voting members entitled, and present when the figures were read (at the close). */
  entitled: number;
  membersPresent: number;
  /** Whether quorum held when the figures were read (the public page's `quorum.holds`). */
  quorumHeld: boolean;
  /** Motions tabled, and how many of them were voted on (a vote needs quorum). */
  motions: number;
  voted: number;
}

export interface VitalityFigure {
  version: number;
  /** YYYY-MM (China time). */
  month: string;
  /** 0–100, one decimal; null when no meeting was held and none planned. */
  index: number | null;
  components: { regularity: number; procedure: number; breadth: number };
  /** The meetings held in the month that the components were computed from. */
  evidence: string[];
  smallSample: boolean;
}

/** The month (YYYY-MM) of an instant in China. */
export const chinaMonth = (instant: string): string =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 7);

const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The index of one community (or street: pass all its communities' meetings and bodies) for one
 * month. `planned`: meetings expected in the month (version 1: one per body with a roster).
 */
export function vitalityOfMonth(
  month: string,
  planned: number,
  meetings: readonly MeetingFacts[],
): VitalityFigure {
  const held = meetings.filter((mt) => mt.status === 'closed' && chinaMonth(mt.startsAt) === month);
  const regularity = planned === 0 ? (held.length > 0 ? 1 : 0) : Math.min(1, held.length / planned);
  // Procedure: notice on time, and the meeting sat with quorum (every motion tabled was voted on;
  // a meeting without motions counts as sitting when quorum held at the close).
  const procedure = mean(
    held.map((mt) => {
      const onTime = mt.lateNotice ? 0 : 1;
      const sat =
        mt.motions > 0
          ? mt.voted / mt.motions
          : mt.entitled > 0 && mt.membersPresent * 3 >= mt.entitled * 2
            ? 1
            : 0;
      return (onTime + sat) / 2;
    }),
  );
  const breadth = mean(
    held.map((mt) => (mt.entitled === 0 ? 0 : Math.min(1, mt.membersPresent / mt.entitled))),
  );
  const weighted =
    VITALITY_WEIGHTS.regularity * regularity +
    VITALITY_WEIGHTS.procedure * procedure +
    VITALITY_WEIGHTS.breadth * breadth;
  return {
    version: VITALITY_VERSION,
    month,
    index: planned === 0 && held.length === 0 ? null : Math.round(1000 * weighted) / 10,
    components: { regularity, procedure, breadth },
    evidence: held.map((mt) => mt.meetingId),
    smallSample: held.length < VITALITY_SMALL_SAMPLE,
  };
}
