/** The popup's team pool (公海, issue #6); translated in pool-zh-CN.ts. */
export const poolEn = {
  poolTabRecent: 'Recent',
  poolTabPool: 'Team pool',
  poolTabPoolCount: 'Team pool ({count})',
  poolSearch: 'Search the team pool',
  poolEmpty: 'Nobody’s leads: the team pool is empty.',
  poolNoMatch: 'No lead in the team pool matches.',
  poolSince: 'in the pool {duration}',
  poolClaim: 'Claim',
  poolClaiming: 'Claiming…',
  poolMore: 'Show more',
  poolOpenLead: 'Open {name}',
};
