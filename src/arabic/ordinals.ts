// Adverbial accusative ordinals (أولاً، ثانياً…) as used to number the
// sections of Arabic policy papers; index 0 is 1.
// The tanween fathah (U+064B) follows the alef, as in the house style.
const ordinals: ReadonlyArray<string> = [
  'أولاً',
  'ثانياً',
  'ثالثاً',
  'رابعاً',
  'خامساً',
  'سادساً',
  'سابعاً',
  'ثامناً',
  'تاسعاً',
  'عاشراً',
  'حادي عشر',
  'ثاني عشر',
  'ثالث عشر',
  'رابع عشر',
  'خامس عشر',
  'سادس عشر',
  'سابع عشر',
  'ثامن عشر',
  'تاسع عشر',
  'عشرون'
]

/**
 * Ordinal for section `n` (1–20); other values fall back to the plain number.
 */
export function arabicOrdinal(n: number): string {
  return (Number.isInteger(n) && ordinals[n - 1]) || String(n)
}
