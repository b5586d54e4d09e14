// Public pages as of a past date (`?asOf=YYYY-MM-DD`, docs/time-travel.md). A page opts in by
// reading `pastView(event)` in its load: it calls the API through `view.api` (public queries only,
// answered from the record as it stood at the end of that day, China time), passes `view.asOf`
// and `view.nowHref` to AsOfBanner and AsOfForm, offers no action while `view.asOf` is set, and
// loads what it shows through `orNotYet` so that a record that did not exist yet says so.
import { error, type RequestEvent } from '@sveltejs/kit';
import { chinaDate } from '@gongzhi/domain';
import { isApiError, type ApiClient } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { createRequestApi } from './api';

export interface PastView {
  /** The day asked for, or null for today's record (no date, a malformed one, today or later). */
  asOf: string | null;
  /** The API for the page's public queries: as of that day, or today's. */
  api: ApiClient;
  /** The same page today (the query without asOf). */
  nowHref: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The past day a page's `?asOf=` names, if it is a real date before today in China. */
export function pastDay(url: URL): string | null {
  const asked = url.searchParams.get('asOf') ?? '';
  if (!DAY.test(asked)) return null;
  const parsed = new Date(`${asked}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== asked) return null;
  return asked < chinaDate(new Date().toISOString()) ? asked : null;
}

export function pastView(event: RequestEvent): PastView {
  const asOf = pastDay(event.url);
  const now = new URL(event.url);
  now.searchParams.delete('asOf');
  return {
    asOf,
    api: asOf === null ? event.locals.api : createRequestApi(event, { asOf }),
    nowHref: `${now.pathname}${now.search}`,
  };
}

/**
 * Loads what a page shows as of its day: a record the API does not know then (404) is a 404 page
 * saying it did not exist yet on that day, with the way to today's page.
 */
export async function orNotYet<T>(view: PastView, load: Promise<T>): Promise<T> {
  if (view.asOf === null) return load;
  try {
    return await load;
  } catch (cause) {
    if (isApiError(cause) && cause.data?.httpStatus === 404) {
      error(404, {
        message: m.asof_not_yet({ date: view.asOf }),
        elsewhere: { href: view.nowHref, label: m.asof_back_to_now() },
      });
    }
    throw cause;
  }
}
