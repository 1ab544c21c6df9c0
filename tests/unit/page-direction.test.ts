import {describe, expect, it} from 'vitest'
import {hexText, parseContent} from '../../src/outputs/pdf/content-stream.js'
import {popplerPageDirection} from '../../src/outputs/pdf/code-lines.js'
import {marksNeeded, readGlyphs, withMarks} from '../../src/outputs/pdf/page-direction.js'

/** poppler counts a right-to-left mark as a right-to-left letter; the model leaves marks out. */
const asPopplerCounts = (text: string) => text.replace(/\u200F/g, 'ب')

describe('marksNeeded', () => {
  it('gives enough right-to-left marks to outnumber the left-to-right letters of a page', () => {
    const page = 'https://example.org/abcdefgh مستقلة، وهذه'
    const marks = marksNeeded(page)
    expect(marks).toBeGreaterThan(0)
    expect(popplerPageDirection(asPopplerCounts(`${page}${'\u200F'.repeat(marks)}`))).toBe('rtl')
  })

  it('gives none for a page poppler reads right to left already', () => {
    expect(marksNeeded('abc عربي')).toBe(0)
  })

  it('gives none for a page without a right-to-left letter', () => {
    expect(marksNeeded('All Latin, 2025.')).toBe(0)
  })
})

const toUnicode = () =>
  new Map([
    [1, 'ب'],
    [2, 'ا'],
    [3, 'x']
  ])
const stream = [
  'BT',
  '/F1 12 Tf',
  '/Span <</ActualText <FEFF0041> >> BDC',
  '<0001> Tj',
  'EMC',
  '/ReversedChars BMC',
  '<0003> Tj',
  '<0002> Tj',
  '<0001> Tj',
  'EMC',
  'ET'
].join('\n')

describe('readGlyphs', () => {
  it("reads a span's text on its glyph and a glyph outside spans by its font's map", () => {
    const glyphs = readGlyphs(parseContent(stream)!, toUnicode)
    expect(glyphs.map(({read, inSpan}) => [read, inSpan])).toEqual([
      ['A', true],
      ['x', false],
      ['ا', false],
      ['ب', false]
    ])
  })
})

describe('withMarks', () => {
  it('gives the anchor glyph a span of the marks before its letter and leaves the other operations as they were', () => {
    const operations = parseContent(stream)!
    const anchor = readGlyphs(operations, toUnicode)[2]!
    const written = withMarks(operations, anchor, 3)
    const span = written.match(/\/Span <<\/ActualText (<[0-9A-F]+>) >> BDC\n<0002> Tj\nEMC/)
    expect(span && hexText(span[1]!)).toBe('\u200F\u200F\u200Fا')
    expect(written.replace(/\/Span <<\/ActualText <[0-9A-F]+> >> BDC\n(<0002> Tj)\nEMC/, '$1')).toBe(
      operations.map(({source}) => source).join('\n')
    )
  })
})
