// How cycles and proposals read in pages: the domain's own texts (status, category, phase,
// money, history lines) in the interface language, and money typed in yuan turned into fen.
import {
  cycleStageText,
  moneyText,
  projectCategoryText,
  proposalStatusText,
  tieKindText,
  type CycleStage,
  type LocalizedText,
  type ProjectCategory,
  type ProposalDisplayStatus,
  type TieKind,
} from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** A text the API or the domain gives in both languages, in the interface language. */
export function local(text: LocalizedText): string {
  return getLocale() === 'en' ? text.en : text['zh-CN'];
}

/** An amount in fen: 200,000.00 元 / ¥200,000.00. */
export const money = (fen: number): string => local(moneyText(fen));

export const stageLabel = (stage: CycleStage): string => local(cycleStageText[stage]);
export const categoryLabel = (category: ProjectCategory): string =>
  local(projectCategoryText[category]);
export const statusLabel = (status: ProposalDisplayStatus): string =>
  local(proposalStatusText[status]);

/** The cycle's title in the interface language. */
export const cycleTitle = (cycle: { title: string; titleEn: string | null }): string =>
  getLocale() === 'en' && cycle.titleEn ? cycle.titleEn : cycle.title;

/**
 * Yuan as typed (200000, 200,000, 1 234.5, ¥80, 80元) in fen; undefined when it is not an amount
 * with at most two decimals.
 */
export function yuanToFen(typed: string): number | undefined {
  const cleaned = typed.replace(/[\s,，¥￥]|元$/g, '');
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const [, whole = '0', cents = ''] = match;
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** Fen as a form shows it for editing: 12345678 → "123456.78", 100 → "1". */
export function fenToYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}

// Building an Intl formatter costs far more than formatting with one (a page of a city's
// communities formats hundreds of dates), so each is built once per locale.
function formatterPerLocale(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  const byLocale = new Map<string, Intl.DateTimeFormat>();
  return () => {
    const locale = getLocale();
    let format = byLocale.get(locale);
    if (!format) byLocale.set(locale, (format = new Intl.DateTimeFormat(locale, options)));
    return format;
  };
}
const dayFormat = formatterPerLocale({ dateStyle: 'medium', timeZone: 'UTC' });
const momentFormat = formatterPerLocale({
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});

/** A calendar day (YYYY-MM-DD) as people read it: 2025年3月1日 / 1 Mar 2025. */
export function dayText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return dayFormat().format(new Date(Date.UTC(year, month - 1, date)));
}

/** Today in China time, YYYY-MM-DD (cycles run on it). */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A moment (ISO-8601) to the minute, in Beijing time. */
export function momentText(iso: string): string {
  return momentFormat().format(new Date(iso));
}

export const tieKindLabel = (kind: TieKind): string => local(tieKindText[kind]);

/** How a proposal came in: online, entered by a worker from paper, or by a family proxy. */
export function channelText(channel: string): string {
  if (channel === 'offline') return m.proposal_channel_offline();
  if (channel === 'proxy') return m.proposal_channel_proxy();
  return m.proposal_channel_online();
}

/** The calendar day (China time) of a moment. */
export const dayOf = (iso: string): string => dayText(chinaToday(new Date(iso)));
