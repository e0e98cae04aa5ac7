export { badgeForUrl } from './badge-for-url';
export { badgeOf, TIER_COLOURS, type ToolbarBadge } from './tier-badge';
export { BADGE_PERMISSION, hasBadgePermission } from './permission';
