// Compiling a street's outcome report from the read models (docs/outcome-reports.md): the
// projects of the period (budgets, contracts, spending, progress, acceptance), their satisfaction
// surveys, the meetings held with their resolutions and the vitality index per month, volunteer
// hours, and the burden-reduction register's removals and relapses. A cycle's report takes the
// cycle's projects and, for the rest, the cycle's calendar year; a year's report the projects of
// the street's cycles of that year.
import {
  chinaMonth,
  isSmallCount,
  refuse,
  surveyMeanScore,
  surveyQuestions,
  type MeetingFacts,
  type ReportPeriod,
} from '@gongzhi/domain';
import { listCycles, readCycle } from '@gongzhi/projections/cycle';
import { readLedgerPeriod } from '@gongzhi/projections/ledger';
import { listMeetings, type BodyLevel } from '@gongzhi/projections/meeting';
import { listResolutionsOfMeeting } from '@gongzhi/projections/meeting';
import { listCommunities, readStreet } from '@gongzhi/projections/organisation';
import { listProjects, readProject, type ProjectView } from '@gongzhi/projections/project';
import { sumServiceByMonth } from '@gongzhi/projections/team';
import { today, type Context } from '../context.ts';
import { readPublicMeeting } from '../meeting/queries.ts';
import { readVitality } from '../meeting/vitality.ts';
import { figure, peopleCount, REPORT_FORMAT, type ReportData, type ReportSection } from './data.ts';

const db = (ctx: Context) => ctx.services.readModels.db;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Everything a report is compiled from, for one street and period. */
export async function compileReport(
  ctx: Context,
  streetId: string,
  period: ReportPeriod,
): Promise<ReportData> {
  const street = await readStreet(db(ctx), streetId);
  if (!street) {
    return refuse('not_found', 'street_not_found', '找不到这个街道。', 'There is no such street.');
  }
  let projects: ProjectView[];
  let header: ReportData['period'];
  let year: number;
  if (period.type === 'cycle') {
    const cycle = await readCycle(db(ctx), period.cycleId);
    if (!cycle || cycle.streetId !== streetId || cycle.status !== 'published') {
      return refuse(
        'not_found',
        'report_cycle_not_found',
        '这个街道没有这个已发布的项目周期。',
        'The street has no such published cycle.',
        'cycleId',
      );
    }
    year = cycle.year;
    header = { type: 'cycle', cycleId: cycle.cycleId, title: cycle.title, year };
    projects = await projectsOf(ctx, [cycle.cycleId]);
  } else {
    if (`${period.year}-01-01` > today(ctx)) {
      return refuse(
        'invalid',
        'report_year_future',
        '这一年还没有开始，不能编制报告。',
        'That year has not begun: there is nothing to report yet.',
        'year',
      );
    }
    year = period.year;
    header = { type: 'year', year };
    const cycles = (await listCycles(db(ctx), { streetId })).filter((c) => c.year === year);
    projects = await projectsOf(
      ctx,
      cycles.map((c) => c.cycleId),
    );
  }
  const from = `${year}-01-01`;
  const until = `${year}-12-31` < today(ctx) ? `${year}-12-31` : today(ctx);
  return {
    format: REPORT_FORMAT,
    street: { streetId, name: street.name },
    period: header,
    range: { from, until },
    sections: [
      projectSection(projects),
      satisfactionSection(projects),
      await meetingSection(ctx, streetId, from, until),
      await volunteeringSection(ctx, streetId, from, until),
      await ledgerSection(ctx, streetId, from, until),
    ],
  };
}

async function projectsOf(ctx: Context, cycleIds: readonly string[]) {
  const views: ProjectView[] = [];
  for (const cycleId of cycleIds) {
    for (const { projectId } of await listProjects(db(ctx), { cycleId })) {
      const view = await readProject(db(ctx), projectId);
      if (view) views.push(view);
    }
  }
  return views;
}

