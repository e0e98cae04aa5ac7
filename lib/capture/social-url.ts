import type { SocialNetwork } from '../schema';

/** A company's profile on a social network, in one canonical form so the same profile found twice is kept once. */
export interface SocialProfile {
  network: SocialNetwork;
  url: string | null;
  handle: string | null;
}

/** First path segments that are the network's own pages (share dialogs, search, login, posts), never a profile. */
const RESERVED: Record<'x' | 'facebook' | 'instagram' | 'youtube' | 'github' | 'weibo', RegExp> = {
  x: /^(intent|share|home|search|hashtag|i|login|logout|signup|settings|explore|messages|notifications|privacy|tos|about|account|download|widgets?|statuses|web|oauth|compose|status|en|jobs)$/i,
  facebook: /^(sharer(\.php)?|share(\.php|r)?|dialog|plugins|tr|login(\.php)?|help|policies|privacy|legal|business|ads|hashtag|search|people|l\.php|home\.php|marketplace|gaming|notes|photo(\.php)?|photos|video(\.php)?|watch|events|groups|permalink\.php|story\.php|media|recover|reg|r\.php|campaign|badges|fbml|connect|v\d+(\.\d+)?)$/i,
  instagram: /^(p|reel|reels|tv|explore|accounts|stories|direct|about|legal|developer|web|static|emails|session)$/i,
  youtube: /^(watch|embed|results|playlist|feed|shorts|redirect|t|about|premium|kids|music|gaming|account|signin|logout|upload|yt|howyoutubeworks|ads|creators|live|hashtag|subscription_center|attribution_link|v|s|error|channel|c|user)$/i,
  github: /^(features|about|pricing|login|join|signup|marketplace|explore|topics|trending|collections|sponsors|enterprise|security|site|contact|settings|notifications|apps|customer-stories|readme|team|nonprofit|education|mobile|search|new|organizations|logout|sessions|open-source|solutions|resources|git-guides)$/i,
  weibo: /^(login|signup|share|search|p|ttarticle|status|detail|tv|a|aj|ajax|widget|unfreeze|hot|lottery|sorry|signup\.php|login\.php)$/i,
};

