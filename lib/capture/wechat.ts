import type { EvidenceSource } from '../schema';
import { absoluteHttpUrl } from './meta';
import { textUpTo } from './nearby-text';
import { snippetAround } from './page-text';
import type { SocialProfile } from './social-url';

const MAX_IMAGES = 400;
/** "微信公众号：进入“中国农业银行微银行”微信公众号", "官方微信：acme_cn", "WeChat ID: acme". */
const ACCOUNT_NAME =
  /(?:微信公众号|微信公众平台|官方微信|微信服务号|微信订阅号|微信号|公众号|WeChat(?:\s+(?:ID|Official Account))?)\s*[:：]\s*(?:(?:请)?(?:搜索|进入|关注|添加)\s*)?[“"「『]?([\p{L}\p{N}_-]{2,30})[”"」』]?/iu;
const WECHAT_WORD = /微信|weixin|wechat|公众号/i;
const QR_WORD = /qr|二维码|扫码|扫一扫|关注|follow/i;

export interface WeChatAccount {
  profile: SocialProfile;
  source: EvidenceSource;
  snippet: string;
  confidence: number;
}

/**
 * The company's WeChat official account: WeChat has no profile URLs, so sites print the account's name
 * ("微信公众号：…") or show its QR code. Both are kept when both are shown: the name as the handle, the QR
 * image as the URL.
 */
export function readWeChat(doc: Document, text: string, baseUrl: string): WeChatAccount | undefined {
  const named = ACCOUNT_NAME.exec(text);
  const qr = findQrImage(doc, baseUrl);
  if (!named && !qr) return undefined;
  const handle = named?.[1] ?? null;
  return {
    profile: { network: 'wechat', handle, url: qr?.src ?? null },
    source: named ? 'text' : 'link',
    snippet: named ? snippetAround(text, named.index, named[0].length) : qr!.snippet,
    confidence: named ? 0.8 : 0.7,
  };
}

/** An image whose alt, title, file or surrounding words say it is a WeChat QR code ("关注官方微信"). */
function findQrImage(doc: Document, baseUrl: string): { src: string; snippet: string } | undefined {
  const images = doc.querySelectorAll('img');
  for (let i = 0; i < images.length && i < MAX_IMAGES; i++) {
    const image = images[i]!;
    const src = image.getAttribute('src') ?? image.getAttribute('data-src') ?? '';
    const own = `${image.getAttribute('alt') ?? ''} ${image.getAttribute('title') ?? ''} ${src.split('/').pop() ?? ''} ${image.getAttribute('class') ?? ''}`;
    // The words around the image when they are a short caption ("关注官方微信"), not a whole block of the page.
    const nearby = (image.parentElement && textUpTo(image.parentElement, 40)) ?? '';
    const described = `${own} ${nearby}`;
    if (!WECHAT_WORD.test(described) || !(QR_WORD.test(described) || /微信/.test(image.getAttribute('alt') ?? ''))) continue;
    const absolute = absoluteHttpUrl(src, baseUrl);
    if (absolute) return { src: absolute, snippet: `<img alt="${image.getAttribute('alt') ?? ''}" src="${absolute}">${nearby ? ` ${nearby}` : ''}` };
  }
  return undefined;
}
