import {foldArabic, foldedWords} from '../arabic/fold.js'

/**
 * The text after a marker that opens a line («الكلمات المفتاحية: روسيا، …» → «روسيا، …»), '' when the
 * line is the marker alone, or undefined when it does not start with one of `markers`. Compared folded,
 * a colon or dash after the marker allowed.
 */
export function afterMarker(text: string, markers: readonly string[]): string | undefined {
  const words = text.trim().split(/\s+/u)
  const sorted = [...markers].sort((a, b) => b.length - a.length)
  for (const marker of sorted) {
    const count = marker.trim().split(/\s+/u).length
    const head = words.slice(0, count).join(' ')
    if (foldArabic(head).replace(/[:：\-–]+$/u, '') !== foldArabic(marker)) continue
    if (!/^[:：\-–]*$/u.test(foldArabic(head).slice(foldArabic(marker).length))) continue
    return words
      .slice(count)
      .join(' ')
      .replace(/^[:：\-–]\s*/u, '')
      .trim()
  }
  return undefined
}

/** Whether a line is one of `names` and nothing else (a trailing colon allowed). */
export function isOneOf(text: string, names: readonly string[]): boolean {
  return afterMarker(text, names) === ''
}

// Prefixes a word takes in running text: «الباحث», «وباحث», «للبحوث».
const prefixes = /^(?:وال|بال|لل|ال|و|ب|ل)/u

/** Whether some word of `text` is one of `words`, bare or with an article or conjunction. */
export function hasWordOf(text: string, words: readonly string[]): boolean {
  const wanted = new Set(words.map((word) => foldArabic(word)))
  return foldedWords(text).some((word) => wanted.has(word) || wanted.has(word.replace(prefixes, '')))
}
