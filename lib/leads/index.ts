export { capturedValues, websiteOf, type CapturableField, type CapturedValues } from './captured-values';
export { contactsFromCapture, isSamePerson, mergeContactFields, personKey, type ContactWrite } from './contacts-from-capture';
export { REP_ORIGIN, confidenceOf, isManual, manualFields, type OriginsPatch } from './field-origin';
export { applyLeadPatch, changedFields, mergeLeadCopies, stampFields } from './lead-edits';
export { applyCaptureMerge, mergeCaptureIntoLead, newLeadFromCapture, type CaptureMerge, type CaptureOptions, type NewLeadInput } from './lead-from-capture';
export { mergeLeadInto, mergeLeads, type LeadMergeResult } from './merge-leads';
