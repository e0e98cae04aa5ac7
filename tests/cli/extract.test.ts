import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractCompany } from '@/lib/capture';
import { CompanyCapture } from '@/lib/schema';
import { decodeHtml } from '../../scripts/decode-html';
import { runExtract } from '../../scripts/extract';
import { CORPUS_DIR, corpusAvailable, parsePage } from '../helpers/corpus';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sidecar-extract-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const corpusPages = async (): Promise<Array<[string, string]>> => {
  const pages: Array<[string, string]> = [];
  for (const line of (await readFile(`${CORPUS_DIR}../SOURCES.md`, 'utf8')).split('\n')) {
    const match = /^\| (\S+\.html) \| (\S+)/.exec(line);
    if (match) pages.push([join(CORPUS_DIR, match[1]!), match[2]!]);
  }
  return pages;
};

describe.runIf(corpusAvailable)('the extract command on real saved pages', () => {
  it('prints the same capture as the extension makes of the page', async () => {
    const file = join(CORPUS_DIR, 'webstruct-business-13.html');
    const result = await runExtract([file, '--url', 'http://www.fincar.com.au/contact']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const printed = CompanyCapture.parse(JSON.parse(result.stdout));
    const { text } = decodeHtml(await readFile(file));
    expect(printed).toEqual(extractCompany(parsePage(text), 'http://www.fincar.com.au/contact'));
    expect(printed.domain).toBe('fincar.com.au');
  });

  it('reads every corpus page in one run, printing an array of valid captures', async () => {
    const pages = await corpusPages();
    const result = await runExtract(pages.flatMap(([file, url]) => [file, '--url', url]));
    expect(result.code).toBe(0);
    const captures = (JSON.parse(result.stdout) as unknown[]).map((capture) => CompanyCapture.parse(capture));
    expect(captures.map((capture) => capture.url)).toEqual(pages.map(([, url]) => url));
  });

  it('decodes GBK and windows-1252 pages by their declaration, and by sniffing when they declare nothing', async () => {
    const autohome = await readFile(join(CORPUS_DIR, 'top1000-www.autohome.com.cn.html'));
    expect(decodeHtml(autohome)).toMatchObject({ charset: 'gbk', by: 'declared' });
    const withoutCharset = (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace(/charset\s*=\s*["']?[\w-]+/gi, ''), 'latin1');
    const undeclared = withoutCharset(autohome);
    const sniffed = decodeHtml(undeclared);
    expect(sniffed).toMatchObject({ charset: 'gbk', by: 'sniffed' });
    expect(sniffed.text).toContain('汽车之家');

    const balise = await readFile(join(CORPUS_DIR, 'webstruct-business-7.html'));
    expect(decodeHtml(balise)).toMatchObject({ charset: 'windows-1252', by: 'declared' });
    const latin = withoutCharset(balise);
    expect(decodeHtml(latin)).toMatchObject({ charset: 'windows-1252', by: 'sniffed' });
    expect(decodeHtml(latin).text).toContain('You\u2019ll do bet');

    const netease = await readFile(join(CORPUS_DIR, 'top1000-www.163.com.html'));
    expect(decodeHtml(netease)).toMatchObject({ charset: 'utf-8', by: 'sniffed' });
  });

  it('prints nothing but the JSON on stdout through npm run --silent', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'extract', '--', join(CORPUS_DIR, 'webstruct-business-12.html'), '--url', 'http://www.fincar.com.au/'], { cwd: process.cwd() });
    expect(CompanyCapture.parse(JSON.parse(stdout)).fields.name?.value).toBe('FinCar');
  });
});

describe('the extract command refuses what it cannot read, with a clear message and nothing on stdout', () => {
  it.each([
    ['no arguments', [], 2, /no page given/],
    ['a file without --url', ['page.html'], 2, /missing --url for page\.html/],
    ['--url before its file', ['--url', 'https://a.com/', 'page.html'], 2, /comes before the file/],
    ['a bad URL', ['page.html', '--url', 'www.acme'], 2, /not a web address/],
    ['a URL that is not a web page', ['page.html', '--url', 'javascript:alert(1)'], 2, /not a web page address/],
    ['an unknown option', ['page.html', '--uri', 'https://a.com/'], 2, /unknown option --uri/],
  ])('%s', async (_label, argv, code, message) => {
    const result = await runExtract(argv as string[]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });

  it('a missing file, a directory, an empty file and binary data', async () => {
    const png = join(scratch, 'logo.html');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const nul = join(scratch, 'nul.html');
    await writeFile(nul, Buffer.concat([Buffer.from('<html>'), Buffer.alloc(64), Buffer.from('</html>')]));
    const empty = join(scratch, 'empty.html');
    await writeFile(empty, '');
    for (const [file, message] of [
      [join(scratch, 'missing.html'), /no such file/],
      [scratch, /is a directory/],
      [empty, /is empty/],
      [png, /binary data/],
      [nul, /binary data/],
    ] as const) {
      const result = await runExtract([file, '--url', 'https://www.acme.com/']);
      expect(result, file).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(file);
    }
  });

  it('decodes a page with a byte-order mark or an unknown declared charset', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<title>华瑞</title>', 'utf16le')]);
    expect(decodeHtml(utf16)).toMatchObject({ charset: 'utf-16le', by: 'bom', text: '<title>华瑞</title>' });
    expect(decodeHtml(Buffer.from('<meta charset="klingon"><p>Grüße</p>'))).toMatchObject({ charset: 'utf-8', by: 'sniffed' });
  });
});
