import { companyKeyOf } from '@/lib/dedup';

describe('the key that makes one company one lead', () => {
  it('is the registrable domain of a company site, whatever the subdomain or page', () => {
    expect(companyKeyOf('https://www.acme.co.uk/contact')).toBe('acme.co.uk');
    expect(companyKeyOf('https://shop.acme.co.uk/')).toBe('acme.co.uk');
    expect(companyKeyOf('http://www.fincar.com.au/about')).toBe('fincar.com.au');
  });

  it('keeps two companies on one hosting platform apart: the full host is the key', () => {
    expect(companyKeyOf('https://foo.wixsite.com/home')).toBe('foo.wixsite.com');
    expect(companyKeyOf('https://bar.wixsite.com/home')).toBe('bar.wixsite.com');
    expect(companyKeyOf('https://bar.github.io/')).toBe('bar.github.io');
    expect(companyKeyOf('https://shop123.1688.com/page/contactinfo.htm')).toBe('shop123.1688.com');
  });

  it('never lets a free-mail domain stand for a company', () => {
    expect(companyKeyOf('https://www.163.com/')).toBe('www.163.com');
    expect(companyKeyOf('https://mail.qq.com/')).toBe('mail.qq.com');
    expect(companyKeyOf('https://outlook.com/')).toBe('outlook.com');
  });

  it('gives no key to profile pages, path-based site builders, IPs and local files', () => {
    expect(companyKeyOf('https://www.linkedin.com/company/acme')).toBeNull();
    expect(companyKeyOf('https://weibo.com/u/123456')).toBeNull();
    expect(companyKeyOf('https://sites.google.com/view/acme')).toBeNull();
    expect(companyKeyOf('https://mp.weixin.qq.com/s/abc')).toBeNull();
    expect(companyKeyOf('http://192.168.1.10/')).toBeNull();
    expect(companyKeyOf('file:///home/rep/page.html')).toBeNull();
    expect(companyKeyOf('not a url')).toBeNull();
    // The platform's own home page still identifies the platform as a company.
    expect(companyKeyOf('https://www.linkedin.com/')).toBe('linkedin.com');
  });
});
