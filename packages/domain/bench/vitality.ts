// The vitality index of a street of 30 communities over a year: every community's figure for each
// month and the street's, from 30 × 12 × 4 meetings' public facts. Prints the time; the figure
// goes in docs/performance.md. Only the computation: reading the facts off the read model is the
// API's part. Run: npx tsx bench/vitality.ts (in packages/domain).
import { chinaMonth, vitalityOfMonth, type MeetingFacts } from '../src/meeting/index.ts';

const COMMUNITIES = 30;
const MEETINGS_PER_MONTH = 4;
const YEAR = 2026;

const facts = new Map<string, MeetingFacts[]>();
let n = 0;
for (let c = 0; c < COMMUNITIES; c++) {
  const list: MeetingFacts[] = [];
  for (let month = 1; month <= 12; month++) {
    for (let k = 0; k < MEETINGS_PER_MONTH; k++) {
      const day = String(1 + k * 7).padStart(2, '0');
      list.push({
        meetingId: `m${n++}`,
        startsAt: `${YEAR}-${String(month).padStart(2, '0')}-${day}T11:00:00.000Z`,
        status: 'closed',
        lateNotice: n % 7 === 0,
        entitled: 9,
        membersPresent: 5 + (n % 5),
        quorumHeld: n % 5 !== 0,
        motions: 2,
        voted: n % 5 === 0 ? 0 : 2,
      });
    }
  }
  facts.set(`c${c}`, list);
}
const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
const all = [...facts.values()].flat();

const started = performance.now();
let figures = 0;
for (const month of months) {
  for (const list of facts.values()) {
    vitalityOfMonth(month, 3, list);
    figures++;
  }
  vitalityOfMonth(month, 3 * COMMUNITIES, all);
  figures++;
}
const ms = performance.now() - started;
console.log(
  `vitality index v1: ${COMMUNITIES} communities × 12 months (${all.length} meetings, month of the first: ${chinaMonth(all[0]!.startsAt)}): ${figures} figures in ${ms.toFixed(1)} ms`,
);
