export { CLIP_MENU_ID, installContextMenu } from './context-menu';
export { messageHandlers } from './message-handlers';
export { openSidebar } from './open-sidebar';
