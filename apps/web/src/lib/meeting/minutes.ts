// The first draft of a meeting's minutes, written from what the meeting recorded: its notice,
// who attended, and each agenda item with its motions and their results. The recorder edits it
// before circulating. Minutes are kept in Chinese, the language of the record.
import { formatMoment } from '$lib/residents';

interface MeetingRecord {
  title: string;
  bodyName: string;
  startsAt: string;
  place: string;
  agenda: { itemId: string; title: string }[];
  quorum: { entitled: number; present: number };
  attendees: { others: number };
  roster: { name: string | null; attendance: unknown }[];
  motions: {
    itemId: string;
    text: string;
    vote: { for: number; against: number; abstain: number; needed: number; passed: boolean } | null;
  }[];
}

const NUMERALS = '一二三四五六七八九十';
const numeral = (i: number) => (i < 10 ? NUMERALS[i] : String(i + 1));

export function minutesDraftOf(meeting: MeetingRecord): string {
  const present = meeting.roster
    .filter((line) => line.attendance !== null)
    .map((line) => line.name ?? '已注销居民');
  const lines = [
    `${meeting.title}会议纪要`,
    `时间：${formatMoment(meeting.startsAt)}`,
    `地点：${meeting.place}`,
    `议事机构：${meeting.bodyName}`,
    `应到表决成员 ${meeting.quorum.entitled} 人，实到 ${meeting.quorum.present} 人；列席 ${meeting.attendees.others} 人。`,
    `到会成员：${present.join('、') || '无'}`,
    '',
    '议程及表决结果：',
  ];
  meeting.agenda.forEach((item, i) => {
    lines.push(`${numeral(i)}、${item.title}`);
    for (const motion of meeting.motions.filter((mo) => mo.itemId === item.itemId)) {
      lines.push(`  动议：${motion.text}`);
      lines.push(
        motion.vote
          ? `  表决：同意 ${motion.vote.for} 票，反对 ${motion.vote.against} 票，弃权 ${motion.vote.abstain} 票；需 ${motion.vote.needed} 票，${motion.vote.passed ? '通过' : '未通过'}。`
          : '  未表决。',
      );
    }
  });
  return lines.join('\n');
}
