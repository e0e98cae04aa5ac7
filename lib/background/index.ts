export { CLIP_MENU_ID, installContextMenu } from './context-menu';
export { messageHandlers } from './message-handlers';
export { openSidebar } from './open-sidebar';
export { LeadTracker, type LeadTrackerOptions } from './lead-tracker';
export { playbookHandlers } from './playbook-handlers';
export { installToolbarBadge, type ToolbarBadgeController } from './toolbar-badge';
export { RescoreRunner } from './rescore-runner';
export { SyncScheduler } from './sync-scheduler';
export { applySyncedTeamSettings } from './sync-team-settings';
