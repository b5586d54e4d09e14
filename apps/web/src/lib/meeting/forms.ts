// The meeting pages' forms read as plain strings; the API judges the values. China time in the
// forms: a `datetime-local` value is read as Beijing time (UTC+8).

/** `2026-03-10T19:00` typed in China → ISO-8601 UTC; undefined when not a date and time. */
export function chinaDateTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const time = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The non-blank lines of a text area: one agenda item each. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