const HANDLE = {
  x: /^[A-Za-z0-9_]{1,15}$/,
  facebook: /^[\w.-]{2,80}$/,
  instagram: /^[\w.]{1,30}$/,
  youtube: /^[\w.-]{1,100}$/,
  github: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/,
  linkedin: /^[\p{L}\p{N}_.%&'-]{1,100}$/u,
  weibo: /^[\p{L}\p{N}_.-]{1,60}$/u,
};

/**
 * The profile a link points to, or undefined when it is anything else: a share button or intent link
 * (twitter.com/intent, facebook.com/sharer, linkedin.com/shareArticle), a post or video, a person's
 * LinkedIn profile, a repository, or a site that is not a social network.
 */
export function parseSocialUrl(href: string): SocialProfile | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.href.length > 2048) return undefined;
  const fullHost = url.hostname.toLowerCase();
  // "uk.linkedin.com", "m.facebook.com", "zh-cn.facebook.com": country and mobile hosts of the same profile.
  const host = fullHost.replace(/^(www|m|mobile|touch|[a-z]{2}(-[a-z]{2})?)\./, '');
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
  const first = segments[0] ?? '';

  if (host === 'linkedin.com') {
    const [kind, id] = segments;
    if (!kind || !id || !/^(company|school|showcase)$/i.test(kind) || !HANDLE.linkedin.test(id)) return undefined;
    return { network: 'linkedin', handle: id, url: `https://www.linkedin.com/${kind.toLowerCase()}/${encodeURIComponent(id)}` };
  }
  if (host === 'twitter.com' || host === 'x.com') {
    // Old links read "twitter.com/#!/acme".
    const handle = /^#!\/([^/?]+)/.exec(decodeSegment(url.hash))?.[1] ?? first;
    if (!HANDLE.x.test(handle) || RESERVED.x.test(handle) || (segments[1] && /^status(es)?$/i.test(segments[1]))) return undefined;
    return { network: 'x', handle, url: `https://x.com/${handle}` };
  }
  if (host === 'facebook.com' || host === 'fb.com' || host === 'fb.me') {
    if (/^profile\.php$/i.test(first)) {
      const id = url.searchParams.get('id');
      return id && /^\d{3,20}$/.test(id) ? { network: 'facebook', handle: id, url: `https://www.facebook.com/profile.php?id=${id}` } : undefined;
    }
    if (/^(pages|pg)$/i.test(first)) {
      const [, name, id] = segments;
      if (!name || !HANDLE.facebook.test(name)) return undefined;
      const path = first.toLowerCase() === 'pages' && id && /^\d+$/.test(id) ? `pages/${name}/${id}` : name;
      return { network: 'facebook', handle: name, url: `https://www.facebook.com/${path}` };
    }
    if (!HANDLE.facebook.test(first) || RESERVED.facebook.test(first)) return undefined;
    return { network: 'facebook', handle: first, url: `https://www.facebook.com/${first}` };
  }
  if (host === 'instagram.com') {
    if (!HANDLE.instagram.test(first) || RESERVED.instagram.test(first)) return undefined;
    return { network: 'instagram', handle: first, url: `https://www.instagram.com/${first}` };
  }
  if (host === 'youtube.com') return youtubeProfile(url, segments);
  if (host === 'github.com') {
    const owner = /^orgs$/i.test(first) ? segments[1] ?? '' : first;
    if (segments.length > (/^orgs$/i.test(first) ? 2 : 1) || !HANDLE.github.test(owner) || RESERVED.github.test(owner)) return undefined;
    return { network: 'github', handle: owner, url: `https://github.com/${owner}` };
  }
  if (host === 'weibo.com' || host === 'weibo.cn' || fullHost === 'e.weibo.com') {
    const profile = /^(u|n)$/i.test(first) ? segments[1] : segments.length === 1 ? first : undefined;
    if (!profile || !HANDLE.weibo.test(profile) || RESERVED.weibo.test(profile)) return undefined;
    const path = /^(u|n)$/i.test(first) ? `${first.toLowerCase()}/${profile}` : profile;
    return { network: 'weibo', handle: profile, url: `https://weibo.com/${path}` };
  }
  if (fullHost === 'mp.weixin.qq.com' && /^mp$/i.test(first) && /^profile_ext$/i.test(segments[1] ?? '') && url.searchParams.get('__biz')) {
    return { network: 'wechat', handle: null, url: url.href };
  }
  if (fullHost === 'weixin.qq.com' && /^r$/i.test(first) && segments[1]) return { network: 'wechat', handle: null, url: url.href };
  return undefined;
}

function youtubeProfile(url: URL, segments: string[]): SocialProfile | undefined {
  const [first = '', second] = segments;
  if (/^subscription_center$/i.test(first)) {
    const user = url.searchParams.get('add_user');
    return user && HANDLE.youtube.test(user) ? { network: 'youtube', handle: user, url: `https://www.youtube.com/user/${user}` } : undefined;
  }
  if (/^(channel|c|user)$/i.test(first)) {
    if (!second || !HANDLE.youtube.test(second)) return undefined;
    return { network: 'youtube', handle: second, url: `https://www.youtube.com/${first.toLowerCase()}/${second}` };
  }
  if (first.startsWith('@')) {
    const handle = first.slice(1);
    return HANDLE.youtube.test(handle) ? { network: 'youtube', handle: first, url: `https://www.youtube.com/${first}` } : undefined;
  }
  if (!HANDLE.youtube.test(first) || RESERVED.youtube.test(first)) return undefined;
  return { network: 'youtube', handle: first, url: `https://www.youtube.com/${first}` };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
