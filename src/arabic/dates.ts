import {toArabicIndicDigits, type Digits} from './digits.js'

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
export function formatArabicDate(
  isoDate: string,
  digits: Digits = 'latin'
): string {
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
