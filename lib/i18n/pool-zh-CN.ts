import type { poolEn } from './pool-en';

/** 弹窗中的公海（issue #6）。 */
export const poolZhCN: Record<keyof typeof poolEn, string> = {
  poolTabRecent: '最近',
  poolTabPool: '公海',
  poolTabPoolCount: '公海（{count}）',
  poolSearch: '搜索公海',
  poolEmpty: '公海里没有线索：每条线索都有负责人。',
  poolNoMatch: '公海里没有匹配的线索。',
  poolSince: '已在公海 {duration}',
  poolClaim: '认领',
  poolClaiming: '认领中…',
  poolMore: '显示更多',
  poolOpenLead: '打开 {name}',
};
