import {describe, expect, it} from 'vitest'
import {formatArabicDate, iraqiMonths, isValidIsoDate} from '../../src/arabic/dates.js'
import {localizeDigits, toArabicIndicDigits} from '../../src/arabic/digits.js'
import {arabicOrdinal} from '../../src/arabic/ordinals.js'

function codePoints(s: string): string[] {
  return [...s].map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'))
}

describe('iraqiMonths', () => {
  it('has twelve months, January first, with hamza as in the house style', () => {
    expect(iraqiMonths).toHaveLength(12)
    expect(iraqiMonths[0]).toBe('كانون الثاني')
    expect(iraqiMonths[11]).toBe('كانون الأول')
    // آذار and آب start with alef madda, أيار and أيلول with alef hamza above.
    expect(codePoints(iraqiMonths[2])[0]).toBe('U+0622')
    expect(codePoints(iraqiMonths[7])[0]).toBe('U+0622')
    expect(codePoints(iraqiMonths[4])[0]).toBe('U+0623')
    expect(codePoints(iraqiMonths[8])[0]).toBe('U+0623')
    expect(iraqiMonths[9]).toBe('تشرين الأول')
  })
})

describe('formatArabicDate', () => {
  it('formats with Latin digits by default, without a leading zero', () => {
    expect(formatArabicDate('2024-10-31')).toBe('31 تشرين الأول 2024')
    expect(formatArabicDate('2024-01-05')).toBe('5 كانون الثاني 2024')
  })

  it('formats with Arabic-Indic digits', () => {
    expect(formatArabicDate('2024-10-31', 'arabic-indic')).toBe('٣١ تشرين الأول ٢٠٢٤')
  })

  it('throws on invalid dates', () => {
    expect(() => formatArabicDate('2024-02-30')).toThrow(RangeError)
    expect(() => formatArabicDate('31/10/2024')).toThrow(RangeError)
  })
})

describe('isValidIsoDate', () => {
  it('checks the calendar, including leap years', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('2024-02-30')).toBe(false)
    expect(isValidIsoDate('2000-02-29')).toBe(true)
    expect(isValidIsoDate('1900-02-29')).toBe(false)
    expect(isValidIsoDate('2024-04-31')).toBe(false)
    expect(isValidIsoDate('2024-12-31')).toBe(true)
  })

  it('checks the shape', () => {
    expect(isValidIsoDate('2024-13-01')).toBe(false)
    expect(isValidIsoDate('2024-00-10')).toBe(false)
    expect(isValidIsoDate('2024-10-00')).toBe(false)
    expect(isValidIsoDate('2024-1-05')).toBe(false)
    expect(isValidIsoDate('2024-10-31T00:00')).toBe(false)
    expect(isValidIsoDate('٢٠٢٤-١٠-٣١')).toBe(false)
    expect(isValidIsoDate('')).toBe(false)
  })
})

describe('toArabicIndicDigits', () => {
  it('maps 0-9 to U+0660..U+0669', () => {
    expect(toArabicIndicDigits('0123456789')).toBe('٠١٢٣٤٥٦٧٨٩')
    expect(codePoints(toArabicIndicDigits('09'))).toEqual(['U+0660', 'U+0669'])
    expect(toArabicIndicDigits('عام 2024')).toBe('عام ٢٠٢٤')
  })
})

describe('localizeDigits', () => {
  it('does nothing for latin', () => {
    expect(localizeDigits('عام 2024', 'latin')).toBe('عام 2024')
  })

  it('converts digits in running text, decimals included', () => {
    expect(localizeDigits('في عام 2024 بلغت 3.5%', 'arabic-indic')).toBe('في عام ٢٠٢٤ بلغت ٣.٥%')
    // Not mistaken for a domain: a TLD is letters.
    expect(localizeDigits('النسبة 12.75', 'arabic-indic')).toBe('النسبة ١٢.٧٥')
  })

  it('leaves URLs untouched', () => {
    expect(localizeDigits('انظر https://example.org/report-2024?p=3 ص 12', 'arabic-indic')).toBe(
      'انظر https://example.org/report-2024?p=3 ص ١٢'
    )
    expect(localizeDigits('(www.un2024.org) عام 2024', 'arabic-indic')).toBe('(www.un2024.org) عام ٢٠٢٤')
  })

  it('leaves e-mail addresses and domain-like tokens untouched', () => {
    expect(localizeDigits('راسلنا info2@hcrs1.org في 2024', 'arabic-indic')).toBe('راسلنا info2@hcrs1.org في ٢٠٢٤')
    expect(localizeDigits('موقع news24.com، 7 أيام', 'arabic-indic')).toBe('موقع news24.com، ٧ أيام')
  })
})

describe('arabicOrdinal', () => {
  it('gives the adverbial ordinals with tanween fathah after the alef', () => {
    expect(arabicOrdinal(1)).toBe('أولاً')
    expect(codePoints(arabicOrdinal(1))).toEqual(['U+0623', 'U+0648', 'U+0644', 'U+0627', 'U+064B'])
    expect(arabicOrdinal(2)).toBe('ثانياً')
    expect(arabicOrdinal(10)).toBe('عاشراً')
    expect(arabicOrdinal(10).endsWith('\u0627\u064B')).toBe(true)
  })

  it('gives compound ordinals from 11 to 20', () => {
    expect(arabicOrdinal(11)).toBe('حادي عشر')
    expect(arabicOrdinal(12)).toBe('ثاني عشر')
    expect(arabicOrdinal(13)).toBe('ثالث عشر')
    expect(arabicOrdinal(19)).toBe('تاسع عشر')
    expect(arabicOrdinal(20)).toBe('عشرون')
  })

  it('falls back to the plain number', () => {
    expect(arabicOrdinal(21)).toBe('21')
    expect(arabicOrdinal(0)).toBe('0')
    expect(arabicOrdinal(-1)).toBe('-1')
    expect(arabicOrdinal(1.5)).toBe('1.5')
  })
})
