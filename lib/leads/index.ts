export { applyLeadPatch, changedFields, mergeLeadCopies } from './lead-edits';
export { mergeCaptureIntoLead, newLeadFromCapture, patchFromCapture } from './lead-from-capture';
