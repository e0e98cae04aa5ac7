import { searchKeysFor } from '@/lib/db';

describe('name search keys', () => {
  it('indexes every word of a Latin name, lower-cased', () => {
    expect(searchKeysFor('Acme Robotics GmbH')).toEqual(expect.arrayContaining(['acme', 'robotics', 'gmbh']));
  });

  it('indexes every suffix of a Chinese name so that any part can be searched as a prefix', () => {
    const keys = searchKeysFor('腾讯科技有限公司');
    expect(keys).toEqual(expect.arrayContaining(['腾讯科技有限公司', '科技有限公司', '有限公司', '公司', '司']));
  });

  it('handles mixed names and full-width letters', () => {
    expect(searchKeysFor('ＩＢＭ中国')).toEqual(expect.arrayContaining(['ibm', '中国']));
  });

  it('bounds the number of keys for very long names', () => {
    expect(searchKeysFor('字'.repeat(500)).length).toBeLessThanOrEqual(64);
  });
});
