import type { PersonCapture, TextEvidence } from '../schema';
import type { ContactLines } from './contact-lines';
import type { FoundEmail } from './emails';
import { EN_TITLE, ZH_TITLE, isSignOff, looksLikeEnglishName, looksLikeChineseName, looksLikeTitle, namesOtherCompany } from './person-names';
import type { FoundPhone } from './phones';
import type { StructuredPerson } from './structured-contacts';

const MAX_PEOPLE = 50;
const MAX_LINES_SCANNED = 20_000;
/** "联系人：张经理", "联系人: 王小姐 13812345678", "负责人：李明（销售总监）". */
const ZH_CONTACT =
  /(?:联系人|联 系 人|负责人|业务联系人|销售联系人|对接人)\s*[:：]\s*(\p{Script=Han}{1,4}?)(?=先生|女士|小姐|总经理|副总经理|经理|总监|主管|主任|老师|工程师|总|电话|手机|邮箱|传真|职务|职位|地址|[^\p{Script=Han}]|$)(先生|女士|小姐|总经理|副总经理|经理|总监|主管|主任|老师|工程师|总)?(?:\s*[（(]([^)）]{2,16})[)）]|\s+(\p{Script=Han}{2,8}))?/u;
/**
 * "商务合作：王先生 186…", "业务咨询：李经理": labels of a business line rather than of a person, so a name is
 * taken only when a courtesy title or a job title follows it ("请致电" is not a name).
 */
const ZH_BUSINESS_CONTACT =
  /(?:商务合作|商务联系|业务联系|业务咨询|销售咨询|采购联系|合作洽谈|市场合作)\s*[:：]\s*(\p{Script=Han}{1,3}?)(先生|女士|小姐|总经理|副总经理|经理|总监|主管|主任|老师|工程师)/u;
/** "Contact: John Smith, Sales Manager", "Contact person: Ms. Jane Roe". */
const EN_CONTACT = /\b(?:[Cc]ontact(?: [Pp]erson)?|[Aa]ttn\.?|[Aa]ttention|[Ss]ales [Cc]ontact)\s*[:：]\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2})(?:\s*[,–—-]\s*([^,|]{2,60}))?/;
/**
 * German imprints (Impressum) name the people who represent the company, as the law requires:
 * "Geschäftsführer: Dr. Markus Weber", "Inhaberin: Anna Schäfer", "Vertreten durch den Geschäftsführer Jörg Schmidt".
 * The first person named is read, without academic titles.
 */
