// Reading the project staff forms (plain forms: lines of a textarea are rows of a list) into API
// inputs. The API judges every value; these only split what was typed.
import { yuanToFen } from '$lib/text';

/** Yuan typed in a field, in fen; NaN (refused by the API beside the field) when not an amount. */
export const fenOf = (typed: string): number => yuanToFen(typed) ?? Number.NaN;

const lines = (typed: string) =>
  typed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** "琴湖建设 44000" per line: a name, then its amount in yuan after the last space or comma. */
export function biddersOf(typed: string): { name: string; amount: number }[] {
  return lines(typed).map((line) => {
    const match = /^(.*?)[\s,，]+([\d.,，]+)\s*元?$/.exec(line);
    return match
      ? { name: match[1]!.trim(), amount: fenOf(match[2]!) }
      : { name: line, amount: Number.NaN };
  });
}

/** "主体施工, 60, 2025-06-30" per line: title, weight, planned day; ids m1, m2 … in order. */
export function milestonesOf(typed: string) {
  return lines(typed).map((line, i) => {
    const [title = '', weight = '', plannedOn = ''] = line.split(/[,，]/).map((p) => p.trim());
    return { milestoneId: `m${i + 1}`, title, weight: Number(weight), plannedOn };
  });
}

/** "3 幢扶手加固, 2025-07-20" per line: the item and its deadline. */
export function rectificationsOf(typed: string) {
  return lines(typed).map((line) => {
    const at = line.search(/[,，]\s*\d{4}-\d{2}-\d{2}\s*$/);
    return at < 0
      ? { item: line, dueOn: '' }
      : { item: line.slice(0, at).trim(), dueOn: line.slice(at + 1).trim() };
  });
}

/** The committee as the form lists it: the implementer, the community, one representative per line. */
export function committeeOf(
  implementer: string,
  community: string,
  residents: string,
  signed: boolean,
) {
  return [
    { role: 'implementer' as const, name: implementer, signed },
    { role: 'community' as const, name: community, signed },
    ...lines(residents).map((name) => ({ role: 'resident_representative' as const, name, signed })),
  ];
}

/** A datetime-local value (China time, as typed) as an ISO instant. */
export function instantOf(typed: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(typed);
  return match ? new Date(`${match[1]}T${match[2]}:00+08:00`).toISOString() : typed;
}

export const optional = (typed: string): string | undefined => (typed === '' ? undefined : typed);
