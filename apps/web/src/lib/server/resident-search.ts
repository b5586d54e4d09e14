// A worker's search for residents of their community (`?q=`), shared by the pages that start from
// a resident: registering one on the spot and entering a paper proposal.
import { isApiError, type ApiClient } from '@gongzhi/api/client';

/** The query of `url` and what it found; a refusal (e.g. too short a query) is shown, not thrown. */
export async function searchResidents(api: ApiClient, communityId: string, url: URL) {
  const query = url.searchParams.get('q')?.trim() ?? '';
  let found = null;
  let searchError = null;
  if (query !== '') {
    try {
      found = (await api.resident.search.query({ communityId, query })).residents;
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      searchError = cause.message;
    }
  }
  return { query, found, searchError };
}
