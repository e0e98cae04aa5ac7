/**
 * Deterministic, realistic leads for the benchmarks: English and Chinese company names (40% Chinese, some with a
 * unified social credit code), registrable domains under common TLDs, switchboard emails and phones (with fax
 * and toll-free numbers), sometimes a named contact person and an address, and a description of about 200
 * characters. Leads are built the way the extension builds them (a capture, validated by the capture schema,
 * through newLeadFromCapture), then some get the fields a rep fills in (stage, industry, region, tags).
 * Lead i is the same in every page of a run, so the databases of a size hold equal data.
 */
import type { z } from 'zod';
import { formatHlc } from '../../lib/clock';
import { newLeadFromCapture } from '../../lib/leads';
import { PageCapture, type Lead, type Stage } from '../../lib/schema';

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const EN_PREFIX = ['Acme', 'Northwind', 'Blue Harbor', 'Summit', 'Ironclad', 'Evergreen', 'Atlas', 'Pioneer', 'Redwood', 'Silverline', 'Granite', 'Brightpath', 'Cobalt', 'Keystone', 'Meridian', 'Oakridge', 'Vertex', 'Harbor Point', 'Lumen', 'Crestview'];
const EN_CORE = ['Robotics', 'Logistics', 'Packaging', 'Instruments', 'Textiles', 'Foods', 'Plastics', 'Electronics', 'Machinery', 'Solar', 'Medical Supply', 'Fasteners', 'Coatings', 'Valves', 'Furniture', 'Optics', 'Ceramics', 'Cable', 'Pumps', 'Bearings'];
const EN_SUFFIX = ['Inc.', 'Ltd', 'LLC', 'GmbH', 'Pty Ltd', 'Co.', 'Group', 'AG', 'S.A.', 'B.V.'];
const CN_CITY = ['深圳市', '广州市', '上海', '北京', '杭州', '宁波', '苏州', '东莞市', '佛山市', '厦门', '青岛', '成都', '武汉', '天津', '无锡'];
const CN_BRAND = ['华瑞', '腾达', '恒信', '新宇', '金鼎', '博远', '鑫源', '天成', '海纳', '宏达', '中科', '瑞丰', '盛世', '卓越', '创维', '联创', '嘉禾', '东方', '星辰', '万通'];
const CN_TRADE = ['电子科技', '机械制造', '包装材料', '精密仪器', '纺织品', '食品', '塑胶制品', '新能源', '医疗器械', '五金', '照明', '化工', '家具', '光电', '物流'];
const CN_SUFFIX = ['有限公司', '股份有限公司', '实业有限公司', '集团有限公司'];
const PINYIN: Record<string, string> = { 华瑞: 'huarui', 腾达: 'tengda', 恒信: 'hengxin', 新宇: 'xinyu', 金鼎: 'jinding', 博远: 'boyuan', 鑫源: 'xinyuan', 天成: 'tiancheng', 海纳: 'haina', 宏达: 'hongda', 中科: 'zhongke', 瑞丰: 'ruifeng', 盛世: 'shengshi', 卓越: 'zhuoyue', 创维: 'chuangwei', 联创: 'lianchuang', 嘉禾: 'jiahe', 东方: 'dongfang', 星辰: 'xingchen', 万通: 'wantong' };
const EN_TLD = ['com', 'com', 'com', 'co.uk', 'de', 'com.au', 'io', 'net', 'fr', 'nl'];
const CN_TLD = ['com', 'cn', 'com.cn', 'net.cn'];
const CN_AREA = ['755', '20', '21', '10', '571', '574', '512', '769'];
const DESCRIPTION_EN = [
  'Family-owned manufacturer serving OEM customers across Europe and North America since 1987.',
  'ISO 9001 and ISO 14001 certified plants with in-house tooling, testing lab and engineering support.',
  'Short lead times on standard parts, custom runs from 500 units, and export documentation handled for you.',
  'Distributors wanted in Southeast Asia and Latin America; samples ship within five working days.',
  'Our engineers help you pick the right material, finish and tolerance for demanding applications.',
];
const DESCRIPTION_CN = [
  '公司成立于2003年，专业从事研发、生产和销售，拥有现代化厂房两万平方米及完善的质量检测体系。',
  '产品通过ISO9001、CE、RoHS认证，远销欧美、东南亚、中东等五十多个国家和地区，深受客户好评。',
  '可根据客户需求提供OEM/ODM定制服务，样品七天内发出，交期稳定，欢迎来电洽谈合作。',
  '坚持以质量求生存、以创新求发展，竭诚为国内外客户提供优质的产品和专业的技术支持服务。',
];

export interface Person {
  name: string;
  title: string;
  phone: string;
  email: string | null;
}

export interface Company {
  name: string;
  legalName: string | null;
  domain: string;
  url: string;
  emails: string[];
  phones: Array<{ value: string; kind: 'phone' | 'fax' | 'mobile' | 'toll_free' }>;
  people: Person[];
  address: string | null;
  creditCode: string | null;
  description: string;
  chinese: boolean;
}

