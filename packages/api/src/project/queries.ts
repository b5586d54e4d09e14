// Public reads of projects: the implementation board of a cycle, and one project's page with the
// proposal's own timeline before it (from the first proposal to the evaluation).
import { isSmallCount, type SurveyResult } from '@gongzhi/domain';
import { listProjects, readProject } from '@gongzhi/projections/project';
import { readProposalTimeline } from '@gongzhi/projections/proposal';
import type { Context } from '../context.ts';
import { projectNotFound } from './procedure-helpers.ts';

export async function readBoard(
  ctx: Context,
  query: { cycleId: string; communityId?: string | undefined },
) {
  return { projects: await listProjects(ctx.services.readModels.db, query) };
}

export async function readProjectPage(ctx: Context, projectId: string) {
  const db = ctx.services.readModels.db;
  const project = await readProject(db, projectId);
  if (!project) return projectNotFound(projectId);
  return {
    project: {
      ...project,
      surveyResult: publicSurveyResult(project.surveyResult),
      // The timeline keeps each event's data: the survey's closing carries its result too.
      timeline: project.timeline.map((entry) =>
        entry.type === 'ProjectSurveyClosed'
          ? {
              ...entry,
              details: {
                ...entry.details,
                result: publicSurveyResult(entry.details.result as SurveyResult),
              },
            }
          : entry,
      ),
    },
    proposalTimeline: await readProposalTimeline(db, project.proposalId),
  };
}

/**
 * A closed survey as the public sees it: when 1–4 people answered, their number and the counts
 * per score are withheld (null), as the open data and the outcome report withhold them, since
 * among so few a count can tell who gave which score.
 */
function publicSurveyResult(result: SurveyResult | null) {
  if (result === null || !isSmallCount(result.answers)) return result;
  return { ...result, answers: null, distribution: null };
}
