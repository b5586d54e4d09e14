// How residents' records read in pages, in the interface language.
import { m } from '$lib/paraglide/messages';
import { momentText } from '$lib/text';

export function tieKindLabel(kind: string): string {
  switch (kind) {
    case 'works':
      return m.tie_kind_works();
    case 'studies':
      return m.tie_kind_studies();
    default:
      return m.tie_kind_lives();
  }
}

export const tieKindOptions = () =>
  (['lives', 'works', 'studies'] as const).map((kind) => ({
    value: kind,
    label: tieKindLabel(kind),
  }));

export function tieStatusLabel(status: string): string {
  switch (status) {
    case 'verified':
      return m.tie_status_verified();
    case 'rejected':
      return m.tie_status_rejected();
    case 'unconfirmed':
      return m.tie_status_unconfirmed();
    case 'declined':
      return m.tie_status_declined();
    default:
      return m.tie_status_declared();
  }
}

export function powersLabel(powers: readonly string[]): string {
  if (powers.includes('propose') && powers.includes('vote')) return m.proxy_powers_both();
  return powers.includes('vote') ? m.proxy_powers_vote() : m.proxy_powers_propose();
}

export const powersOptions = () => [
  { value: 'both', label: m.proxy_powers_both() },
  { value: 'propose', label: m.proxy_powers_propose() },
  { value: 'vote', label: m.proxy_powers_vote() },
];

export function channelLabel(channel: string | undefined): string {
  switch (channel) {
    case 'offline':
      return m.channel_offline();
    case 'proxy':
      return m.channel_proxy();
    case 'system':
      return m.channel_system();
    default:
      return m.channel_online();
  }
}

/** A mainland number as typed, masked like the API shows numbers (138****1234); else as typed. */
export function maskTypedPhone(typed: string): string {
  const digits = typed.replace(/[\s\-()]/g, '').replace(/^(\+86|0086)/, '');
  return /^1\d{10}$/.test(digits) ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : typed;
}

/** A moment as people read it here: date and time to the minute, in Beijing time. */
export function formatMoment(iso: string | null | undefined): string {
  return iso ? momentText(iso) : '';
}
