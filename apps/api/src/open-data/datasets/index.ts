// Every dataset of the open data, in the order the index lists them.
import type { Dataset } from '../dataset.ts';
import { cycleDatasets } from './cycles.ts';
import { ledgerDatasets } from './ledger.ts';
import { meetingDatasets } from './meetings.ts';
import { placeDatasets } from './places.ts';
import { projectDatasets } from './projects.ts';
import { teamDatasets } from './teams.ts';

export const datasets: readonly Dataset[] = [
  ...placeDatasets,
  ...cycleDatasets,
  ...projectDatasets,
  ...meetingDatasets,
  ...teamDatasets,
  ...ledgerDatasets,
];
