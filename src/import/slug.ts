import path from 'node:path'
import {foldArabic} from '../arabic/fold.js'

/**
 * The slug of an imported manuscript: its folder's name and its outputs' (`dist/<slug>.pdf`). A Latin
 * transliteration of the Arabic title, lower-case ASCII words joined by hyphens, at most 60 characters,
 * cut between words; without a title (or when nothing of it is left), the file's name made the same way.
 * Deterministic: the same title always gives the same slug.
 */
export function slugFor(title: string | undefined, fileName: string): string {
  return slugOf(title ?? '') || slugOf(path.parse(fileName).name) || 'manuscript'
}

const maximumLength = 60

/**
 * A simplified transliteration, readable rather than scholarly: one Latin spelling per letter, the
 * article «ال» as `al-`, ʿayn as `a`, hamza dropped, and wāw and yā' as the vowels `u` and `i` between
 * two consonants (روسيا → rusya, بين → bin), as consonants elsewhere.
 */
const letters: Readonly<Record<string, string>> = {
  ا: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ء: '',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y'
}
const vowels = new Set(['ا', 'ع', 'ء'])

function slugOf(text: string): string {
  const words = foldArabic(text)
    .split(/[^\p{L}\p{N}]+/u)
    .map(transliterate)
    .flatMap((word) => word.split('-'))
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maximumLength) return slug || next.slice(0, maximumLength)
    slug = next
  }
  return slug
}

function transliterate(word: string): string {
  const article = word.length > 3 && word.startsWith('ال')
  const letterString = article ? word.slice(2) : word
  // Folding made the final tāʾ marbūṭa a hā'; it is read `a`.
  const chars = [...letterString]
  const latin = chars.map((_char, index) => latinOf(chars, index)).join('')
  return (article ? 'al-' : '') + latin.normalize('NFKD').replace(/[^a-z0-9-]/g, '')
}

function latinOf(chars: string[], index: number): string {
  const char = chars[index]!
  const last = index === chars.length - 1
  if (char === 'ه' && last && index > 0) return 'a'
  if ((char === 'و' || char === 'ي') && index > 0 && !isVowel(chars[index - 1]) && !isVowel(chars[index + 1]))
    return char === 'و' ? 'u' : 'i'
  return letters[char] ?? char
}

function isVowel(char: string | undefined): boolean {
  return char === undefined || vowels.has(char) || char === 'و' || char === 'ي' || char === 'ه'
}
