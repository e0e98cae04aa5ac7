export { isPersonalNumber, maskNumbersInText, maskPhone, numberMasker } from './mask-phone';
export { companyPhonesOf, maskCapture, maskPersonalPhones, personalNumbersOf } from './personal-numbers';