const CN_SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const CN_TITLES = ['经理', '总经理', '销售经理', '外贸部经理', '采购主管'];
const EN_PEOPLE = ['Anna Schmidt', 'James Miller', 'Sophie Martin', 'Lukas Weber', 'Emily Clarke', 'Daniel Novak', 'Maria Rossi', 'Tom Jansen'];
const EN_TITLES = ['Sales Manager', 'Head of Export', 'Managing Director', 'Purchasing Lead', 'Key Account Manager'];

/** Company i of the data set (i is encoded into the domain, so every domain is unique). */
export function companyOf(i: number): Company {
  const random = rng(0x5eed ^ Math.imul(i + 1, 0x9e3779b1));
  const tag = i.toString(36);
  const chinese = random() < 0.4;
  const digits = (count: number) => String(Math.floor(random() * 10 ** count)).padStart(count, '0');
  if (chinese) {
    const brand = pick(random, CN_BRAND);
    const trade = pick(random, CN_TRADE);
    const city = pick(random, CN_CITY);
    const name = `${city}${brand}${trade}${pick(random, CN_SUFFIX)}`;
    const domain = `${PINYIN[brand]}${tag}.${pick(random, CN_TLD)}`;
    const area = pick(random, CN_AREA);
    const people: Person[] =
      random() < 0.35 ? [{ name: `${pick(random, CN_SURNAMES)}${pick(random, CN_TITLES)}`, title: pick(random, CN_TITLES), phone: `+86 13${digits(9)}`, email: null }] : [];
    return {
      name,
      legalName: random() < 0.5 ? name : null,
      domain,
      url: `https://www.${domain}/${pick(random, ['', 'about.html', 'contact.html', 'en/index.html'])}`,
      emails: [`sales@${domain}`, ...(random() < 0.5 ? [`info@${domain}`] : [])],
      phones: [
        { value: `+86 ${area} ${digits(8)}`, kind: 'phone' },
        ...(random() < 0.4 ? [{ value: `+86 ${area} ${digits(8)}`, kind: 'fax' as const }] : []),
        ...(random() < 0.3 ? [{ value: `400-${digits(3)}-${digits(4)}`, kind: 'toll_free' as const }] : []),
      ],
      people,
      address: random() < 0.5 ? `${city}${pick(random, ['南山区', '宝安区', '滨江区', '浦东新区', '天河区'])}科技园${1 + Math.floor(random() * 99)}号` : null,
      creditCode: random() < 0.5 ? creditCodeOf(i) : null,
      description: describe(random, DESCRIPTION_CN, 110),
      chinese,
    };
  }
  const prefix = pick(random, EN_PREFIX);
  const core = pick(random, EN_CORE);
  const suffix = pick(random, EN_SUFFIX);
  const slug = `${prefix}-${core}`.toLowerCase().replace(/[^a-z]+/g, '-');
  const domain = `${slug}-${tag}.${pick(random, EN_TLD)}`;
  const person = pick(random, EN_PEOPLE);
  return {
    name: `${prefix} ${core}`,
    legalName: random() < 0.6 ? `${prefix} ${core} ${suffix}` : null,
    domain,
    url: `https://www.${domain}/${pick(random, ['', 'about', 'contact-us', 'products/'])}`,
    emails: [`sales@${domain}`, ...(random() < 0.6 ? [`info@${domain}`] : []), ...(random() < 0.2 ? [`export@${domain}`] : [])],
    phones: [
      { value: `+1 ${200 + Math.floor(random() * 700)} 555 ${digits(4)}`, kind: 'phone' },
      ...(random() < 0.3 ? [{ value: `+49 89 ${digits(4)} ${digits(4)}`, kind: 'phone' as const }] : []),
    ],
    people:
      random() < 0.25
        ? [{ name: person, title: pick(random, EN_TITLES), phone: `+1 ${200 + Math.floor(random() * 700)} 555 ${digits(4)}`, email: `${person.split(' ')[0]!.toLowerCase()}@${domain}` }]
        : [],
    address: random() < 0.4 ? `${1 + Math.floor(random() * 400)} ${pick(random, ['Harbour Road', 'Industriestraße', 'Main Street', 'Rue de Lyon'])}` : null,
    creditCode: null,
    description: describe(random, DESCRIPTION_EN, 200),
    chinese,
  };
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unique, well-formed unified social credit code (GB 32100-2015, both check characters right) for company i. */
function creditCodeOf(i: number): string {
  const organization = `M${String(i).padStart(7, '0')}`;
  const orgSum = [...organization].reduce((sum, char, k) => sum + (/\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55) * [3, 7, 9, 10, 5, 8, 4, 2][k]!, 0);
  const orgCheck = (11 - (orgSum % 11)) % 11;
  const first17 = `91440300${organization}${orgCheck === 10 ? 'X' : orgCheck}`;
  const sum = [...first17].reduce((total, char, k) => total + CREDIT_ALPHABET.indexOf(char) * CREDIT_WEIGHTS[k]!, 0);
  return `${first17}${CREDIT_ALPHABET[(31 - (sum % 31)) % 31]}`;
}

/** About `length` characters of description (Chinese text is denser, so fewer characters say as much). */
function describe(random: () => number, sentences: readonly string[], length: number): string {
  let text = '';
  while (text.length < length) text += (text ? ' ' : '') + pick(random, sentences);
  return text.slice(0, length + 40);
}

/**
 * What the extractor would send for one page of the company, validated (and defaulted) by the capture schema.
 * `contactPage` adds what a second page, the contact page, shows: one more email and phone.
 */
export function captureOf(company: Company, contactPage?: { email: string; phone: string }): PageCapture {
  const ev = <T>(value: T, source: 'json-ld' | 'meta' | 'link' | 'text' | 'footer', snippet: string) => ({ value, source, snippet: snippet.slice(0, 120), confidence: 0.9 });
  const emails = contactPage ? [...company.emails, contactPage.email] : company.emails;
  const phones = contactPage ? [...company.phones, { value: contactPage.phone, kind: 'phone' as const }] : company.phones;
  const input: z.input<typeof PageCapture> = {
    url: contactPage ? `https://www.${company.domain}/contact` : company.url,
    title: `${company.name} | ${company.chinese ? '官网' : 'Official site'}`,
    domain: company.domain,
    fields: {
      name: ev(company.name, 'json-ld', company.name),
      ...(company.legalName ? { legalName: ev(company.legalName, 'json-ld', company.legalName) } : {}),
      description: ev(company.description, 'meta', company.description),
      emails: emails.map((e) => ev(e, 'link', e)),
      phones: phones.map((p) => ({ ...ev(p.value, 'text', `${p.kind === 'fax' ? 'Fax' : 'Tel'}: ${p.value}`), kind: p.kind })),
      people: company.people.map((p) => ({ name: ev(p.name, 'text', p.name), title: ev(p.title, 'text', p.title), phones: [p.phone], emails: p.email ? [p.email] : [] })),
      addresses: company.address ? [ev({ full: company.address }, 'footer', company.address)] : [],
      ...(company.creditCode ? { creditCode: ev(company.creditCode, 'footer', `统一社会信用代码：${company.creditCode}`) } : {}),
    },
    warnings: [],
  };
  return PageCapture.parse(input);
}

const BASE_MILLIS = Date.UTC(2025, 0, 6, 9, 0, 0);
const NODE = 'b3c4d5e6f7a8b9c0';
const STAGES: Stage[] = ['not_contacted', 'not_contacted', 'initial_contact', 'needs_confirmed', 'proposal_submitted', 'negotiation', 'won', 'lost'];
const INDUSTRIES = ['Manufacturing', 'Wholesale', 'Logistics', 'Electronics', 'Medical devices', '制造业', '电子', '新能源'];
const REGIONS = ['DACH', 'UK & Ireland', 'North America', 'ANZ', '华南', '华东', '华北', 'Benelux'];
const TAGS = ['canton-fair', 'hannover-messe', 'key-account', 'distributor', 'oem', 'price-sensitive', 'samples-sent'];

/** A UUIDv7 with the timestamp of `millis` and random bits from the generator (deterministic). */
export function uuidV7(millis: number, random: () => number): string {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  const time = millis.toString(16).padStart(12, '0');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

const TIERS = ['S', 'A', 'B', 'C'] as const;

/** Stored lead i: created from a capture over the past months, then worked on by a rep. */
export function leadOf(i: number): Lead {
  const company = companyOf(i);
  const random = rng(0xc0ffee ^ Math.imul(i + 1, 0x85ebca6b));
  const created = BASE_MILLIS + i * 60_000;
  const createdAt = new Date(created).toISOString();
  const lead = newLeadFromCapture({
    id: uuidV7(created, random),
    code: `LX${new Date(created).getUTCFullYear()}${String(i + 1).padStart(3, '0')}`,
    capture: captureOf(company),
    stamp: formatHlc({ millis: created, counter: 0, node: NODE }),
    now: createdAt,
    ownerId: null,
  });
  if (random() < 0.7) {
    const edited = created + Math.floor(random() * 30) * 86_400_000;
    const stamp = formatHlc({ millis: edited, counter: 0, node: NODE });
    lead.stage = pick(random, STAGES);
    lead.industry = pick(random, INDUSTRIES);
    lead.region = pick(random, REGIONS);
    lead.tags = [pick(random, TAGS), ...(random() < 0.3 ? [pick(random, TAGS)] : [])].filter((t, k, all) => all.indexOf(t) === k);
    lead.tier = pick(random, TIERS);
    lead.updatedAt = new Date(edited).toISOString();
    for (const field of ['stage', 'industry', 'region', 'tags', 'tier']) {
      lead.versions[field] = stamp;
      lead.origins[field] = { by: 'rep' };
    }
  }
  return lead;
}
