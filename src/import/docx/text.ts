/**
 * Word's text as the manuscript should hold it. Direction is the build's business, so the marks and
 * embeddings Word (or its users) typed go; tatweel stretched between letters to justify a line goes;
 * odd spaces become plain ones; Persian digits become the Arabic-Indic ones the centre uses. Every other
 * character, digits included, stays as typed.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, '')
    .replace(/(?<=[\u0620-\u063F\u0641-\u064A\u0671-\u06D3\u0640])\u0640+(?=[\u0620-\u064A\u0671-\u06D3])/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u06F0-\u06F9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0x06f0 + 0x0660))
}

/** Runs of spaces made one, as Markdown would read them anyway. */
export function collapseSpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ')
}

/** The first words of a paragraph, to name it in a message. */
export function firstWords(text: string, count = 5): string {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const shown = words.slice(0, count).join(' ')
  return words.length > count ? `${shown}…` : shown
}
