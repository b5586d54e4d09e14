/**
 * The URL of a named form action on the current page, keeping the page's query (which community,
 * what was searched) so that the page answers in the same place, with or without JavaScript.
 * A previous action's key is dropped: SvelteKit takes the first `/name` key it finds.
 */
export function actionHref(url: URL, name: string): string {
  const kept = [...url.searchParams].filter(([key]) => !key.startsWith('/'));
  const query = new URLSearchParams(kept).toString();
  return `?${query ? `${query}&` : ''}/${name}`;
}
