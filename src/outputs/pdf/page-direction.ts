import type {PDFDocument} from 'pdf-lib'
import {contentRefs, contentText, pageFonts, rewriteContent, textReader, type TextReader} from './actual-text.js'
import {popplerLetters} from './code-lines.js'
import {parseContent, readGlyphs, textHex, type Glyph, type Operation} from './content-stream.js'

/**
 * Right-to-left pages in poppler. poppler sets every line of a page right to left or left to right by
 * the page's letters (`popplerPageDirection`): a page of an Arabic paper that carries a long address or a
 * long Latin word has more Latin letters than Arabic ones, and poppler reads it left to right, gluing an
 * Arabic line's words on either side of a comma or a colon («مستقلة،وهذه»). On such a page the first
 * Arabic letter drawn outside the other passes' spans is given an `/ActualText` of right-to-left marks
 * before the letter, enough to outnumber the Latin letters: poppler counts a mark as a right-to-left
 * letter, and gives it back at the end of the letter's word (the run is drawn from its left, the word's
 * last letter first), where it is invisible and no reader takes it for a letter. Nothing drawn moves.
 * Edge cases paper: 94.5% → 99.1% of words intact in pdftotext.
 */
const rightToLeftMark = '\u200F'
const arabicLetter = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/

/** Every page of a right-to-left document that holds an Arabic letter set to read right to left in poppler. */
export function rightToLeftPagesIn(pdf: PDFDocument, reader: TextReader = textReader(pdf)): void {
  for (const page of pdf.getPages()) {
    const toUnicode = pageFonts(reader, page.node)
    const streams = contentRefs(page.node).map((ref) => {
      const text = contentText(reader, ref)
      return {ref, operations: text === undefined ? undefined : parseContent(text)}
    })
    const glyphs = streams.map(({operations}) => readGlyphs(operations ?? [], toUnicode))
    const marks = marksNeeded(
      glyphs
        .flat()
        .map((glyph) => glyph.read)
        .join('')
    )
    if (marks === 0) continue
    for (const [index, {ref, operations}] of streams.entries()) {
      const anchor = glyphs[index]!.find((glyph) => !glyph.inSpan && arabicLetter.test(glyph.read))
      if (!operations || !anchor) continue
      rewriteContent(reader, ref, withMarks(operations, anchor, marks))
      break
    }
  }
}

/**
 * How many right-to-left marks make poppler read a page with this text right to left: none when it
 * already does or when the page holds no right-to-left letter (a page all Latin stays as it reads).
 */
export function marksNeeded(text: string): number {
  const {leftToRight, rightToLeft} = popplerLetters(text)
  return rightToLeft === 0 || rightToLeft > leftToRight ? 0 : leftToRight - rightToLeft + 1
}

/** The stream written back with the marks before the anchor glyph's letters. */
export function withMarks(operations: Operation[], anchor: Glyph, marks: number): string {
  return operations
    .map(({source}, index) =>
      index === anchor.operation
        ? `/Span <</ActualText ${textHex(rightToLeftMark.repeat(marks) + anchor.read)} >> BDC\n${source}\nEMC`
        : source
    )
    .join('\n')
}
