import { remToPx } from '@/lib/ui/rem-to-px';

describe('sidebar styles are independent of the page root font size', () => {
  it('rewrites rem lengths as pixels and leaves the rest', () => {
    expect(remToPx('.p-2{padding:.5rem}.m{margin:-1.25rem 2rem}.w{width:calc(100% - 1rem)}')).toBe(
      '.p-2{padding:8px}.m{margin:-20px 32px}.w{width:calc(100% - 16px)}',
    );
    expect(remToPx('.a{font-size:12px;line-height:1.5}')).toBe('.a{font-size:12px;line-height:1.5}');
  });
});
