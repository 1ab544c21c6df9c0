export type Direction = 'ltr' | 'rtl'

export interface Run {
  start: number
  end: number
}

// The default right-to-left ranges of Unicode's bidi classes (R and AL): Hebrew, Arabic, Syriac, Thaana,
// N'Ko, Samaritan, Mandaic, their presentation forms, and the right-to-left scripts of the supplementary
// planes (Adlam, Hanifi Rohingya, Yezidi, Sogdian…). Every letter in them is strong right-to-left; every
// other letter is strong left-to-right. Digits and marks are not letters: they never decide.
const rightToLeftRanges = '\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF\\u{10800}-\\u{10FFF}\\u{1E800}-\\u{1EFFF}'
const rtlLetter = new RegExp(`(?=\\p{L})[${rightToLeftRanges}]`, 'u')
const ltrLetter = new RegExp(`(?=\\p{L})[^${rightToLeftRanges}]`, 'u')

/**
 * Stand-ins for inline elements when a block's inline content is read as one string (see
 * `direction-tree.ts`). Noncharacters: they never occur in text.
 */
export const atom = {
  /** An element that reads left to right whole: code, or Latin text (a link, an emphasis). */
  ltr: '\uFDD0',
  /** A superscript or subscript of digits: an exponent or an index, part of what it follows. */
  exponent: '\uFDD1',
  /** Another element of digits only: it may end a phrase, like a digit. */
  number: '\uFDD2',
  /** An element a phrase may run across but not end with: a note call, an image. */
  neutral: '\uFDD3',
  /** What a phrase never crosses: a line break, a block, right-to-left or mixed content. */
  boundary: '\uFDD4'
} as const

// A left-to-right letter or element, sought through a text (see `findLtrPhrases`).
const ltrStrong = `${atom.ltr}|(?=\\p{L})[^${rightToLeftRanges}]`

/**
 * The direction of a text's letters: `ltr` or `rtl` when all its letters are of one direction,
 * `mixed` when it has both, undefined when it has none (numbers, punctuation).
 */
export function strongDirection(text: string): Direction | 'mixed' | undefined {
  const ltr = ltrLetter.test(text) || text.includes(atom.ltr)
  const rtl = rtlLetter.test(text)
  if (ltr && rtl) return 'mixed'
  return ltr ? 'ltr' : rtl ? 'rtl' : undefined
}

/** Text whose letters are all of one direction takes it; mixed text and text without letters inherit. */
export function resolveDirection(strong: Direction | 'mixed' | undefined, inherited: Direction): Direction {
  return strong === 'ltr' || strong === 'rtl' ? strong : inherited
}

const asciiDigit = /[0-9]/
// Superscript and subscript digits (`m³`, `mc²`, `x₁`) end a phrase as digits do.
const digit = /[0-9\u00B2\u00B3\u00B9\u2070\u2074-\u2079\u2080-\u2089]/
const space = /[ \t\n\u00A0\u202F]/
// Punctuation and symbols a Latin phrase runs across: a reference (`12, no. 3 (2019): 45–67`), a formula
// (`E = mc²`), an address. Arabic punctuation (، ؛ ؟) and guillemets end a phrase: they belong to the
// Arabic sentence around it, and taking them in would put the pieces of an Arabic list out of order.
const inPhrasePunctuation = new Set([
  '-',
  "'",
  '’',
  ',',
  '.',
  ':',
  ';',
  '/',
  '&',
  '+',
  '_',
  '@',
  '–',
  '—',
  '=',
  '×',
  '÷',
  '±',
  '−',
  '*',
  '#',
  '^',
  '~',
  '|',
  '\\',
  '<',
  '>',
  '$',
  '€',
  '£',
  '¥',
  '§',
  '·',
  '%',
  '‰',
  '°',
  '!',
  '?',
  '…',
  '\u2009',
  '\u00AD',
  '\u200B',
  atom.neutral
])
// What a phrase may end with besides a letter or digit: a percentage or degree after a number.
const phraseEnd = new Set(['%', '‰', '°', atom.ltr, atom.exponent, atom.number])
const sentencePunctuation = new Set(['.', '!', '?', '…'])
// Brackets and quotes a run may open; a run only ever contains them balanced.
// `’` is missing on purpose: unpaired, it is an apostrophe.
const closers: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['“', '”'],
  ['‘', '’'],
  ['"', '"']
])

/**
 * Maximal left-to-right phrases inside right-to-left text: from a left-to-right letter (or element),
 * across spaces, digits and Latin punctuation, to the last letter, digit, or bracket closing one opened
 * in the phrase. Neutrals at its edges stay outside, except digits glued to its first letter (`19th`) and
 * a closing full stop, `!` or `?` after a phrase of several words (after a single word, it usually ends
 * the Arabic sentence). Offsets are UTF-16 code units; `end` is exclusive.
 */
export function findLtrPhrases(text: string): Run[] {
  const runs: Run[] = []
  // The next left-to-right letter found by the expression engine, not tried character by character:
  // most text of an Arabic paper has none.
  const next = new RegExp(ltrStrong, 'gu')
  let index = 0
  while (index < text.length) {
    next.lastIndex = index
    const found = next.exec(text)
    if (!found) break
    const run = withEnclosingBraces(text, runFrom(text, wordStart(text, found.index)))
    runs.push(run)
    index = Math.max(run.end, found.index + found[0].length)
  }
  return runs
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!)
}

function isLtrStrong(char: string): boolean {
  return char === atom.ltr || ltrLetter.test(char)
}

