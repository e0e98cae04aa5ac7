import { companyNameKey, companyNameKeys } from '@/lib/dedup';

describe('company names normalised for the duplicate check', () => {
  it('ignores case, full-width letters and legal forms', () => {
    const key = companyNameKey('Acme Robotics');
    expect(key).toBe('acmerobotics');
    for (const name of ['ACME Robotics GmbH', 'Acme Robotics, Inc.', 'Acme Robotics Co., Ltd.', 'ＡＣＭＥ Ｒｏｂｏｔｉｃｓ', 'Acme Robotics Pty Ltd', 'Acme Robotics Limited']) {
      expect(companyNameKey(name), name).toBe(key);
    }
  });

  it('ignores Chinese legal forms, a leading place and a bracketed branch place', () => {
    const key = companyNameKey('华瑞电子科技');
    for (const name of ['深圳市华瑞电子科技有限公司', '华瑞电子科技（深圳）有限公司', '广东省深圳市华瑞电子科技股份有限公司', '华瑞电子科技集团有限公司']) {
      expect(companyNameKey(name), name).toBe(key);
    }
  });

  it('keeps names that would say nothing without their place or form apart', () => {
    expect(companyNameKey('北京银行')).not.toBe(companyNameKey('上海银行'));
    expect(companyNameKey('Co., Ltd.')).toBeNull();
    expect(companyNameKey('有限公司')).toBeNull();
    expect(companyNameKey('')).toBeNull();
    expect(companyNameKey(null)).toBeNull();
  });

  it('keys a lead by its name and its legal name', () => {
    expect(companyNameKeys('FinCar', 'FinCar Pty Ltd')).toEqual(['fincar']);
    expect(companyNameKeys('汽车之家', '北京车之家信息技术有限公司')).toEqual(['汽车之家', '车之家信息技术']);
  });
});
