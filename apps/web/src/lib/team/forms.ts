// The forms of the volunteer-team pages: asking to join, and a leader recording a member's
// service (the day and the times on site, China time). Plain strings; the API judges the values.
import { z } from 'zod';

const text = z.string().default('');

export const joinForm = z.object({ note: text });

export const recordForm = z.object({
  volunteerId: text,
  date: text,
  from: text,
  until: text,
  place: text,
  content: text,
  evaluation: text,
});

/** One shift of an activity per plan (more shifts: plan again). */
export const planForm = z.object({
  title: text,
  description: text,
  date: text,
  from: text,
  until: text,
  place: text,
  slots: text,
});

/** A service need a community worker posts; `source` says where it came from. */
export const needForm = z.object({
  communityId: text,
  title: text,
  description: text,
  place: text,
  date: text,
  from: text,
  until: text,
  people: text,
  skills: text,
  /** 'community', 'request' (a resident's proposal), 'project_whole' or 'project_part'. */
  source: z.string().default('community'),
  /** The proposal's or the project's id, for those sources. */
  sourceId: text,
});

/** A leader claims a need for one of the teams they lead. */
export const claimForm = z.object({ teamId: text, note: text });

/** A team's skills, one line: separated by commas, 、 or spaces. */
export const skillsForm = z.object({ skills: text });

/** The skills typed in one line, each once, in order. */
export const skillsOf = (line: string): string[] => [
  ...new Set(
    line
      .split(/[,，、;；\s]+/u)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** A day (YYYY-MM-DD) and a time (HH:MM) in China as an ISO-8601 instant; '' when not both. */
export function chinaInstant(date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return '';
  const instant = new Date(`${date}T${time}:00+08:00`);
  return Number.isNaN(instant.getTime()) ? '' : instant.toISOString();
}

/** The time (HH:MM) in China of an ISO-8601 instant. */
export const chinaTime = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
