// How projects read in pages: the domain's own texts (stages, methods, photo phases) in the
// interface language.
import {
  photoPhaseText,
  procurementMethodText,
  projectStageText,
  type PhotoPhase,
  type ProcurementMethod,
  type ProjectStage,
  type SurveyQuestion,
} from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { local } from '$lib/text';

export const projectStageLabel = (stage: ProjectStage): string => local(projectStageText[stage]);
export const methodLabel = (method: ProcurementMethod): string =>
  local(procurementMethodText[method]);
export const photoPhaseLabel = (phase: PhotoPhase): string => local(photoPhaseText[phase]);

/** The stage, or what overrides it: suspended, cancelled. */
export function projectStatusLabel(project: { status: string; stage: ProjectStage }): string {
  if (project.status === 'cancelled') return m.project_status_cancelled();
  if (project.status === 'suspended') return m.project_status_suspended();
  return projectStageLabel(project.stage);
}

/** The survey's questions as the page names them. */
export function questionLabel(question: SurveyQuestion): string {
  switch (question) {
    case 'overall':
      return m.project_question_overall();
    case 'quality':
      return m.project_question_quality();
    case 'timeliness':
      return m.project_question_timeliness();
    case 'usefulness':
      return m.project_question_usefulness();
  }
}
