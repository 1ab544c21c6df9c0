import {PDFDocument, PDFName, type PDFRawStream, type PDFRef} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {contentRefs, deflatedStream, streamText} from '../../src/outputs/pdf/actual-text.js'
import {hexText, parseContent} from '../../src/outputs/pdf/content-stream.js'
import {popplerPageDirection} from '../../src/outputs/pdf/code-lines.js'
import {readGlyphs} from '../../src/outputs/pdf/content-stream.js'
import {marksNeeded, rightToLeftPagesIn, withMarks} from '../../src/outputs/pdf/page-direction.js'
import {writeToUnicode} from '../../src/outputs/pdf/to-unicode.js'

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

/** A page drawing this content with a font whose codes 1, 2 and 3 stand for «ب», «ا» and «x». */
function addPage(pdf: PDFDocument, content: string): PDFRef {
  const page = pdf.addPage()
  const map = pdf.context.register(deflatedStream(pdf, writeToUnicode(toUnicode())))
  const font = pdf.context.register(pdf.context.obj({Type: 'Font', ToUnicode: map}))
  page.node.set(PDFName.of('Resources'), pdf.context.obj({Font: {F1: font}}))
  const ref = pdf.context.register(deflatedStream(pdf, content))
  page.node.set(PDFName.of('Contents'), ref)
  return ref
}

const textOf = (pdf: PDFDocument, ref: PDFRef) => streamText(pdf.context.lookup(ref) as PDFRawStream)
const latin = (count: number) => Array.from({length: count}, () => '<0003> Tj').join('\n')

describe('rightToLeftPagesIn', () => {
  it('gives a page with more Latin letters than Arabic ones enough marks for poppler to read it right to left', async () => {
    const pdf = await PDFDocument.create()
    const ref = addPage(pdf, `BT\n/F1 12 Tf\n${latin(5)}\n/ReversedChars BMC\n<0002> Tj\n<0001> Tj\nEMC\nET`)
    rightToLeftPagesIn(pdf)
    const page = pdf.getPages()[0]!
    expect(contentRefs(page.node)).toEqual([ref])
    const read = readGlyphs(parseContent(textOf(pdf, ref))!, toUnicode)
      .map((glyph) => glyph.read)
      .join('')
    expect(read).toBe('xxxxx\u200F\u200F\u200F\u200Fاب')
    expect(popplerPageDirection(asPopplerCounts(read))).toBe('rtl')
  })

  it('leaves a page without an Arabic letter, and one poppler reads right to left, as they were', async () => {
    const pdf = await PDFDocument.create()
    const pages = [`BT\n/F1 12 Tf\n${latin(3)}\nET`, 'BT\n/F1 12 Tf\n<0003> Tj\n<0002> Tj\n<0001> Tj\nET']
    const refs = pages.map((content) => addPage(pdf, content))
    rightToLeftPagesIn(pdf)
    expect(refs.map((ref) => textOf(pdf, ref))).toEqual(pages)
  })
})
