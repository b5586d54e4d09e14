// Public reads of projects: the implementation board of a cycle, and one project's page with the
// proposal's own timeline before it (from the first proposal to the evaluation).
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
  return { project, proposalTimeline: await readProposalTimeline(db, project.proposalId) };
}
