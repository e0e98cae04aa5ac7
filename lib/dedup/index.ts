export { companyKeyOf } from './company-key';
export { companyNameKey, companyNameKeys } from './company-name-key';