function endsPhrase(char: string): boolean {
  return isLtrStrong(char) || digit.test(char) || phraseEnd.has(char)
}

// Digits glued to the first letter (`19th`, `3D`) and a degree sign before its scale (`°C`, `25°F`)
// belong to the word; left outside they would be reordered to the other side of it: `(C°)`.
function wordStart(text: string, letter: number): number {
  let start = letter
  if (start > 0 && text.charAt(start - 1) === '\u00B0') start--
  while (start > 0 && asciiDigit.test(text.charAt(start - 1))) start--
  return start
}

function runFrom(text: string, start: number): Run {
  const expected: string[] = []
  // Where the run may end, and never with a bracket left open (an unpaired bracket would be mirrored
  // on the wrong side of the isolate).
  let end = start
  let index = start

  while (index < text.length) {
    const char = charAt(text, index)
    const opened = closers.get(char)
    let closes = false

    if (char === expected.at(-1)) {
      expected.pop()
      closes = true
    } else if (opened) {
      expected.push(opened)
    } else if (!endsPhrase(char) && !space.test(char) && !inPhrasePunctuation.has(char)) {
      break
    }

    index += char.length
    if (expected.length === 0 && (closes || endsPhrase(char))) end = index
  }

  return {start, end: withTrailingPunctuation(text, start, end)}
}

/**
 * A phrase that braces alone enclose, a template tag (`{{ site.year }}`, `{% endif %}`) or a set, takes
 * them: braces are not Arabic punctuation, and the tag reads left to right whole. Left outside, they are
 * mirrored around the phrase on screen, and in the PDF's text the closing ones come back before it and the
 * phrase glued to the Arabic word after it (converted site page: 97.6% → 99.7% of words intact in
 * pdftotext).
 */
function withEnclosingBraces(text: string, run: Run): Run {
  const before = /\{+%?[ \t]*$/.exec(text.slice(0, run.start))?.[0] ?? ''
  const after = /^[ \t]*%?\}+/.exec(text.slice(run.end))?.[0] ?? ''
  const count = (part: string, brace: string) => [...part].filter((char) => char === brace).length
  if (before === '' || count(before, '{') !== count(after, '}')) return run
  return {start: run.start - before.length, end: run.end + after.length}
}

// A full stop after a phrase belongs to the phrase; after a single word it usually ends the surrounding
// Arabic sentence.
function withTrailingPunctuation(text: string, start: number, end: number): number {
  if (!space.test(text.slice(start, end))) return end
  let index = end
  while (index < text.length && sentencePunctuation.has(text.charAt(index))) index++
  return index
}

const sign = '[+\\-\\u2212\\u00B1\\u2213]'
const number = '[0-9]+(?:[.,][0-9]+)*'
const times = '\\s?[×·]\\s?'
const exponent = `(?:[\\u00B2\\u00B3\\u00B9\\u2070\\u2074-\\u207B]+|${atom.exponent})`
const percent = '[%‰\\u066A]?'
// A sign is a sign only where no number or Latin word comes before it: `5-3`, `1950-1953` and `COVID-19`
// are not signed; an Arabic letter may (`و-5`: the conjunction is written joined to the word after it).
const numberUnit = new RegExp(
  `(?<![\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{N}${atom.ltr}${atom.exponent}${atom.number}.,])` +
    `(?:${sign}${number}(?:${times}${number})?${exponent}?|${number}${times}${number}${exponent}?|${number}${exponent})${percent}`,
  'gu'
)

/**
 * Numbers the bidi algorithm would put out of written order in right-to-left text: signed numbers and
 * percentages (`−12%`, `+85%`, `±3`, `-0.5`), products and powers (`3×10⁶`, `10` with a superscript).
 * A plain number (`2024`, `12%`) is in order already and is not taken: the PDF's text layer marks those
 * itself, and ranges (`1950-1953`) too.
 */
export function findNumberUnits(text: string): Run[] {
  return [...text.matchAll(numberUnit)].map((match) => ({start: match.index, end: match.index + match[0].length}))
}

export interface IsolateOptions {
  /** Isolate signed numbers and powers too (not when the digits are to become Arabic-Indic). */
  numbers?: boolean | undefined
}

/** What to isolate in right-to-left text: left-to-right phrases, then numbers outside them, in order. */
export function findIsolates(text: string, options: IsolateOptions = {}): Run[] {
  const phrases = findLtrPhrases(text)
  if (options.numbers === false) return phrases
  const numbers = findNumberUnits(text).filter(
    (unit) => !phrases.some((phrase) => unit.start < phrase.end && phrase.start < unit.end)
  )
  return [...phrases, ...numbers].sort((a, b) => a.start - b.start)
}

const isolates = {ltr: '\u2066', rtl: '\u2067', end: '\u2069'}

/**
 * Plain text (running heads, bookmarks) laid out as `direction` text with Unicode's isolate marks: all
 * of it isolated when its letters are all of the other direction, otherwise each left-to-right phrase and
 * signed number in right-to-left text.
 */
export function isolateText(text: string, direction: Direction, options: IsolateOptions = {}): string {
  const own = resolveDirection(strongDirection(text), direction)
  if (own !== direction) return isolates[own] + text + isolates.end
  if (direction === 'ltr') return text
  let result = ''
  let last = 0
  for (const run of findIsolates(text, options)) {
    result += text.slice(last, run.start) + isolates.ltr + text.slice(run.start, run.end) + isolates.end
    last = run.end
  }
  return result + text.slice(last)
}
