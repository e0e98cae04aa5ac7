/**
 * Whether a page is a job ad. On a careers page the main text describes a job ("Responsibilities",
 * "岗位职责", "Apply now"), not the company, so it must not become the company's description.
 */

export interface JobPageSignals {
  /** The page is a job ad: structured data says so, or its text reads as one. */
  posting: boolean;
  /** The address is a careers or jobs page ("/careers", "/jobs/123", "/zhaopin", "/karriere"). */
  careersPage: boolean;
  /** What showed it, for the warning and for tests. */
  reasons: string[];
}

/** Path segments of careers sites in the languages the extractor reads. */
const CAREERS_PATH =
  /(?:^|[/._-])(?:careers?|jobs?|job-openings?|openings|vacanc(?:y|ies)|hiring|join-?us|work-with-us|recruit(?:ment|ing)?|positions?|talents?|rczp|rencai|karriere|stellen(?:angebote|markt)?|jobboerse|emplois?|offres?-d-emploi|recrutement|lavora-con-noi|carriere|posizioni-aperte|empleo|trabaja-con-nosotros|vacatures|werken-bij|zhaopin|jiaru|shezhao|xiaozhao)(?:$|[/._?#-])/i;
const CAREERS_HOST = /^(?:careers?|jobs|karriere|hr|zhaopin)\./i;
/** A page title that names a careers page: "Careers at Acme", "Stellenangebote", "人才招聘". */
const CAREERS_TITLE = /\b(?:careers?|jobs|job openings|vacancies|we(?:'|’)re hiring|join our team|karriere|stellenangebote|offres d['’]emploi|carrières|lavora con noi|empleo|vacatures)\b|招聘|人才|加入我们/iu;

/**
 * Phrases of job ads, each a separate signal: a page shows several of them (a heading "Requirements", a
 * button "Apply now"); a company description shows none or one in passing.
 */
const JOB_AD_SIGNALS: RegExp[] = [
  /\bapply (?:now|today|online|for this (?:job|position|role))\b/i,
  /\b(?:key )?responsibilities\b/i,
  /\b(?:requirements|qualifications|skills and experience)\s*[:：\n]/i,
  /\bwhat you(?:'|’)ll do\b|\bwhat you will do\b|\bthe role\s*[:：\n]|\babout the (?:role|job|position)\b/i,
  /\bwhat we(?:'|’)re looking for\b|\bwho you are\b|\byour profile\b|\bnice to have\b/i,
  /\bwe(?:'|’)re (?:looking for|hiring)\b|\bwe are (?:looking for|hiring|seeking)\b|\bjoin our team as\b|\byou will be responsible\b/i,
  /\bjob (?:description|summary|type|id)\b|\bemployment type\b|\bposted (?:on|\d)/i,
  /岗位职责|职位职责|工作职责|工作内容/u,
  /任职要求|任职资格|岗位要求|职位要求/u,
  /职位描述|岗位描述|职位详情|职位信息/u,
  /立即申请|投递简历|简历投递|申请职位|应聘/u,
  /诚聘|招聘[:：]|急聘|薪资待遇|福利待遇|薪酬福利/u,
  /\bihre aufgaben\b|\bihr profil\b|\bwir bieten\b|\bjetzt bewerben\b|\bstellenbeschreibung\b|\(m\/w\/d\)|\(w\/m\/d\)/iu,
  /\bvos missions\b|\bprofil recherché\b|\bpostuler\b|\bdescription du poste\b/iu,
  /\brequisitos\b|\bfunciones del puesto\b|\bpostúlate\b|\bresponsabilità\b|\brequisiti\b|\bcandidati ora\b/iu,
];

/** Job ads put their headings and their button early: the first 8,000 characters hold them. */
const MAX_TEXT = 8_000;
const MAX_NODES = 2_000;

/**
 * Reads the signals of a job ad: a JobPosting in the page's JSON-LD, the address and title, and the job-ad
 * phrases in `text` (the page's main text, or its visible text). A careers address or title with one phrase, or
 * two phrases anywhere, make a posting; a careers page alone does not (a "Life at Acme" page still describes Acme).
 */
export function readJobPageSignals(url: string, jsonLdBlocks: readonly unknown[], text: string, title = ''): JobPageSignals {
  const reasons: string[] = [];
  const careersUrl = isCareersUrl(url);
  if (careersUrl) reasons.push('careers address');
  const careersTitle = CAREERS_TITLE.test(title.slice(0, 300));
  if (careersTitle) reasons.push('careers title');
  const careersPage = careersUrl || careersTitle;
  const structured = hasJobPosting(jsonLdBlocks);
  if (structured) reasons.push('JobPosting in structured data');
  const phrases = jobAdPhrases(text);
  if (phrases.length > 0) reasons.push(`job-ad wording (${phrases.slice(0, 3).join(', ')})`);
  const posting = structured || phrases.length >= 2 || (careersPage && phrases.length >= 1);
  return { posting, careersPage, reasons };
}

/** The job-ad phrases found in a text (at most one per signal), as written. */
export function jobAdPhrases(text: string): string[] {
  const sample = text.slice(0, MAX_TEXT);
  const found: string[] = [];
  for (const signal of JOB_AD_SIGNALS) {
    const match = signal.exec(sample);
    if (match) found.push(match[0].trim());
  }
  return found;
}

export function isCareersUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return CAREERS_HOST.test(parsed.hostname) || CAREERS_PATH.test(decodeURIComponent(parsed.pathname).slice(0, 300));
}

/** Whether the JSON-LD names a JobPosting: at the top, in an array or in an @graph (walk bounded). */
function hasJobPosting(blocks: readonly unknown[]): boolean {
  const stack: unknown[] = [...blocks];
  for (let visited = 0; stack.length > 0 && visited < MAX_NODES; visited++) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node.slice(0, MAX_NODES)) stack.push(item);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const type = Object.hasOwn(record, '@type') ? record['@type'] : undefined;
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && /(?:^|[/#:])JobPosting$/.test(t))) return true;
      if (Object.hasOwn(record, '@graph')) stack.push(record['@graph']);
    }
  }
  return false;
}
