import {describe, expect, it} from 'vitest'
import {wholeWords, withUnmirroredGuillemets} from '../../src/outputs/pdf/actual-text.js'
import {hexText, parseContent, readToUnicode, textHex} from '../../src/outputs/pdf/content-stream.js'
import {writeToUnicode} from '../../src/outputs/pdf/to-unicode.js'

// Glyph codes of a made-up font: 1 ع (isolated), 2 the tanween ٌ, 3 و (final form), 4 a space.
const toUnicode = new Map([
  [1, 'ع'],
  [2, '\u064C'],
  [3, '\uFEEE'],
  [4, ' ']
])
const span = (text: string) => `/Span<</ActualText ${textHex(text)} >> BDC`

function rewrite(stream: string): string | undefined {
  return wholeWords(parseContent(stream)!, () => toUnicode)
}

describe('parseContent', () => {
  it('splits operations with their operands, strings and dictionaries included', () => {
    const operations = parseContent('/Span<</ActualText <FEFF0639> >> BDC\n1 0 0 -1 5 6 Tm (a\\)b) Tj % note\nEMC')!
    expect(operations.map((operation) => [operation.operator, operation.operands])).toEqual([
      ['BDC', ['/Span', '<<', '/ActualText', '<FEFF0639>', '>>']],
      ['Tm', ['1', '0', '0', '-1', '5', '6']],
      ['Tj', ['(a\\)b)']],
      ['EMC', []]
    ])
  })

  it('refuses a stream with an inline image', () => {
    expect(parseContent('BI /W 1 /H 1 ID x EI')).toBeUndefined()
  })
})

describe('readToUnicode', () => {
  it('reads single codes and ranges', () => {
    const map = readToUnicode(
      '2 beginbfchar <0001> <0639> <0005> <FEFF0644 0627> endbfchar 1 beginbfrange <0010> <0011> <0627> endbfrange'
    )
    expect(Object.fromEntries(map)).toEqual({1: 'ع', 5: 'لا', 16: 'ا', 17: 'ب'})
  })
})

describe('wholeWords', () => {
  it('puts one span around a vowelled word, its text in visual order and a letter drawn first', () => {
    const stream = [
      '/ReversedChars BMC',
      span('ع\u064C'),
      '2.2 3.6 Td <0002> Tj',
      '-2.2 -3.6 Td <0001> Tj',
      'EMC',
      '9 0 Td <0003> Tj',
      'EMC'
    ].join('\n')
    const out = rewrite(stream)
    expect(out).toBe(
      [
        '/ReversedChars BMC',
        `/Span <</ActualText ${textHex('\u064Cعو')} >> BDC`,
        '0 0 Td',
        '<0001> Tj',
        '2.2 3.6 Td',
        '<0002> Tj',
        '6.8 -3.6 Td',
        '<0003> Tj',
        'EMC',
        'EMC'
      ].join('\n')
    )
    expect(hexText(textHex('\u064Cعو'))).toBe('\u064Cعو')
  })

  it('leaves a stream whose words have no harakat or ligature as Chromium wrote it', () => {
    const stream = ['/ReversedChars BMC', span('و'), '<0003> Tj', 'EMC', '4 0 Td <0004> Tj', 'EMC'].join('\n')
    expect(rewrite(stream)).toBeUndefined()
  })

  it('writes the operations outside reversed runs back unchanged, one a line', () => {
    const stream = [
      'BT',
      '/F1 12 Tf',
      '1 0 0 -1 5 6 Tm',
      '<0001> Tj 2 0 Td',
      '/ReversedChars BMC',
      span('ع\u064C'),
      '<0001> Tj',
      '2.2 3.6 Td <0002> Tj',
      'EMC',
      'EMC',
      'ET'
    ].join('\n')
    expect(rewrite(stream)).toBe(
      [
        'BT',
        '/F1 12 Tf',
        '1 0 0 -1 5 6 Tm',
        '<0001> Tj',
        '2 0 Td',
        '/ReversedChars BMC',
        `/Span <</ActualText ${textHex('\u064Cع')} >> BDC`,
        '0 0 Td',
        '<0001> Tj',
        '2.2 3.6 Td',
        '<0002> Tj',
        'EMC',
        'EMC',
        'ET'
      ].join('\n')
    )
  })
})

describe('writeToUnicode', () => {
  it('writes presentation forms as their base letters and keeps the rest', () => {
    const map = readToUnicode(
      writeToUnicode(
        new Map([
          [1, '\uFEE3'],
          [2, '\uFEFB'],
          [3, 'A']
        ])
      )
    )
    expect(Object.fromEntries(map)).toEqual({1: 'م', 2: 'لا', 3: 'A'})
  })
})

describe('withUnmirroredGuillemets', () => {
  it('puts a left-to-right mark after a guillemet inside a word as drawn, none after one at its ends', () => {
    expect(withUnmirroredGuillemets('»ُمْلِعْلا«ـَف')).toBe('»ُمْلِعْلا«\u200Eـَف')
    expect(withUnmirroredGuillemets('»ُهَّللا«')).toBe('»ُهَّللا«')
    expect(withUnmirroredGuillemets('،»ُهُجاَرِس')).toBe('،»\u200Eُهُجاَرِس')
  })
})
