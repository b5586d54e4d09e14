// Who is told what when an objection is answered: the account that filed it hears the answer,
// with a link to the objection on its cycle's public notice. Pure, like proposalNotice; the
// notification projection writes the notice to the filer's inbox and to the outbox, and tells
// only residents (staff also file objections but have no inbox).
import type { LocalizedText } from '../shared/errors.ts';
import type { OutcomeEventOf } from './events.ts';

export type ObjectionAnswered = OutcomeEventOf<'ObjectionUpheld' | 'ObjectionDismissed'>;

export interface ObjectionNotice {
  /** The event that caused it. */
  cause: ObjectionAnswered['type'];
  /** The objection on the notice page, which gives each objection the id `objection-<id>`. */
  link: string;
  recipients: string[];
  message: LocalizedText;
}

/** How much of the objection's text the notice quotes, so that the filer knows which it is. */
const quotedLength = 30;

function quote(text: string): string {
  const chars = Array.from(text);
  return chars.length > quotedLength ? `${chars.slice(0, quotedLength).join('')}…` : text;
}

/** The notice to the filer of an objection, given what it said and the answer to it. */
export function objectionNotice(
  event: ObjectionAnswered,
  objection: { filedBy: string; text: string },
): ObjectionNotice {
  const { objectionId, cycleId, reason } = event.data;
  const text = quote(objection.text);
  const message: LocalizedText =
    event.type === 'ObjectionDismissed'
      ? {
          'zh-CN': `您提出的异议「${text}」经答复不成立。理由：${reason}`,
          en: `Your objection “${text}” was dismissed. Reason: ${reason}`,
        }
      : event.data.consequence.kind === 'project_excluded'
        ? {
            'zh-CN': `您提出的异议「${text}」经答复成立，该项目已移出计票，本社区已按剩余项目重新计票。理由：${reason}`,
            en: `Your objection “${text}” was upheld: the project was taken out of the count and the community was counted again without it. Reason: ${reason}`,
          }
        : {
            'zh-CN': `您提出的异议「${text}」经答复成立，已按选票公告板重新计票。理由：${reason}`,
            en: `Your objection “${text}” was upheld: the ballot bulletin was counted again. Reason: ${reason}`,
          };
  return {
    cause: event.type,
    link: `/cycles/${cycleId}/notice#objection-${objectionId}`,
    recipients: [objection.filedBy],
    message,
  };
}
