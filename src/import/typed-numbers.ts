import {arabicOrdinal} from '../arabic/ordinals.js'
import {toAsciiDigits} from '../arabic/fold.js'

/**
 * A number typed by hand at the start of a paragraph, as Word users write section numbers and list
 * markers: «أولاً:», «ثانياً -», "1.", "1.2", "١-", "(3)", «أ-», «•». `length` is how many characters of
 * the text it takes, with the separator and the spaces after it.
 */
export type TypedNumber =
  | {kind: 'ordinal'; value: number; length: number}
  | {kind: 'decimal'; value: number[]; digits: 'latin' | 'arabic-indic'; length: number}
  | {kind: 'abjad'; value: number; length: number}
  | {kind: 'bullet'; length: number}

// Harakat and tatweel may sit between any two letters of a typed ordinal.
const marks = '[\\u064B-\\u065F\\u0670\\u0640]*'
const letterClasses: Readonly<Record<string, string>> = {
  ا: '[اأإآٱ]',
  أ: '[اأإآٱ]',
  ي: '[يى]',
  ى: '[يى]',
  ة: '[ةه]',
  ه: '[ةه]'
}

/** The ordinals the project prints (src/arabic/ordinals.ts), longest first so «حادي عشر» wins over nothing shorter. */
const ordinalPatterns = Array.from({length: 20}, (_, index) => ({
  value: index + 1,
  pattern: ordinalPattern(arabicOrdinal(index + 1))
})).sort((a, b) => b.pattern.source.length - a.pattern.source.length)

const decimal =
  /^\s*([0-9\u0660-\u0669\u06F0-\u06F9]{1,2}(?:\.[0-9\u0660-\u0669\u06F0-\u06F9]{1,2})*)(?:\s*[.\-–)]\s*|\.?\s+)(?=\S)/u
const bracketed = /^\s*\(([0-9\u0660-\u0669\u06F0-\u06F9]{1,2})\)\s*(?=\S)/u
const abjadLetters = [
  'أ',
  'ب',
  'ج',
  'د',
  'ه',
  'و',
  'ز',
  'ح',
  'ط',
  'ي',
  'ك',
  'ل',
  'م',
  'ن',
  'س',
  'ع',
  'ف',
  'ص',
  'ق',
  'ر',
  'ش',
  'ت',
  'ث',
  'خ',
  'ذ',
  'ض',
  'ظ',
  'غ'
]
const abjad = /^\s*([أابجدهوزحطيكلمنسعفصقرشتثخذضظغ])\u0640?\s*[-–)]\s*(?=\S)/u
const bullet = /^\s*[•·▪◦●○■□➢►✓*\-–\uF0A7\uF0B7\uF0D8]\s+(?=\S)/u

export function typedNumber(text: string): TypedNumber | undefined {
  for (const {value, pattern} of ordinalPatterns) {
    const match = pattern.exec(text)
    if (match) return {kind: 'ordinal', value, length: match[0].length}
  }
  const number = decimal.exec(text) ?? bracketed.exec(text)
  if (number) {
    const digits = /[\u0660-\u0669\u06F0-\u06F9]/u.test(number[1]!) ? 'arabic-indic' : 'latin'
    return {kind: 'decimal', value: toAsciiDigits(number[1]!).split('.').map(Number), digits, length: number[0].length}
  }
  const letter = abjad.exec(text)
  if (letter)
    return {
      kind: 'abjad',
      value: abjadLetters.indexOf(letter[1] === 'ا' ? 'أ' : letter[1]!) + 1,
      length: letter[0].length
    }
  const mark = bullet.exec(text)
  return mark ? {kind: 'bullet', length: mark[0].length} : undefined
}

function ordinalPattern(ordinal: string): RegExp {
  // The tanween is optional: «أولا» is as common as «أولاً».
  const letters = [...ordinal.replace(/\u064B/g, '')]
  const body = letters.map((letter) => (letter === ' ' ? '\\s+' : (letterClasses[letter] ?? letter) + marks)).join('')
  return new RegExp(`^\\s*${body}(?:\\s*[:：\\-–—.)/]\\s*|\\s+)(?=\\S)`, 'u')
}
