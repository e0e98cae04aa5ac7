export { ErrorCode, SidecarError, type ErrorValue, type Result } from './errors';
export { handleMessage, type Handlers, type MessageSender } from './handle';
export { protocol, type MessageType, type RequestOf, type ResponseOf } from './protocol';
export { sendMessage } from './send';
export { AgendaItem, LeadCard, TaskEdits } from './lead-card';
