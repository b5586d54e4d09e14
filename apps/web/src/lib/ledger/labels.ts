// How the ledger's kinds, statuses and choices read in the person's language.
import {
  appForceText,
  ledgerKindText,
  ledgerStatusText,
  mechanismTypeText,
  type AppForce,
  type LedgerItemStatus,
  type LedgerKind,
  type MechanismType,
} from '@gongzhi/domain';
import { local } from '$lib/text';

export const kindLabel = (kind: LedgerKind) => local(ledgerKindText[kind]);
export const statusLabel = (status: LedgerItemStatus) => local(ledgerStatusText[status]);
export const forceLabel = (force: AppForce) => local(appForceText[force]);
export const mechanismLabel = (type: MechanismType) => local(mechanismTypeText[type]);

/** Badge tones by status: gone is done, relapsed needs attention. */
export const statusTone = (status: LedgerItemStatus) =>
  status === 'relapsed'
    ? 'danger'
    : status === 'active'
      ? 'brand'
      : status === 'kept'
        ? 'neutral'
        : 'success';

/** Whether the grants let the person schedule re-inspections and see the street's dashboard. */
export const mayOverseeStreet = (
  grants: readonly { role: string; scope: { type: string; streetId?: string } }[],
  streetId: string,
) =>
  grants.some(
    (g) =>
      g.role === 'city_admin' || (g.role === 'street_officer' && g.scope.streetId === streetId),
  );