function projectSection(projects: readonly ProjectView[]): ReportSection {
  const live = projects.filter((p) => p.status !== 'cancelled');
  const verdicts = (v: string) => projects.filter((p) => p.acceptance?.verdict === v).length;
  return {
    key: 'projects',
    source: 'projects.csv',
    figures: [
      figure('projects', projects.length, 'count'),
      figure('cancelled', projects.length - live.length, 'count'),
      figure('approved_budget_fen', sum(projects.map((p) => p.approvedBudget ?? 0)), 'fen'),
      figure('contract_value_fen', sum(projects.map((p) => p.contractValue ?? 0)), 'fen'),
      figure('spent_fen', sum(projects.map((p) => p.spent)), 'fen'),
      figure(
        'mean_physical_progress_pct',
        live.length ? round1(sum(live.map((p) => p.physicalProgress)) / live.length) : null,
        'percent',
      ),
      figure('completed', projects.filter((p) => p.completedOn !== null).length, 'count'),
      figure('accepted_passed', verdicts('passed'), 'count'),
      figure('accepted_conditional', verdicts('conditional'), 'count'),
      figure('accepted_failed', verdicts('failed'), 'count'),
    ],
    items: projects.map((p) => ({
      key: p.projectId,
      label: p.title,
      figures: [
        figure('community_id', p.communityId, 'text'),
        figure('status', p.status, 'text'),
        figure('stage', p.stage, 'text'),
        figure('approved_budget_fen', p.approvedBudget, 'fen'),
        figure('contract_value_fen', p.contractValue, 'fen'),
        figure('spent_fen', p.spent, 'fen'),
        figure('physical_progress_pct', p.physicalProgress, 'percent'),
        figure('financial_progress_pct', p.financialProgress, 'percent'),
        figure('acceptance_verdict', p.acceptance?.verdict ?? null, 'text'),
      ],
    })),
  };
}

function satisfactionSection(projects: readonly ProjectView[]): ReportSection {
  const closed = projects.filter((p) => p.surveyResult !== null);
  return {
    key: 'satisfaction',
    source: 'surveys.csv',
    figures: [figure('surveys_closed', closed.length, 'count')],
    items: closed.map((p) => {
      const r = p.surveyResult!;
      const hidden = isSmallCount(r.answers);
      return {
        key: p.projectId,
        label: p.title,
        figures: [
          peopleCount('answers', r.answers),
          figure(
            'response_rate_pct',
            r.voters > 0 ? Math.round((r.answers * 1000) / r.voters) / 10 : null,
            'percent',
            hidden,
          ),
          figure('too_few', r.tooFew, 'flag'),
          ...surveyQuestions.map((q) =>
            figure(`${q}_mean`, surveyMeanScore(r.distribution[q]), 'score', hidden),
          ),
        ],
      };
    }),
  };
}

const monthsOf = (from: string, until: string) => {
  const months: string[] = [];
  if (until < from) return months;
  for (let m = Number(from.slice(5, 7)); m <= Number(until.slice(5, 7)); m++) {
    months.push(`${from.slice(0, 4)}-${String(m).padStart(2, '0')}`);
  }
  return months;
};

