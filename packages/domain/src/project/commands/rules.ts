// Refusals the project commands share: the project must exist, be neither suspended nor
// cancelled, and be at the stage just before the one a command reaches.
import { refuse } from '../../shared/errors.ts';
import { moneyText } from '../../cycle/describe.ts';
import { projectStageText, projectStepText } from '../describe.ts';
import {
  projectStages,
  type ExistingProject,
  type ProjectStage,
  type ProjectState,
} from '../state.ts';

export function requireProject(state: ProjectState, projectId: string): ExistingProject {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'project_not_found',
      `找不到项目（编号 ${projectId}）。`,
      `There is no project with id ${projectId}.`,
    );
  }
  return state;
}

/** The project, neither cancelled nor suspended. */
export function requireActive(state: ProjectState, projectId: string): ExistingProject {
  const project = requireProject(state, projectId);
  if (project.status === 'cancelled') {
    return refuse(
      'conflict',
      'project_cancelled',
      '项目已撤销，不能再办理。',
      'The project has been cancelled; nothing more can be recorded on it.',
    );
  }
  if (project.status === 'suspended') {
    return refuse(
      'conflict',
      'project_suspended',
      '项目已暂停；恢复后才能继续办理。',
      'The project is suspended; resume it before recording anything more.',
    );
  }
  return project;
}

/** The active project at the stage just before `reaching`: no stage skipped or taken twice. */
export function requireStageBefore(
  state: ProjectState,
  projectId: string,
  reaching: ProjectStage,
): ExistingProject {
  const project = requireActive(state, projectId);
  const at = projectStages.indexOf(project.stage);
  const target = projectStages.indexOf(reaching);
  if (at === target - 1) return project;
  const step = projectStepText[reaching];
  const stage = projectStageText[project.stage];
  if (at >= target) {
    return refuse(
      'conflict',
      'stage_done',
      `项目已经过「${step['zh-CN']}」（目前：${stage['zh-CN']}），不能重复办理。`,
      `The project is past ${step.en} (now: ${stage.en}); it cannot be recorded again.`,
    );
  }
  const next = projectStepText[projectStages[at + 1]!];
  return refuse(
    'conflict',
    'stage_skipped',
    `项目目前「${stage['zh-CN']}」，下一步是「${next['zh-CN']}」，不能跳过。`,
    `The project is ${stage.en}; its next step is ${next.en}, and steps cannot be skipped.`,
  );
}

/** The active project at `stage` exactly (milestones and payments during the works). */
export function requireStage(
  state: ProjectState,
  projectId: string,
  stages: readonly ProjectStage[],
  what: { zh: string; en: string },
): ExistingProject {
  const project = requireActive(state, projectId);
  if (!stages.includes(project.stage)) {
    const stage = projectStageText[project.stage];
    return refuse(
      'conflict',
      'wrong_stage',
      `项目目前「${stage['zh-CN']}」；${what.zh}。`,
      `The project is ${stage.en}; ${what.en}.`,
    );
  }
  return project;
}

/** Both languages of an amount, for messages. */
export const money = (fen: number) => moneyText(fen);
