export type Digits = 'latin' | 'arabic-indic'

const arabicIndicZero = 0x06_60
const latinZero = 0x30

// Tokens whose digits are part of an address: localising them would break
// copy-paste and make them unusable.
// The TLD must be Latin letters so that decimals such as `3.14` stay ordinary numbers.
const protectedToken =
  /(?:https?:\/\/|www\.)[^\s<>"«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*\.[a-z]{2,}\b/gi

/**
 * Map ASCII digits to Arabic-Indic digits (U+0660..U+0669).
 */
export function toArabicIndicDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(arabicIndicZero + d.charCodeAt(0) - latinZero))
}

/**
 * Localise the digits of running text, leaving URLs, e-mail addresses and
 * domain names as written.
 */
export function localizeDigits(text: string, digits: Digits): string {
  if (digits === 'latin') return text

  let result = ''
  let last = 0

  for (const match of text.matchAll(protectedToken)) {
    const start = match.index
    result += toArabicIndicDigits(text.slice(last, start)) + match[0]
    last = start + match[0].length
  }

  return result + toArabicIndicDigits(text.slice(last))
}
