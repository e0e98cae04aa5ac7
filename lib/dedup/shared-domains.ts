/**
 * Domains that never identify a company: anyone can have an address there (free mail) or a site under
 * them (shared hosting, shop platforms). Registrable domains (eTLD+1) as tldts reports them without private
 * suffixes, so "bar.github.io" is under "github.io". The extractor uses the free-mail list too (lib/capture
 * email-rules), so that a lead's key and its emails agree on what free mail is.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // International
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.jp',
  'yahoo.co.uk', 'yahoo.com.cn', 'hotmail.co.uk', 'ymail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com',
  'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'mail.com', 'zoho.com', 'yandex.ru', 'yandex.com', 'mail.ru',
  'orange.fr', 'free.fr', 'laposte.net', 'libero.it', 'naver.com', 'daum.net', 'hanmail.net', 'rediffmail.com',
  // China
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com',
  '139.com', '189.cn', 'wo.cn', 'aliyun.com', 'tom.com', '21cn.com',
]);

/** Platforms whose subdomains are other people's sites or shops: foo.wixsite.com, shop123.1688.com. */
export const SHARED_HOSTING_DOMAINS: ReadonlySet<string> = new Set([
  'wixsite.com', 'wix.com', 'github.io', 'gitlab.io', 'blogspot.com', 'wordpress.com', 'weebly.com', 'squarespace.com',
  'myshopify.com', 'webflow.io', 'netlify.app', 'vercel.app', 'herokuapp.com', 'pages.dev', 'web.app',
  'firebaseapp.com', 'appspot.com', 'azurewebsites.net', 'cloudfront.net', 'amazonaws.com', 'jimdo.com',
  'jimdofree.com', 'strikingly.com', 'mystrikingly.com', 'carrd.co', 'godaddysites.com', 'site123.me', 'webnode.com',
  'tumblr.com', 'substack.com', 'notion.site', 'ueniweb.com',
  // China: shop and site platforms
  '1688.com', 'taobao.com', 'tmall.com', 'alibaba.com', 'made-in-china.com', 'cnblogs.com', 'ys168.com',
]);

/**
 * Hosts where a page below the root is someone's profile (linkedin.com/company/acme, weibo.com/u/123): the
 * page identifies no company by its address at all. The platform's own home page still identifies it.
 */
export const PROFILE_PLATFORM_DOMAINS: ReadonlySet<string> = new Set([
  'linkedin.com', 'facebook.com', 'instagram.com', 'x.com', 'twitter.com', 'youtube.com', 'tiktok.com', 'github.com',
  'gitlab.com', 'medium.com', 'crunchbase.com', 'weibo.com', 'zhihu.com', 'douyin.com', 'xiaohongshu.com',
  'bilibili.com', 'toutiao.com',
]);

/** Hosts that are path-based site builders: every page on them belongs to someone else. */
export const PROFILE_HOSTS: ReadonlySet<string> = new Set(['sites.google.com', 'mp.weixin.qq.com', 'baike.baidu.com']);
