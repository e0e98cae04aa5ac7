export { capturedValues } from './captured-values';
export { contactsFromCapture, type ContactWrite } from './contacts-from-capture';
export { manualFields } from './field-origin';
export { applyLeadPatch, changedFields, mergeLeadCopies } from './lead-edits';
export { applyCaptureMerge, mergeCaptureIntoLead, newLeadFromCapture, type CaptureMerge, type CaptureOptions, type NewLeadInput } from './lead-from-capture';
export { mergeLeads, type LeadMergeResult } from './merge-leads';
