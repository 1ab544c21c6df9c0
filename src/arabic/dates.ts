import {toArabicIndicDigits, type Digits} from './digits.js'
import {foldArabic} from './fold.js'

/**
 * Month names as used in Iraq and the Levant (Syriac-derived), January first.
 */
export const iraqiMonths = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول'
] as const

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether `s` is `YYYY-MM-DD` and names a day that exists in the
 * (proleptic) Gregorian calendar.
 */
export function isValidIsoDate(s: string): boolean {
  return parseIsoDate(s) !== undefined
}

/**
 * Format an ISO date as `31 تشرين الأول 2024`.
 *
 * @throws {RangeError} when `isoDate` is not a valid `YYYY-MM-DD` date; a
 *   silently wrong date in a printed report is worse than a failed build.
 */
export function formatArabicDate(isoDate: string, digits: Digits = 'latin'): string {
  const parts = parseIsoDate(isoDate)

  if (!parts) {
    throw new RangeError('Invalid ISO date `' + isoDate + '`, expected YYYY-MM-DD')
  }

  const [year, month, day] = parts
  const text = day + ' ' + iraqiMonths[month - 1] + ' ' + year
  return digits === 'arabic-indic' ? toArabicIndicDigits(text) : text
}

function parseIsoDate(s: string): [number, number, number] | undefined {
  const match = isoDate.exec(s)
  if (!match) return undefined

  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])

  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined
  }

  return [year, month, day]
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Month names, January first, as written in Egypt and the Gulf. */
export const egyptianMonths = [
  ['يناير'],
  ['فبراير'],
  ['مارس'],
  ['أبريل', 'إبريل'],
  ['مايو'],
  ['يونيو', 'يونية'],
  ['يوليو', 'يولية'],
  ['أغسطس'],
  ['سبتمبر'],
  ['أكتوبر'],
  ['نوفمبر'],
  ['ديسمبر']
] as const

/** Month names, January first, as written in Algeria and Tunisia, then in Morocco. */
export const maghrebiMonths = [
  ['جانفي'],
  ['فيفري'],
  ['مارس'],
  ['أفريل'],
  ['ماي'],
  ['جوان'],
  ['جويلية', 'يوليوز'],
  ['أوت', 'غشت'],
  ['سبتمبر', 'شتنبر'],
  ['أكتوبر'],
  ['نوفمبر', 'نونبر'],
  ['ديسمبر', 'دجنبر']
] as const

/** The Hijri months, Muharram first, with the spellings people use. */
export const hijriMonths = [
  ['محرم'],
  ['صفر'],
  ['ربيع الأول'],
  ['ربيع الثاني', 'ربيع الآخر'],
  ['جمادى الأولى', 'جمادى الأول'],
  ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر'],
  ['رجب'],
  ['شعبان'],
  ['رمضان'],
  ['شوال'],
  ['ذو القعدة', 'ذي القعدة'],
  ['ذو الحجة', 'ذي الحجة']
] as const

/** A date found in running text. */
export interface FoundDate {
  calendar: 'gregorian' | 'hijri'
  year: number
  /** 1–12; absent when only a year was written (a Hijri year with هـ). */
  month?: number
  day?: number
  /** What matched, folded (see `foldArabic`). */
  text: string
}

const gregorianNames = monthTable(
  iraqiMonths.map((name, index) => [name, ...egyptianMonths[index]!, ...maghrebiMonths[index]!])
)
const hijriNames = monthTable(hijriMonths)
const letter = '\\p{L}'
const namedPattern = new RegExp(
  `(?<![${letter}\\d])(?:(\\d{1,2})\\s*)?(?:شهر\\s+)?(${alternatives(gregorianNames, hijriNames)})` +
    `(?:\\s*[/(-]\\s*(?:${alternatives(gregorianNames)})\\s*\\)?)?\\s*[،,]?\\s*(\\d{4})?\\s*(ه|م)?(?![${letter}])`,
  'gu'
)
const numericPattern =
  /(?<![\d/.-])(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?![\d/.-])(?:\s*(ه|م)(?![\p{L}]))?/gu
