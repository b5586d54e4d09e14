// Whether the page's first hydration is over. A control created before then was rendered by the
// server, and may already hold a choice the person made before the JavaScript arrived (a slow
// phone on a mobile network); one created later was not.
let hydrated = false;

export const firstHydrationDone = (): boolean => hydrated;

/**
 * Called once by the root layout when it has mounted, i.e. when the first hydration is over; the
 * page says so on <html data-hydrated> too, for browser tests that must act after it.
 */
export function markHydrated(): void {
  hydrated = true;
  document.documentElement.dataset.hydrated = 'true';
}
