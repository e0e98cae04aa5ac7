export { responseDeadline } from './response-deadline';
export { leadNextFollowUp, nextFollowUp, type FollowUpBasis, type FollowUpInput, type FollowUpLead } from './next-follow-up';
export { phaseOverdue, type PhaseStatus } from './phase-overdue';
export { TaskKind, taskPriority } from './task-priority';
export { TaskDraft, proposeTasks, type ProposeInput } from './propose-tasks';
export { taskFromDraft, type TaskEdits } from './task-from-draft';
export { expectedDealAmount, forecastAccumulator, stageProbability, weightedForecast, type Forecast, type StageForecast } from './funnel';
export { StageChange, recordStageChange, stageEnteredAt } from './stage-history';
export { OPEN_STAGES } from './open-stages';
