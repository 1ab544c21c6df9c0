import {PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {contentRefs, streamText, textReader, wholeWordsIn} from '../../src/outputs/pdf/actual-text.js'
import {hexText, readToUnicode, textHex} from '../../src/outputs/pdf/content-stream.js'
import {baseLetterMaps} from '../../src/outputs/pdf/to-unicode.js'
import {wholeWrappedWordsIn, wrappedWordMark} from '../../src/outputs/pdf/wrapped-words.js'

// Glyph codes of a made-up font: 1 ع, 2 the tanween ٌ, 3 و (final form), 4 a space, 5 a, 6 b.
const toUnicode = new Map([
  [1, 'ع'],
  [2, '\u064C'],
  [3, '\uFEEE'],
  [4, ' '],
  [5, 'a'],
  [6, 'b']
])
const span = (text: string) => `/Span<</ActualText ${textHex(text)} >> BDC`

// A vowelled Arabic word in reversed text, then an address «ab» after its mark, on one page.
const content = [
  'BT',
  '/F1 12 Tf',
  '1 0 0 -1 5 6 Tm',
  '/ReversedChars BMC',
  span('ع\u064C'),
  '2.2 3.6 Td <0002> Tj',
  '-2.2 -3.6 Td <0001> Tj',
  'EMC',
  '9 0 Td <0003> Tj',
  'EMC',
  'ET',
  'BT',
  '/F1 12 Tf',
  '1 0 0 -1 40 6 Tm',
  span(wrappedWordMark),
  '<0004> Tj',
  'EMC',
  '3 0 Td <0005> Tj',
  '5 0 Td <0006> Tj',
  'ET'
].join('\n')

/** A CMap giving each code its text as it is, presentation forms included (as Chromium writes it). */
const cmap = `1 begincodespacerange <0000> <FFFF> endcodespacerange ${toUnicode.size} beginbfchar ${[...toUnicode]
  .map(([code, text]) => `<${code.toString(16).padStart(4, '0')}> ${textHex(text).replace('<FEFF', '<')}`)
  .join(' ')} endbfchar`

async function onePage(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const {context} = pdf
  const font = context.register(
    context.obj({Type: 'Font', Subtype: 'Type0', ToUnicode: context.register(context.flateStream(cmap))})
  )
  const page = pdf.addPage()
  page.node.setFontDictionary(PDFName.of('F1'), font)
  page.node.set(PDFName.of('Contents'), context.register(context.flateStream(content)))
  return pdf.save()
}

/** The text of every span in the page's content, in order. */
function spanTexts(pdf: PDFDocument): string[] {
  const [ref] = contentRefs(pdf.getPage(0).node) as [PDFRef]
  const text = streamText(pdf.context.lookup(ref) as PDFRawStream)
  return [...text.matchAll(/\/Span <<\/ActualText (<[0-9A-F]*>) >> BDC/g)].map((match) => hexText(match[1]!))
}

/** The page's font's ToUnicode map as the PDF holds it. */
function fontMap(pdf: PDFDocument): Map<number, string> {
  const font = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict).lookup(PDFName.of('F1'), PDFDict)
  return readToUnicode(streamText(font.lookup(PDFName.of('ToUnicode')) as PDFRawStream))
}

describe('textReader', () => {
  it('gives each text pass what the pass before wrote, the same PDF as passes reading alone', async () => {
    const bytes = await onePage()
    const shared = await PDFDocument.load(bytes, {updateMetadata: false})
    const reader = textReader(shared)
    wholeWordsIn(shared, reader)
    wholeWrappedWordsIn(shared, new Set(['ab']), false, reader)
    baseLetterMaps(shared, reader)

    const alone = await PDFDocument.load(bytes, {updateMetadata: false})
    wholeWordsIn(alone)
    wholeWrappedWordsIn(alone, new Set(['ab']), false)
    baseLetterMaps(alone)

    expect(spanTexts(shared)).toEqual(['\u064Cعو', '', 'ab', ''])
    expect(fontMap(shared).get(3)).toBe('و')
    expect(Buffer.from(await shared.save()).equals(Buffer.from(await alone.save()))).toBe(true)
  })
})
