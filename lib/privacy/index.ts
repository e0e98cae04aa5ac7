export { isPersonalNumber, maskNumbersInText, maskPhone } from './mask-phone';
export { companyPhonesOf, maskCapture, maskPersonalPhones } from './personal-numbers';