async function meetingSection(
  ctx: Context,
  streetId: string,
  from: string,
  until: string,
): Promise<ReportSection> {
  const facts: MeetingFacts[] = [];
  let adopted = 0;
  let assigned = 0;
  let closed = 0;
  let overdue = 0;
  // The communities' meetings and the street's own bodies' (a street committee), as the
  // vitality index below counts them.
  const levels: BodyLevel[] = [
    ...(await listCommunities(db(ctx), streetId)).map((c) => ({ communityId: c.communityId })),
    { streetId },
  ];
  for (const level of levels) {
    const meetings = await listMeetings(db(ctx), level);
    for (const mt of meetings) {
      const month = chinaMonth(mt.startsAt);
      if (mt.status !== 'closed' || month < from.slice(0, 7) || month > until.slice(0, 7)) continue;
      const page = await readPublicMeeting(ctx, mt.meetingId);
      facts.push({
        meetingId: mt.meetingId,
        startsAt: mt.startsAt,
        status: mt.status,
        lateNotice: mt.lateNotice,
        entitled: page.quorum.entitled,
        membersPresent: page.quorum.present,
        quorumHeld: page.quorum.holds,
        motions: page.motions.length,
        voted: page.motions.filter((m) => m.vote).length,
      });
      adopted += page.motions.filter((m) => m.vote?.passed).length;
      for (const r of await listResolutionsOfMeeting(db(ctx), mt.meetingId)) {
        assigned++;
        if (r.status === 'closed' && r.closedOn !== null && r.closedOn <= until) closed++;
        else if (r.dueOn < until) overdue++;
      }
    }
  }
  const vitality = await readVitality(ctx, {
    place: { type: 'street', streetId },
    from: from.slice(0, 7),
    to: until.slice(0, 7),
  });
  return {
    key: 'meetings',
    source: 'meeting pages (meeting.meetings, meeting.meeting)',
    figures: [
      figure('meetings_held', facts.length, 'count'),
      figure('late_notices', facts.filter((f) => f.lateNotice).length, 'count'),
      figure('motions_adopted', adopted, 'count'),
      figure('resolutions_assigned', assigned, 'count'),
      figure('resolutions_closed', closed, 'count'),
      figure('resolutions_overdue', overdue, 'count'),
    ],
    // The index as the street's vitality page shows it (docs/vitality-index.md).
    items: vitality.months.map((v) => ({
      key: v.month,
      label: v.month,
      figures: [
        figure('vitality_index', v.index, 'index'),
        figure('meetings_planned', v.planned, 'count'),
        figure('meetings_held', v.evidence.length, 'count'),
        figure('small_sample', v.smallSample, 'flag'),
      ],
    })),
  };
}

async function volunteeringSection(
  ctx: Context,
  streetId: string,
  from: string,
  until: string,
): Promise<ReportSection> {
  const [perMonth, perTeam] = await Promise.all([
    sumServiceByMonth(db(ctx), streetId, from, until),
    sumServiceByMonth(db(ctx), streetId, from, until, true),
  ]);
  const served = new Map(perMonth.map((m) => [m.month, m]));
  // Per month, as the street's `volunteering` file publishes it: a month with 1–4 volunteers is
  // withheld, and the period's figures sum the months published, so that anyone can add them up.
  const months = monthsOf(from, until).map((month) => {
    const of = served.get(month);
    const people = of?.volunteers ?? 0;
    const few = isSmallCount(people);
    return {
      month,
      few,
      figures: [
        peopleCount('volunteers', people),
        figure('hours', Math.round((of?.minutes ?? 0) / 6) / 10, 'hours', few),
        figure('service_records', of?.records ?? 0, 'count', few),
      ],
    };
  });
  const shown = (key: string) =>
    sum(months.map((m) => Number(m.figures.find((f) => f.key === key)!.value ?? 0)));
  return {
    key: 'volunteering',
    source: 'volunteering.csv',
    figures: [
      figure('hours', round1(shown('hours')), 'hours'),
      figure('service_records', shown('service_records'), 'count'),
      figure('months_withheld', months.filter((m) => m.few).length, 'count'),
      figure('teams', new Set(perTeam.map((m) => m.teamId)).size, 'count'),
    ],
    items: months.map((m) => ({ key: m.month, label: m.month, figures: m.figures })),
  };
}

async function ledgerSection(
  ctx: Context,
  streetId: string,
  from: string,
  until: string,
): Promise<ReportSection> {
  const rows = await readLedgerPeriod(db(ctx), streetId, from, until);
  const kinds = ['signboard', 'app', 'chat_group', 'certificate', 'mechanism', 'task'] as const;
  return {
    key: 'ledger',
    source: 'ledger_changes.csv',
    figures: kinds.flatMap((kind) => {
      const of = rows.filter((r) => r.kind === kind);
      return [
        figure(`${kind}_removed`, sum(of.map((r) => r.gone)), 'count'),
        figure(`${kind}_relapses`, sum(of.map((r) => r.relapsed)), 'count'),
      ];
    }),
    items: monthsOf(from, until).map((month) => {
      const of = rows.filter((r) => r.period === month);
      return {
        key: month,
        label: month,
        figures: [
          figure('removed', sum(of.map((r) => r.gone)), 'count'),
          figure('relapses', sum(of.map((r) => r.relapsed)), 'count'),
        ],
      };
    }),
  };
}
