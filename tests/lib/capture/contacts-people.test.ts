import { extractCompany } from '@/lib/capture';
import { parsePage } from '../../helpers/corpus';

const page = (body: string, head = '') => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const peopleOn = (body: string, url = 'https://www.acme-robotics.com/', head = '') => extractCompany(page(body, head), url).fields.people;
const summary = (body: string, url?: string, head?: string) =>
  peopleOn(body, url, head).map((p) => ({ name: p.name.value, title: p.title?.value, emails: p.emails, phones: p.phones }));

describe('reading the people a company page names', () => {
  it('reads a Chinese contact line, with the title in the name and the numbers beside it', () => {
    expect(summary('<p>联系人：张经理</p><p>手机：13812345678</p><p>邮箱：zhang@xinghe-tech.cn</p>', 'https://www.xinghe-tech.cn/')).toEqual([
      { name: '张经理', title: '经理', emails: ['zhang@xinghe-tech.cn'], phones: ['+86 138 1234 5678'] },
    ]);
    // The switchboard on the next line is the company's, not hers.
    expect(summary('<p>联系人：王小姐 电话：13812345678</p><p>总机：0755-26881234</p>', 'https://www.xinghe-tech.cn/')).toEqual([
      { name: '王小姐', title: undefined, emails: [], phones: ['+86 138 1234 5678'] },
    ]);
    expect(summary('<p>联 系 人：李明（销售总监）</p>', 'https://www.xinghe-tech.cn/')).toEqual([{ name: '李明', title: '销售总监', emails: [], phones: [] }]);
  });

  it('reads a person on a business line ("商务合作：王先生"), but not an instruction on one ("请致电")', () => {
    expect(summary('<p>商务合作：王先生 186-1234-5678</p><p>业务咨询：李经理</p>', 'https://www.zjzn-tech.cn/')).toEqual([
      { name: '王先生', title: undefined, emails: [], phones: ['+86 186 1234 5678'] },
      { name: '李经理', title: '经理', emails: [], phones: [] },
    ]);
    expect(summary('<p>商务合作：请致电 400-820-8820</p>', 'https://www.zjzn-tech.cn/')).toEqual([]);
  });

  it('reads an English contact line', () => {
    expect(summary('<p>Contact: Jane Roe, Sales Manager</p>')).toEqual([{ name: 'Jane Roe', title: 'Sales Manager', emails: [], phones: [] }]);
  });

  it('reads a person named with a courtesy title, and the contact details written under them', () => {
    expect(summary('<p>Export dept: Ms. Linda Wang, Sales Manager<br>Mob/WhatsApp: +86 138 2345 6789<br>E-mail: linda@hz-valve.com</p>', 'https://www.hz-valve.com/')).toEqual([
      { name: 'Linda Wang', title: 'Sales Manager', emails: ['linda@hz-valve.com'], phones: ['+86 138 2345 6789'] },
    ]);
  });

  it('reads a team page: names with their titles below or beside them', () => {
    const team =
      '<h2>Our team</h2>' +
      '<div><h3>John Smith</h3><p>Founder &amp; CEO</p><a href="mailto:john@acme-robotics.com">john@acme-robotics.com</a></div>' +
      '<div><h3>Mary-Jane O’Neil</h3><p>Head of Sales</p></div>' +
      '<p>Wei Zhang, Chief Technology Officer</p>' +
      '<p>总经理：陈建国</p>';
    expect(summary(team)).toEqual([
      { name: 'John Smith', title: 'Founder & CEO', emails: ['john@acme-robotics.com'], phones: [] },
      { name: 'Mary-Jane O’Neil', title: 'Head of Sales', emails: [], phones: [] },
      { name: 'Wei Zhang', title: 'Chief Technology Officer', emails: [], phones: [] },
      { name: '陈建国', title: '总经理', emails: [], phones: [] },
    ]);
  });

  it('reads titles that are capitalised like names ("Senior Partner") as titles, not as a second person', () => {
    const partners = '<h3>Our partners</h3><p><strong>Eleanor Harrow</strong><br>Senior Partner</p><p><strong>Thomas Finch</strong><br>Managing Director</p>';
    expect(summary(partners).map((p) => [p.name, p.title])).toEqual([
      ['Eleanor Harrow', 'Senior Partner'],
      ['Thomas Finch', 'Managing Director'],
    ]);
  });

  it('gives each team member only the details written under their own name', () => {
    const found = summary('<h3>John Smith</h3><p>CEO</p><h3>Mary Jones</h3><p>CFO</p><p>mary@acme-robotics.com</p>');
    expect(found.map((p) => [p.name, p.emails])).toEqual([
      ['John Smith', []],
      ['Mary Jones', ['mary@acme-robotics.com']],
    ]);
  });

  it('attaches an address written under a team member\'s name to that person', () => {
    const found = summary('<div><h3>John Smith</h3><p>Founder &amp; CEO</p><p>john@acme-robotics.com</p><p>Tel: +1 415 766 2400</p></div>');
    expect(found).toEqual([{ name: 'John Smith', title: 'Founder & CEO', emails: ['john@acme-robotics.com'], phones: ['+1 415 766 2400'] }]);
  });

  it('does not take testimonial signatures or customers\' titles for the company\'s people', () => {
    const testimonials =
      '<p>"Fincar found us a great rate on the lease."</p><p>Mike Leigh, Principal,</p><p>Strategic Management LLC</p>' +
      '<p>Thanks again for everything.</p><p>Regards</p><p>Steven Humphreys</p><p>Director</p><p>Border Marine Centre</p>' +
      '<p>Anthony Wasson</p><p>Operations Manager</p><p>Price and Speed P/L</p>';
    expect(summary(testimonials, 'http://www.fincar.com.au/about')).toEqual([]);
  });

  it('reads founders and employees from JSON-LD and microdata, not an article\'s author', () => {
    const jsonLd = JSON.stringify([
      { '@type': 'Organization', name: 'Acme', founder: { '@type': 'Person', name: 'Ada Lovelace', jobTitle: 'Founder' }, employee: [{ '@type': 'Person', name: 'Alan Turing', jobTitle: 'CTO', email: 'alan@acme-robotics.com', telephone: '+1 415 766 2401' }] },
      { '@type': 'BlogPosting', author: { '@type': 'Person', name: 'Guest Writer' } },
      { '@type': 'Person', name: 'Someone Else' },
    ]);
    const microdata = '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Grace Hopper</span><span itemprop="jobTitle">Head of Research</span></div>';
    const found = peopleOn(microdata, 'https://www.acme-robotics.com/', `<script type="application/ld+json">${jsonLd}</script>`);
    expect(found.map((p) => [p.name.value, p.title?.value, p.name.source, p.emails, p.phones])).toEqual([
      ['Ada Lovelace', 'Founder', 'json-ld', [], []],
      ['Alan Turing', 'CTO', 'json-ld', ['alan@acme-robotics.com'], ['+1 415 766 2401']],
      ['Grace Hopper', 'Head of Research', 'microdata', [], []],
    ]);
  });

  it('does not take navigation or headings for names', () => {
    expect(summary('<h3>Customer Service</h3><p>Sales Manager</p><h3>About Us</h3><p>Director of Operations</p><p>Contact Us</p>')).toEqual([]);
  });
});
