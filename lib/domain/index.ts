export { hostOf, registrableDomain } from './registrable-domain';
