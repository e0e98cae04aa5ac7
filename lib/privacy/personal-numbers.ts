import type { PageCapture } from '../schema';
import { isPersonalNumber, maskPhone, numberMasker } from './mask-phone';

const tail = (phone: string) => phone.replace(/\D/g, '').slice(-7);

/**
 * The numbers on a page that belong to people: mobiles, and numbers listed with a person unless the page also
 * gives them as one of the company's lines (a switchboard printed next to a contact's name stays the company's).
 */
export function personalNumbersOf(capture: PageCapture): string[] {
  const companyLines = new Set(capture.fields.phones.filter((phone) => !isPersonalNumber(phone.value, phone.kind)).map((phone) => tail(phone.value)));
  const people = capture.fields.people.flatMap((person) => person.phones).filter((phone) => isPersonalNumber(phone) || !companyLines.has(tail(phone)));
  const tails = new Set(people.map(tail));
  const mobiles = capture.fields.phones.filter((phone) => isPersonalNumber(phone.value, phone.kind) || tails.has(tail(phone.value)));
  return [...new Set([...people, ...mobiles.map((phone) => phone.value)])];
}

/** The company's phone list of a capture: its switchboards whole, its people's numbers masked when asked. */
export function companyPhonesOf(capture: PageCapture, mask: boolean): string[] {
  const personal = new Set(personalNumbersOf(capture).map(tail));
  return [...new Set(capture.fields.phones.map((phone) => (mask && personal.has(tail(phone.value)) ? maskPhone(phone.value) : phone.value)))];
}

/** Numbers typed by the rep: with masking on, mobiles are kept as the playbook requires, masked. */
export function maskPersonalPhones(phones: readonly string[]): string[] {
  return [...new Set(phones.map((phone) => (isPersonalNumber(phone) ? maskPhone(phone) : phone)))];
}

/**
 * The capture as it is stored for evidence when masking is on: people's numbers and mobiles masked wherever
 * they appear (values, every evidence snippet, the main text). The page URL stays, so the rep can look a
 * number up again.
 */
export function maskCapture(capture: PageCapture): PageCapture {
  const personal = personalNumbersOf(capture);
  if (personal.length === 0) return capture;
  const tails = new Set(personal.map(tail));
  const inText = numberMasker(personal);
  const fields = maskSnippets(capture.fields, inText);
  return {
    ...capture,
    fields: {
      ...fields,
      phones: fields.phones.map((phone) => (tails.has(tail(phone.value)) ? { ...phone, value: maskPhone(phone.value) } : phone)),
      people: fields.people.map((person) => ({ ...person, phones: person.phones.map((phone) => (tails.has(tail(phone)) ? maskPhone(phone) : phone)) })),
    },
    ...(capture.mainText !== undefined ? { mainText: inText(capture.mainText) } : {}),
  };
}

/** A copy with `mask` applied to every evidence snippet, however deep (people's names and titles, firmographics). */
function maskSnippets<T>(value: T, mask: (text: string) => string): T {
  if (Array.isArray(value)) return value.map((item) => maskSnippets(item, mask)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === 'snippet' && typeof item === 'string' ? mask(item) : maskSnippets(item, mask)]),
  ) as T;
}
