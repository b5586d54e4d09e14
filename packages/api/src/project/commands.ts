// Project commands (家园共建) as the API, the cycle workflow and the demo seed run them. Opening
// reads the cycle, each community's last tally and the winning proposals from their own streams;
// every other command decides on the project's stream alone (and the cycle's settings).
import {
  describeProjectEvent,
  parseProjectEvent,
  projectDecider,
  projectEventSchemas,
  projectStreams,
  requirePublishedCycle,
} from '@gongzhi/domain';
import type {
  LocalizedText,
  ProjectCommand,
  ProjectEvent,
  ProjectEventData,
  ProjectState,
} from '@gongzhi/domain';
import { tallyRecord } from '../ballot/commands.ts';
import {
  executeCommand,
  readState,
  type CommandResult,
  type EventCodec,
  type Writer,
} from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { proposalRecord } from '../proposal/commands.ts';

export const projectCodec: EventCodec<ProjectEvent> = {
  read: (recorded) => parseProjectEvent(recorded.type, recorded.data),
  versionOf: (type) => projectEventSchemas[type].version,
  describe: describeProjectEvent,
};

/** The project's stream, for readState and the command path. */
export const projectRecord = (projectId: string) => ({
  stream: projectStreams.project(projectId),
  decider: projectDecider,
  codec: projectCodec,
});

const projectSubject = (state: ProjectState): LocalizedText =>
  state.status === 'none'
    ? { 'zh-CN': '项目', en: 'The project' }
    : { 'zh-CN': `项目「${state.opened.title}」`, en: `The project “${state.opened.title}”` };

export function onProject(
  w: Writer,
  projectId: string,
  command: (state: ProjectState) => ProjectCommand | Promise<ProjectCommand>,
  expectedRevision?: bigint,
) {
  return executeCommand(w.store, {
    ...projectRecord(projectId),
    command,
    expectedRevision,
    subject: projectSubject,
    metadata: w.metadata,
  });
}

/**
 * Opens one project per winner of each community's last tally, named after its proposal; a
 * project already open is left as it is, so running it again (a retried confirmation) opens
 * nothing twice. Answers the results of the projects it opened.
 */
export async function openProjects(
  w: Writer,
  cycleId: string,
): Promise<CommandResult<ProjectEvent>[]> {
  const cycle = (await readState(w.store, cycleRecord(cycleId))).state;
  const published = requirePublishedCycle(cycle, cycleId);
  const results: CommandResult<ProjectEvent>[] = [];
  for (const { communityId } of published.definition.communities) {
    const tally = (await readState(w.store, tallyRecord(cycleId, communityId))).state;
    if (tally.status !== 'tallied') continue;
    const { winners, projects, ballotCount, inputDigest } = tally.last;
    for (const proposalId of winners) {
      const counted = projects.find((p) => p.proposalId === proposalId)!;
      const result = await onProject(w, proposalId, async () => {
        const proposal = (await readState(w.store, proposalRecord(proposalId))).state;
        if (proposal.status === 'none')
          throw new Error(`A winner without a proposal: ${proposalId}`);
        return {
          type: 'OpenProject',
          data: {
            projectId: proposalId,
            cycleId,
            proposalId,
            streetId: published.streetId,
            communityId,
            title: proposal.content.title,
            category: proposal.content.category,
            selectedCost: counted.cost,
            votes: counted.votes,
            ballotCount,
            tallyDigest: inputDigest,
          },
          cycle,
          winners,
        };
      });
      if (result.events.length > 0) results.push(result);
    }
  }
  return results;
}

type Data<T extends ProjectEvent['type']> = ProjectEventData<T>;

export const approveProject = (w: Writer, data: Data<'ProjectApproved'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'ApproveProject', data }), rev);

export const reviewBudget = (w: Writer, data: Data<'ProjectBudgetReviewed'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'ReviewBudget', data }), rev);

/** The award is decided on the cycle's direct-award threshold, read from its stream. */
export const awardContract = (w: Writer, data: Data<'ProjectContractAwarded'>, rev?: bigint) =>
  onProject(
    w,
    data.projectId,
    async (state) => ({
      type: 'AwardContract',
      data,
      cycle:
        state.status === 'none'
          ? { status: 'none' }
          : (await readState(w.store, cycleRecord(state.opened.cycleId))).state,
    }),
    rev,
  );

export const startWorks = (w: Writer, data: Data<'ProjectWorksStarted'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'StartWorks', data }), rev);

export const reachMilestone = (w: Writer, data: Data<'ProjectMilestoneReached'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'ReachMilestone', data }), rev);

export const recordPayment = (w: Writer, data: Data<'ProjectPaymentMade'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'RecordPayment', data }), rev);

export const completeWorks = (w: Writer, data: Data<'ProjectWorksCompleted'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'CompleteWorks', data }), rev);

export const recordAcceptance = (
  w: Writer,
  data: Data<'ProjectAcceptanceRecorded'>,
  rev?: bigint,
) => onProject(w, data.projectId, () => ({ type: 'RecordAcceptance', data }), rev);

export const settleProject = (w: Writer, data: Data<'ProjectSettled'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'SettleProject', data }), rev);

export const suspendProject = (w: Writer, data: Data<'ProjectSuspended'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'SuspendProject', data }), rev);

export const resumeProject = (w: Writer, data: Data<'ProjectResumed'>, rev?: bigint) =>
  onProject(w, data.projectId, () => ({ type: 'ResumeProject', data }), rev);

export const cancelProject = (
  w: Writer,
  data: Omit<Data<'ProjectCancelled'>, 'released'>,
  rev?: bigint,
) => onProject(w, data.projectId, () => ({ type: 'CancelProject', data }), rev);
