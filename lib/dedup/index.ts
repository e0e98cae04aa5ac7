export { companyDomainOfEmail, companyKeyOf, isSharedDomain } from './company-key';
export { companyNameKey, companyNameKeys } from './company-name-key';
