import {describe, expect, it} from 'vitest'
import {foldArabic, foldedWords, toAsciiDigits} from '../../src/arabic/fold.js'

describe('foldArabic', () => {
  it.each([
    ['hamza below the alef', 'الإستراتيجية', 'الاستراتيجيه'],
    ['hamza above the alef', 'الأستراتيجية', 'الاستراتيجيه'],
    ['madda on the alef', 'آسيا', 'اسيا'],
    ['alef wasla', 'ٱلْكِتَاب', 'الكتاب'],
    ['tāʾ marbūṭa', 'دراسة', 'دراسه'],
    ['alif maqṣūra', 'مستوى', 'مستوي'],
    ['harakat, shadda and tanwīn', 'الْعِرَاقِيَّةً', 'العراقيه'],
    ['tatweel', 'العـــراق', 'العراق'],
    ['hamza on wāw and on yā’', 'مسؤول رئيس', 'مسوول رييس'],
    ['the Persian yā’ and kāf', 'کتابی', 'كتابي'],
    ['a zero-width non-joiner and a soft hyphen', 'ال\u200cعراق al\u00adpha', 'العراق alpha'],
    ['presentation forms', 'ﻻ', 'لا'],
    ['Arabic-Indic and Persian digits', '٢٠٢٤ ۱۹', '2024 19'],
    ['Latin capitals', 'Hammurabi', 'hammurabi'],
    ['runs of white space', '  في\n\tالعراق  ', 'في العراق']
  ])('folds %s', (_what, text, folded) => {
    expect(foldArabic(text)).toBe(folded)
  })

  it('gives every spelling of a word the same folding', () => {
    const spellings = [
      'الإستراتيجية',
      'الاستراتيجية',
      'الأستراتيجية',
      'الاستراتيجيه',
      'الإِسْتِرَاتِيجِيَّة',
      'الإستراتيـــجية'
    ]
    expect(new Set(spellings.map(foldArabic))).toEqual(new Set(['الاستراتيجيه']))
  })

  it('leaves a folded text as it is', () => {
    const folded = foldArabic('الإِسْتِرَاتِيجِيَّة الوطنيّة لعام ٢٠٢٥ — مستوى «الأمن»')
    expect(foldArabic(folded)).toBe(folded)
  })
})

describe('toAsciiDigits', () => {
  it('writes Arabic-Indic and Persian digits as ASCII ones, leaving the rest', () => {
    expect(toAsciiDigits('ص ١٢-۳۴')).toBe('ص 12-34')
  })
})

describe('foldedWords', () => {
  it('drops punctuation and joins a wāw written apart to its word', () => {
    expect(foldedWords('«الدراسات» و الأبحاث، (2024).')).toEqual(['الدراسات', 'والابحاث', '2024'])
  })
})
