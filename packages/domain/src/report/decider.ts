// A report's versions (成果报告): publishing makes a version, a correction another with a reason;
// publishing the data of the latest version again does nothing. State, evolve and decision in one
// file: a small stream with one command. The hash is computed by the caller (the API, with
// node:crypto) and passed in, so the domain stays pure; `verifyReportChain` takes the hash function.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import { isCanonicalJson } from './canonical.ts';
import type { ReportEvent, ReportEventData, ReportEventOf, ReportPeriod } from './events.ts';

export interface ReportVersionState {
  version: number;
  sha256: string;
  previousHash: string | null;
}

export type ReportState =
  | { status: 'none' }
  | {
      status: 'published';
      reportId: string;
      streetId: string;
      period: ReportPeriod;
      versions: ReportVersionState[];
    };

export interface PublishReport {
  type: 'PublishReport';
  data: Omit<ReportEventData<'ReportPublished'>, 'version' | 'previousHash' | 'reason'> & {
    reason: string | null;
  };
}

export type ReportCommand = PublishReport;

export const initialReportState = (): ReportState => ({ status: 'none' });

export function evolveReport(state: ReportState, event: ReportEvent): ReportState {
  switch (event.type) {
    case 'ReportPublished': {
      const line = {
        version: event.data.version,
        sha256: event.data.sha256,
        previousHash: event.data.previousHash,
      };
      return state.status === 'none'
        ? {
            status: 'published',
            reportId: event.data.reportId,
            streetId: event.data.streetId,
            period: event.data.period,
            versions: [line],
          }
        : { ...state, versions: [...state.versions, line] };
    }
  }
}

const samePeriod = (a: ReportPeriod, b: ReportPeriod) =>
  a.type === 'cycle'
    ? b.type === 'cycle' && a.cycleId === b.cycleId
    : b.type === 'year' && a.year === b.year;

export function publishReport(
  command: PublishReport,
  state: ReportState,
): ReportEventOf<'ReportPublished'>[] {
  const { data } = command;
  if (!isCanonicalJson(data.data)) {
    return refuse(
      'invalid',
      'report_not_canonical',
      '报告数据不是规范化的 JSON。',
      'The report data is not canonical JSON.',
      'data',
    );
  }
  const latest = state.status === 'published' ? state.versions.at(-1)! : null;
  if (state.status === 'published') {
    if (state.streetId !== data.streetId || !samePeriod(state.period, data.period)) {
      return refuse(
        'conflict',
        'report_elsewhere',
        '这份报告属于另一个街道或期间。',
        'This report belongs to another street or period.',
      );
    }
    // The same data again: that version stands; nothing is written.
    if (latest!.sha256 === data.sha256) return [];
  }
  const reason = data.reason?.trim() ? data.reason.trim() : null;
  if (latest && reason === null) {
    return refuse(
      'invalid',
      'correction_reason_required',
      '更正已发布的报告须写明原因。',
      'A correction of a published report needs a reason.',
      'reason',
    );
  }
  return [
    {
      type: 'ReportPublished',
      data: {
        ...data,
        version: (latest?.version ?? 0) + 1,
        previousHash: latest?.sha256 ?? null,
        reason: latest ? reason : null,
      },
    },
  ];
}

export function decideReport(command: ReportCommand, state: ReportState): ReportEvent[] {
  switch (command.type) {
    case 'PublishReport':
      return publishReport(command, state);
  }
}

export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  initialState: initialReportState,
  evolve: evolveReport,
  decide: decideReport,
};

/** What a check of a report's chain found: valid, or the first version that breaks it and why. */
export type ReportChainCheck =
  | { valid: true; versions: number }
  | { valid: false; brokenAt: number; why: 'hash' | 'previous_hash' | 'numbering' };

/**
 * Checks a report's versions, oldest first: each one's data hashes to its `sha256`, its
 * `previousHash` is the previous version's `sha256` (null for the first), and versions count 1, 2, ….
 */
export function verifyReportChain(
  versions: readonly {
    version: number;
    data: string;
    sha256: string;
    previousHash: string | null;
  }[],
  sha256: (text: string) => string,
): ReportChainCheck {
  let previous: string | null = null;
  for (const [i, v] of versions.entries()) {
    if (v.version !== i + 1) return { valid: false, brokenAt: v.version, why: 'numbering' };
    if (sha256(v.data) !== v.sha256) return { valid: false, brokenAt: v.version, why: 'hash' };
    if (v.previousHash !== previous) {
      return { valid: false, brokenAt: v.version, why: 'previous_hash' };
    }
    previous = v.sha256;
  }
  return { valid: true, versions: versions.length };
}

export function describeReportEvent(event: ReportEvent) {
  switch (event.type) {
    case 'ReportPublished':
      return event.data.version === 1
        ? { 'zh-CN': '发布了成果报告', en: 'published the outcome report' }
        : {
            'zh-CN': `发布了成果报告的更正（第 ${event.data.version} 版）`,
            en: `published a correction of the outcome report (version ${event.data.version})`,
          };
  }
}
