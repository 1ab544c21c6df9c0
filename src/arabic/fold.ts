// Exported, constants and all, because the site's search page runs this module's source as it stands
// (src/site/search/script.ts): the query typed there is folded by the very code that folded the index.
export const harakat = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g
export const invisible = /[\u0640\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g
export const alefs = /[أإآٱٲٳ]/g
/** Yā' without dots (alif maqṣūra) and the Persian yā' and kāf typed on Persian and Kurdish keyboards. */
export const yaas = /[ىی]/g

/**
 * Arabic text folded for comparison, not for printing: people type the same word with or without hamza
 * on its alef, with a final yā' or alif maqṣūra, with tāʾ marbūṭa or hā', vowelled or not, stretched with
 * tatweel, with Persian letters for Arabic ones, and with Arabic-Indic, Persian or ASCII digits. Folding
 * makes those one spelling.
 */
export function foldArabic(text: string): string {
  return toAsciiDigits(text)
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(harakat, '')
    .replace(alefs, 'ا')
    .replace(yaas, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
}

/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits as ASCII ones. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) & 0xf))
}

/**
 * The words of a text for comparison: folded, punctuation and dashes dropped, and the conjunction «و»
 * written apart («و الدراسات») joined to its word as it is usually written.
 */
export function foldedWords(text: string): string[] {
  const words = foldArabic(text)
    .split(/[^\p{L}\p{N}@.]+/u)
    .map((word) => word.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean)
  const joined: string[] = []
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'و' && i + 1 < words.length) joined.push('و' + words[++i]!)
    else joined.push(words[i]!)
  }
  return joined
}
