/**
 * Rewrites rem lengths as pixels (1rem = 16px). Inside a shadow root, rem still follows the host page's
 * <html> font size, so a page with `html { font-size: 10px }` would otherwise shrink the whole sidebar.
 */
export function remToPx(css: string, rootPx = 16): string {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, (_whole, value: string) => `${Number((Number(value) * rootPx).toFixed(4))}px`);
}
