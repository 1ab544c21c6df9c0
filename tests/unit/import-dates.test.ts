import {describe, expect, it} from 'vitest'
import {findDates, isoDateOf, type FoundDate} from '../../src/arabic/dates.js'

function summary(text: string): Array<[FoundDate['calendar'], number, number | undefined, number | undefined]> {
  return findDates(text).map((date) => [date.calendar, date.year, date.month, date.day])
}

function iso(text: string): Array<string | undefined> {
  return findDates(text).map(isoDateOf)
}

describe('findDates with month names', () => {
  it('reads Iraqi and Levantine month names, with or without hamza', () => {
    expect(iso('31 تشرين الأول 2024')).toEqual(['2024-10-31'])
    expect(iso('31 تشرين الاول 2024')).toEqual(['2024-10-31'])
    expect(iso('5 كانون الثاني 2025')).toEqual(['2025-01-05'])
    expect(iso('1 آذار 2023')).toEqual(['2023-03-01'])
    expect(iso('9 اب 2022')).toEqual(['2022-08-09'])
  })

  it('reads Egyptian and Gulf month names', () => {
    expect(iso('31 أكتوبر 2024')).toEqual(['2024-10-31'])
    expect(iso('3 ابريل 2024')).toEqual(['2024-04-03'])
    expect(iso('12 يونية 2024')).toEqual(['2024-06-12'])
  })

  it('reads Maghrebi month names', () => {
    expect(iso('5 جانفي 2025')).toEqual(['2025-01-05'])
    expect(iso('14 جويلية 2025')).toEqual(['2025-07-14'])
    expect(iso('20 غشت 2025')).toEqual(['2025-08-20'])
  })

  it('reads a day of the week before and a second month name after a slash', () => {
    expect(iso('الخميس 31 تشرين الأول/أكتوبر 2024')).toEqual(['2024-10-31'])
    expect(iso('31 تشرين الأول (أكتوبر) 2024')).toEqual(['2024-10-31'])
  })

  it('reads Arabic-Indic and Persian digits', () => {
    expect(iso('٣١ تشرين الأول ٢٠٢٤')).toEqual(['2024-10-31'])
    expect(iso('۳ آب ۲۰۲۵')).toEqual(['2025-08-03'])
  })

  it('finds a date inside a sentence', () => {
    expect(iso('في 19 تشرين الأول 2024، وقعت روسيا')).toEqual(['2024-10-19'])
  })

  it('keeps a month and year without a day, which makes no whole date', () => {
    expect(summary('تشرين الأول 2024')).toEqual([['gregorian', 2024, 10, undefined]])
    expect(iso('تشرين الأول 2024')).toEqual([undefined])
  })

  it('skips a month name with neither a day nor a year', () => {
    expect(findDates('في شهر رمضان من كل عام')).toEqual([])
  })

  it('skips a day that the month does not have', () => {
    expect(iso('31 شباط 2024')).toEqual([undefined])
  })
})

describe('findDates with numbers', () => {
  it('reads day first, as in Iraq', () => {
    expect(iso('31/10/2024')).toEqual(['2024-10-31'])
    expect(iso('٣١-١٠-٢٠٢٤')).toEqual(['2024-10-31'])
  })

  it('reads year first when the year comes first', () => {
    expect(iso('بغداد في 2025/10/3')).toEqual(['2025-10-03'])
  })

  it('skips impossible dates and decimals', () => {
    expect(findDates('30/2/2024')).toEqual([])
    expect(findDates('نمو بنسبة 3.5 في المئة')).toEqual([])
  })
})

describe('findDates with Hijri dates', () => {
  it('reads Hijri month names as Hijri, never as a whole Gregorian date', () => {
    expect(summary('28 ربيع الآخر 1446 هـ')).toEqual([['hijri', 1446, 4, 28]])
    expect(iso('28 ربيع الآخر 1446 هـ')).toEqual([undefined])
  })

  it('reads a bare Hijri year and a numeric Hijri date', () => {
    expect(summary('1447 هـ')).toEqual([['hijri', 1447, undefined, undefined]])
    expect(summary('1446/4/28 هـ')).toEqual([['hijri', 1446, 4, 28]])
  })

  it('finds the Gregorian date written beside a Hijri one', () => {
    expect(iso('28 ربيع الآخر 1446 هـ الموافق 31 أكتوبر 2024 م')).toEqual([undefined, '2024-10-31'])
  })
})
