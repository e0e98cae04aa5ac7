export { extractCompany } from './extract-company';