const hijriYearPattern = /(?<![\d/.-])(1[34]\d\d)\s*ه(?![\p{L}])/gu

/**
 * Every date written in `text`, in order: `31 تشرين الأول 2024`, `31 أكتوبر 2024`, `31 تشرين الأول/أكتوبر
 * 2024`, `تشرين الأول 2024` (no day), `٣١/١٠/٢٠٢٤`, `2025/10/3` (year first), and Hijri ones
 * (`28 ربيع الآخر 1446 هـ`, `1446/4/28 هـ`, `1447 هـ`). Digits may be ASCII, Arabic-Indic or Persian.
 * Numeric dates are read day first, as in Iraq, unless the year comes first; impossible days are skipped.
 */
export function findDates(text: string): FoundDate[] {
  const folded = foldArabic(text)
  const found: Array<FoundDate & {index: number}> = []
  for (const match of folded.matchAll(namedPattern)) {
    const date = namedDate(match)
    if (date) found.push({...date, index: match.index})
  }
  for (const match of folded.matchAll(numericPattern)) {
    const date = numericDate(match)
    if (date && !found.some((other) => overlaps(other, match))) found.push({...date, index: match.index})
  }
  for (const match of folded.matchAll(hijriYearPattern)) {
    if (!found.some((other) => overlaps(other, match)))
      found.push({calendar: 'hijri', year: Number(match[1]), text: match[0], index: match.index})
  }
  return found.sort((a, b) => a.index - b.index).map(({index: _index, ...date}) => date)
}

/** A whole Gregorian date as `YYYY-MM-DD`, or undefined when its day or month is missing. */
export function isoDateOf(date: FoundDate): string | undefined {
  if (date.calendar !== 'gregorian' || date.month === undefined || date.day === undefined) return undefined
  const iso = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
  return isValidIsoDate(iso) ? iso : undefined
}

function namedDate(match: RegExpMatchArray): FoundDate | undefined {
  const [text, day, name, year, era] = match
  if (year === undefined) return undefined
  const hijri = hijriNames.get(name!)
  const date: FoundDate = {
    calendar: hijri !== undefined || era === 'ه' ? 'hijri' : 'gregorian',
    year: Number(year),
    month: hijri ?? gregorianNames.get(name!)!,
    text: text.trim()
  }
  if (day === undefined) return date
  date.day = Number(day)
  return date.day >= 1 && date.day <= 31 ? date : undefined
}

function numericDate(match: RegExpMatchArray): FoundDate | undefined {
  const [text, first, , middle, last, era] = match
  const yearFirst = first!.length === 4
  if (!yearFirst && last!.length !== 4) return undefined
  const year = Number(yearFirst ? first : last)
  const date: FoundDate = {
    calendar: era === 'ه' || (year >= 1300 && year < 1500) ? 'hijri' : 'gregorian',
    year,
    month: Number(middle),
    day: Number(yearFirst ? last : first),
    text: text.trim()
  }
  if (date.calendar === 'gregorian' && isoDateOf(date) === undefined) return undefined
  return date.month! >= 1 && date.month! <= 12 && date.day! >= 1 && date.day! <= 31 ? date : undefined
}

function overlaps(date: {index: number; text: string}, match: RegExpMatchArray): boolean {
  return match.index! < date.index + date.text.length && date.index < match.index! + match[0].length
}

/** Folded name → month number (1–12). */
function monthTable(months: ReadonlyArray<ReadonlyArray<string>>): Map<string, number> {
  const table = new Map<string, number>()
  months.forEach((names, index) => {
    for (const name of names) table.set(foldArabic(name), index + 1)
  })
  return table
}

// Longest first, so that «ربيع الاول» is not read as «ربيع» and «تشرين الاول» whole.
function alternatives(...tables: Array<Map<string, number>>): string {
  return [...new Set(tables.flatMap((table) => [...table.keys()]))]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/\s+/g, '\\s+'))
    .join('|')
}