const DE_OFFICER =
  /(?:^|[|·•;,]\s*|\b[Vv]ertret(?:en|ungsberechtigt)\w*\s+(?:durch\s+)?(?:den|die)?\s*)(Geschäftsführer(?:in)?|Geschäftsführung|Inhaber(?:in)?|Vorstand|Vorstandsvorsitzende[rn]?|Prokurist(?:in)?)\s*[:：]?\s+(?:(?:Dr|Prof|Dipl|Ing|Mag)\.(?:-\p{L}+\.)?\s*|(?:Herr|Frau)\s+)*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})(?=$|[\s,;|(.])/u;
/** A word DE_OFFICER needs, tested first: most lines have none, and the pattern's start is slow to rule out. */
const OFFICER_WORD = /Geschäftsf|Inhaber|Vorstand|Prokurist/;
const LEGAL_FORM = /\b(?:GmbH|mbH|AG|KG|KGaA|OHG|UG|SE|e\.\s?K\.|Holding|Ltd|Inc)\b/;
/** "Ms. Linda Wang, Sales Manager": a courtesy title marks a person wherever the line puts them. */
const HONORIFIC_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2})\s*[,–—(-]\s*([^,|()]{2,60})/;
/** "John Smith, CEO", "Jane Roe – Head of Sales", "Jane Roe | Founder", "Jane Roe (CTO)". */
const NAME_THEN_TITLE = /^([^,|–—(]{3,40}?)\s*(?:,|\||–|—| - |\()\s*([^|()]{2,60}?)\)?[,.]?$/;
/** "CEO: John Smith", "总经理：张三", "董事长 张三". */
/** What NAME_THEN_TITLE needs between name and title: tested first, as most lines have none. */
const SEPARATOR = /[,|–—(]| - /;
const TITLE_THEN_NAME = /^([^:：]{2,40}?)\s*(?:[:：]|\s)\s*([^:：]{2,40})$/u;
const HONORIFIC = /^(?:先生|女士|小姐|老师)$/u;
/** Every title in a line, for taking them out (global copies of the person-names patterns, made once). */
const EN_TITLES = new RegExp(EN_TITLE.source, 'gi');
const ZH_TITLES = new RegExp(ZH_TITLE.source, 'gu');

/**
 * People the page names as the company's: its structured data (founders, employees), labelled contacts
 * ("联系人：张经理", "Contact: John Smith"), and team listings (a name with a job title beside or below it).
 * Testimonial signatures are not contacts: a name after "Regards" or a quotation, or whose title line
 * names another company, is skipped. Each person gets the emails and phones written right by their name.
 */
export function extractPeople(
  lines: ContactLines,
  structured: StructuredPerson[],
  emails: FoundEmail[],
  phones: FoundPhone[],
  phoneValue: (raw: string) => string | undefined,
  siteDomain: string | null,
): PersonCapture[] {
  const people = new Map<string, PersonCapture>();
  const add = (person: PersonCapture) => {
    const key = person.name.value.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (key && people.size < MAX_PEOPLE && !people.has(key)) people.set(key, person);
  };
  for (const person of structured) {
    const name = evidence(person.name, person.source, person.snippet, 0.9);
    const phoneValues = person.phones.map((raw) => phoneValue(raw)).filter((value): value is string => value !== undefined);
    add({ name, title: person.title ? evidence(person.title, person.source, person.snippet, 0.9) : undefined, emails: person.emails.slice(0, 10), phones: phoneValues.slice(0, 10) });
  }
  const all = lines.lines;
  const entries: Array<NamedPerson & { line: number }> = [];
  for (let i = 0; i < all.length && i < MAX_LINES_SCANNED && entries.length < MAX_PEOPLE; i++) {
    const line = all[i]!;
    if (line.length > 300) continue;
    const found = readLabelledContact(line, all[i - 1] ?? '', siteDomain) ?? readTeamEntry(all, i, siteDomain);
    if (!found) continue;
    entries.push({ ...found, line: i });
    i += found.span - 1;
  }
  entries.forEach((entry, k) => {
    const { line: first, span } = entry;
    const snippet = span > 1 ? all.slice(first, first + span).join(' / ') : all[first]!;
    // The contact details written with the person: on their own lines ("联系人：张经理 电话：138…", and then the
    // switchboard on the next line is the company's), or else on the two lines after, until the next person.
    const own = (line: number) => line >= first && line < first + span;
    const onOwnLines = emails.some((e) => own(e.line)) || phones.some((p) => own(p.line));
    const last = onOwnLines ? first + span - 1 : Math.min(first + span + 1, (entries[k + 1]?.line ?? Infinity) - 1);
    const mine = (line: number) => line >= first && line <= last;
    add({
      name: evidence(entry.name, 'text', snippet, entry.confidence),
      title: entry.title ? evidence(entry.title, 'text', snippet, entry.confidence) : undefined,
      emails: emails.filter((e) => mine(e.line)).map((e) => e.value).slice(0, 10),
      phones: phones.filter((p) => mine(p.line)).map((p) => p.value).slice(0, 10),
    });
  });
  return [...people.values()];
}

interface NamedPerson {
  name: string;
  title?: string;
  confidence: number;
  /** How many lines the entry takes (name and title on two lines: 2). */
  span: number;
}

function readLabelledContact(line: string, previous: string, siteDomain: string | null): NamedPerson | undefined {
  const zh = ZH_CONTACT.exec(line);
  if (zh) {
    const [, surnameOrName, suffix, bracketed, following] = zh;
    const name = `${surnameOrName}${suffix ?? ''}`;
    const title = bracketed ?? (following && ZH_TITLE.test(following) ? following : undefined) ?? (suffix && !HONORIFIC.test(suffix) ? suffix : undefined);
    return { name, title, confidence: 0.85, span: 1 };
  }
  const business = ZH_BUSINESS_CONTACT.exec(line);
  if (business) {
    const [, surnameOrName, suffix] = business;
    return { name: `${surnameOrName}${suffix}`, title: HONORIFIC.test(suffix!) ? undefined : suffix, confidence: 0.8, span: 1 };
  }
  const officer = OFFICER_WORD.test(line) ? DE_OFFICER.exec(line) : null;
  if (officer) {
    // Three capitalised words may be a name and the next label ("Markus Weber Registergericht"): then two.
    const name = [officer[2]!, officer[2]!.split(/\s+/).slice(0, 2).join(' ')].find(looksLikeLatinName);
    // "Inhaber: Brückner Holding GmbH": the owner is a company.
    const company = LEGAL_FORM.test(line.slice(officer.index + officer[1]!.length, officer.index + officer[0].length + 12));
    if (name && !company) return { name, title: officer[1]!, confidence: 0.85, span: 1 };
  }
  const en = EN_CONTACT.exec(line);
  if (en && looksLikeEnglishName(en[1]!)) return { name: en[1]!, title: en[2] && looksLikeTitle(en[2]) ? en[2].trim() : undefined, confidence: 0.85, span: 1 };
  const honorific = HONORIFIC_NAME.exec(line);
  if (honorific && !signsTestimonial(previous) && looksLikeEnglishName(honorific[1]!) && looksLikeTitle(honorific[2]!) && !namesOtherCompany(honorific[2]!, siteDomain)) return { name: honorific[1]!, title: honorific[2]!.trim(), confidence: 0.75, span: 1 };
  return undefined;
}

function readTeamEntry(lines: string[], i: number, siteDomain: string | null): NamedPerson | undefined {
  const line = lines[i]!;
  const previous = lines[i - 1] ?? '';
  if (signsTestimonial(previous)) return undefined;
  if (isName(line)) {
    const next = lines[i + 1] ?? '';
    if (!looksLikeTitle(next) || isName(next)) return undefined;
    if (namesOtherCompany(next, siteDomain) || namesOtherCompany(lines[i + 2] ?? '', siteDomain, true)) return undefined;
    return { name: line, title: next, confidence: 0.7, span: 2 };
  }
  const inline = SEPARATOR.test(line) ? NAME_THEN_TITLE.exec(line) : null;
  if (inline && isName(inline[1]!.trim()) && looksLikeTitle(inline[2]!) && !namesOtherCompany(inline[2]!, siteDomain)) {
    if (namesOtherCompany(lines[i + 1] ?? '', siteDomain, true)) return undefined;
    return { name: inline[1]!.trim(), title: inline[2]!.trim(), confidence: 0.7, span: 1 };
  }
  const titled = TITLE_THEN_NAME.exec(line);
  if (titled && isName(titled[2]!.trim()) && isTitleOnly(titled[1]!)) return { name: titled[2]!.trim(), title: titled[1]!.trim(), confidence: 0.7, span: 1 };
  return undefined;
}

/** The line above a testimonial's signature: a sign-off ("Regards") or the end of a quotation. */
function signsTestimonial(previous: string): boolean {
  return isSignOff(previous) || /["”»」]\s*$|^\s*["“«「]/u.test(previous);
}

function isName(text: string): boolean {
  return looksLikeEnglishName(text) || looksLikeChineseName(text);
}

/** A bare title ("CEO", "Founder & CEO", "总经理"), as written before a name. */
function isTitleOnly(text: string): boolean {
  const trimmed = text.trim();
  const stripped = trimmed.replace(EN_TITLES, '').replace(ZH_TITLES, '').replace(/[\s&/,、和及-]|of|and|sales|marketing|operations|finance|technology/gi, '');
  return trimmed.length <= 40 && looksLikeTitle(trimmed) && stripped.length <= 2;
}

/** "Markus Weber", "Jörg Müller-Lüdenscheidt": two or three capitalised words in any Latin script, none a business word. */
function looksLikeLatinName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every((word) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(word) && !NOT_NAME_WORDS_DE.has(word.toLowerCase())) &&
    looksLikeEnglishName(text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss'))
  );
}

/** Capitalised German words that can follow an officer's name on an imprint line without being part of it. */
const NOT_NAME_WORDS_DE = new Set(['herr', 'frau', 'und', 'sowie', 'gmbh', 'kg', 'ag', 'mbh', 'sitz', 'registergericht', 'amtsgericht', 'handelsregister']);

function evidence(value: string, source: TextEvidence['source'], snippet: string, confidence: number): TextEvidence {
  return { value: value.slice(0, 200), source, snippet: snippet.slice(0, 500), confidence };
}
