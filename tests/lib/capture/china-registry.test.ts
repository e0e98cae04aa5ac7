import { extractCompany } from '@/lib/capture';
import { hasValidOrganizationCode, isValidCreditCode, readCreditCode, readIcpLicense } from '@/lib/capture/china-registry';
import { parsePage } from '../../helpers/corpus';

/*
 * Codes constructed for these tests in the GB 32100-2015 format: registration authority (9 = market
 * regulation, 5 = civil affairs), entity type, 6-digit division code, 9-character organization code
 * (GB 11714-1997 check) and the check character. Worked example for 91440300123456788M:
 *   organization code 12345678: 1*3+2*7+3*9+4*10+5*5+6*8+7*4+8*2 = 201, 201 mod 11 = 3, 11-3 = 8 -> "8";
 *   first 17 characters times weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 sum to 1157,
 *   1157 mod 31 = 10, 31-10 = 21, and the 21st character of 0-9 A-H J-N P-R T-U W-Y is "M".
 */
const VALID = ['91440300123456788M', '91110108MA01BCDE8R', '53310000501234569G', '92330106MA2H0K1L9P'];

describe('unified social credit code (统一社会信用代码)', () => {
  it.each(VALID)('accepts %s, whose check character is right', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(hasValidOrganizationCode(code)).toBe(true);
  });

  it('rejects a wrong check character, a wrong length and letters outside the code alphabet', () => {
    expect(isValidCreditCode('91440300123456788N')).toBe(false);
    expect(isValidCreditCode('91440300123456788')).toBe(false);
    // I, O, S, V and Z are not in the alphabet; "O" where "0" belongs must not pass.
    expect(isValidCreditCode('914403001234567O8M')).toBe(false);
    expect(isValidCreditCode('91440300123456788m')).toBe(false);
  });

  it('reads a labelled code from a footer only when it validates', () => {
    expect(readCreditCode('公司名称：深圳市星河科技有限公司\n统一社会信用代码：91440300123456788M')).toMatchObject({ value: '91440300123456788M', confidence: 0.95 });
    expect(readCreditCode('统一社会信用代码：91440300123456788N')).toBeUndefined();
    expect(readCreditCode('Unified Social Credit Code: 91110108ma01bcde8r')?.value).toBe('91110108MA01BCDE8R');
  });

  it('reads an unlabelled code only when both its checks pass, and never an ID-card-like number', () => {
    expect(readCreditCode('营业执照 91110108MA01BCDE8R 京公网安备')?.confidence).toBe(0.7);
    expect(readCreditCode('订单号 110101199003071234 已发货')).toBeUndefined();
  });
});

describe('ICP licence line (ICP备案 / ICP证)', () => {
  it('reads filing and licence lines as written, the footer one last on the page', () => {
    expect(readIcpLicense('京ICP备09113703号-1 京公网安备 11010802000104号')?.value).toBe('京ICP备09113703号-1');
    expect(readIcpLicense('增值电信业务经营许可证：粤B2-20090059 粤ICP证 030173号')?.value).toBe('粤ICP证030173号');
    expect(readIcpLicense('中国农业银行版权所有 京ICP备05049539')?.value).toBe('京ICP备05049539');
    expect(readIcpLicense('ICP license pending')).toBeUndefined();
  });

  it('is captured from a Chinese company footer with the credit code and the legal name', () => {
    const doc = parsePage(
      `<html lang="zh-CN"><head><title>星河科技 - 工业机器人</title></head><body><p>产品</p>
       <footer><p>版权所有 © 2024 深圳市星河科技有限公司</p><p>统一社会信用代码：91440300123456788M | 粤ICP备12345678号-2</p></footer></body></html>`,
    );
    const { fields } = extractCompany(doc, 'https://www.xinghe-tech.cn/');
    expect(fields.icpLicense).toMatchObject({ value: '粤ICP备12345678号-2', source: 'footer' });
    expect(fields.creditCode?.value).toBe('91440300123456788M');
    expect(fields.name?.value).toBe('星河科技');
    expect(fields.legalName?.value).toBe('深圳市星河科技有限公司');
  });
});
