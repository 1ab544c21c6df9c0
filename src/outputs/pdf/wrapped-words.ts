import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {PDFDict, PDFName, type PDFDocument, type PDFRef} from 'pdf-lib'
import {contentRefs, contentText, pageFonts, rewriteContent, textReader, type TextReader} from './actual-text.js'
import {hexBytes, hexText, parseContent, textHex, type Operation} from './content-stream.js'
import {dashCompoundClass, dashCompoundsOf, isCode} from './dash-compounds.js'

/**
 * Addresses and words longer than a line, whole in the PDF's text. A URL wraps between its pieces and a
 * long word between any two letters (rehype-break-urls, rehype-long-words); a reader's text then has a
 * line break inside it, and copying, searching or reading it aloud gives two or more broken words. In
 * print, a left-to-right mark (invisible, no width, no break opportunity of its own: it takes the line
 * breaking class of a letter after a space) opens each such address or word; after printing, the
 * glyphs that follow the mark and spell the word get `/ActualText` spans: the first
 * drawn letter the whole address, every other glyph (the marks too) a text that readers drop. The
 * address then comes back whole on the line where it starts. Nothing drawn moves: only marked content
 * is added around the glyphs. Note calls are marked and made whole the same way (see `isNoteCall`).
 */
export const wrappedWordMark = '\u200E'

const wrappedClasses = new Set(['url', 'long-word', dashCompoundClass])
const arabicLetter = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/

/**
 * The print tree with a mark at the start of each address (`.url`) and each long Latin word
 * (`.long-word`). Long Arabic words are left alone: their glyphs are drawn right to left, where a
 * left-to-right mark would be a run of its own.
 */
export function markWrappedWords(nodes: Array<Root | ElementContent>): void {
  for (const node of nodes) mark(node)
}

function mark(node: Root | ElementContent): void {
  if (node.type !== 'root' && node.type !== 'element') return
  if (node.type === 'element' && node.tagName === 'pre') return
  if (node.type === 'element' && isWrapped(node)) {
    node.children = [{type: 'text', value: wrappedWordMark}, ...node.children]
    return
  }
  for (const child of node.children as ElementContent[]) mark(child)
}

function isWrapped(element: Element): boolean {
  if (isNoteCall(element) || isCodeWord(element)) return true
  const value = element.properties.className
  const classes = Array.isArray(value) ? value.map(String) : []
  return classes.some((name) => wrappedClasses.has(name)) && !arabicLetter.test(toString(element))
}

/**
 * A note call is made whole the same way, to be read with a space after it. Chromium sets the call
 * against its word and PDFium, which starts a word only at a gap between glyphs (a space glyph alone has
 * no ink and is not read), glued the number to the word («مكاسبه2»): the call's first digit then reads
 * as the number and a space, which in a right-to-left line stands between the word and the number.
 * Corpus, words intact in PDFium: translated essay 98.7% → 99.9%, water security 97.9% → 98.8%, book
 * review 99.1% → 99.6% (MuPDF too: 95.2% → 97.3%, 92.5% → 93.7%, 96.9% → 97.8%); others unchanged, pages
 * unchanged to the pixel.
 */
function isNoteCall(element: Element): boolean {
  return (
    element.tagName === 'a' && element.properties.dataFootnoteRef !== undefined && /^[0-9]+$/.test(toString(element))
  )
}

/**
 * Inline code and Latin phrases set apart (`dir="ltr"`) with signs in them (`array[0]`, `str.translate`,
 * «CO<sub>2</sub>e», «x<sub>1</sub> + x<sub>2</sub>») are made whole the same way. PDFium cuts a
 * right-to-left line into runs of letters, of digits and separators and of the rest and turns their
 * order round (see `pdfiumOrder`): it gave «[0]array», «translate.str», «e2CO». The scan passes over
 * spaces, so a phrase is found by its spelling without them and given back as written. Code blocks are
 * not entered (see `code-lines.ts`), nor text with an Arabic letter (drawn right to left), of letters
 * alone (runs of one kind, read as written) or whose first letter or digit is not a letter (a number:
 * the cases `pdfiumOrder` orders). Corpus, words intact in PDFium: code tutorial 98.7% → 100%, formulas
 * paper 98.4% → 99.3%, converted site page 98.3% → 99.0% (→ 99.7% with the phrases that start with a
 * sign, `{{ site.year }}`), press readme 99.7% → 100%, economic bulletin 99.4% → 100%; none lower in
 * poppler or PDFium, pages unchanged to the pixel.
 */
function isCodeWord(element: Element): boolean {
  if (element.tagName !== 'code' && !(element.tagName === 'span' && element.properties.dir === 'ltr')) return false
  const text = toString(element)
  return /^[^\p{L}\p{N}]*\p{L}/u.test(text) && !arabicLetter.test(text) && /[^\p{L}\s]/u.test(text)
}

/** The text a made-whole word's first glyph reads as: a note call's number (digits only) with a space. */
export function wholeText(word: string): string {
  return /^[0-9]+$/.test(word) ? `${word} ` : word
}

/**
 * What a glyph other than the first of a wrapped word reads as. Poppler takes an empty text as nothing;
 * PDFium reads the glyph itself when a span's text is empty, and skips it when the text holds no
 * printable character, which U+0001 is not (given in a tag poppler does not read: see `pdfiumTag`).
 */
const continuation = {poppler: '', pdfium: '\u0001'}

/** A glyph drawn: on which page, in which of the scanned streams, which operation (`Tj`) in it. */
interface GlyphAt {
  page: number
  stream: number
  operation: number
  /** Its letters (none for the mark). */
  text: string
}

interface Token {
  /** Its mark first. */
  glyphs: GlyphAt[]
  text: string
  /** The words it is the start of. */
  words: string[]
}

/** What PDFium reads of one line, in drawing order: text, or a glyph of a word made whole (read later). */
type LinePiece = string | GlyphAt

/** The scan's state, carried from one stream to the next: a word may go on to the next page. */
export interface Scan {
  /** The words, as their glyphs spell them: without their spaces, which the scan passes over. */
  words: ReadonlySet<string>
  /** A phrase's text as written, by its spelling without spaces. */
  written: ReadonlyMap<string, string>
  /** Words begun and not yet whole, the latest last: another may start before one ends (see below). */
  open: Token[]
  /** The word the glyph before went to. */
  last: Token | undefined
  done: Token[]
  /** The lines drawn, each with its baseline. */
  lines: Array<{stream: number; y: number; pieces: LinePiece[]}>
}

export function newScan(words: ReadonlySet<string>): Scan {
  const written = new Map(
    [...words]
      .filter((word) => /\s/.test(word))
      .map((word) => [word.replace(/\s+/g, ''), word.trim().replace(/\s+/g, ' ')])
  )
  return {
    words: new Set([...words].map((word) => word.replace(/\s+/g, ''))),
    written,
    open: [],
    last: undefined,
    done: [],
    lines: []
  }
}

/**
 * Reads one stream's glyphs into the scan. A word starts at a mark and takes, of the glyphs drawn left to
 * right after it (never those of reversed text; spaces are passed over), those that go on spelling one of
 * the words printed, until it is whole. Other glyphs may come in between: in a right-to-left paragraph,
 * Chromium draws a line's pieces left to right, so the start of the next address on the line can come
 * before the end of the one wrapped from the line above. A glyph goes to the word the glyph before it
 * went to if it fits, else to the latest word it fits (so a piece «-the» goes on «…/about» rather than
 * the «https://archive.example» begun since, which a hyphen would fit too). A word
 * not whole by the end of the page after its mark is dropped: nothing is rewritten on a guess.
 */
export function scanStream(
  scan: Scan,
  at: {page: number; stream: number},
  operations: Operation[],
  toUnicode: (font: string) => Map<number, string> | undefined
): void {
  scan.open = scan.open.filter((token) => token.glyphs[0]!.page >= at.page - 1)
  const marks: string[] = []
  let font = ''
  let span: {text: string; used: boolean} | undefined
  let line: LinePiece[] = []
  // This stream's lines, looked through at each `Tm` rather than the lines of every stream before.
  const lines = scan.lines.filter((known) => known.stream === at.stream)
  operations.forEach((operation, index) => {
    const {operator, operands} = operation
    if (operator === 'Tf') font = operands[0] ?? ''
    else if (operator === 'Tm') line = lineAt(scan, lines, at.stream, Number(operands[5]))
    else if (operator === 'BMC' || operator === 'BDC') {
      marks.push(operands[0] ?? '')
      if (operands[0] === '/Span' && operands[2] === '/ActualText' && operands[3]?.startsWith('<'))
        span = {text: hexText(operands[3]), used: false}
    } else if (operator === 'EMC') {
      if (marks.pop() === '/Span') span = undefined
    } else if (operator === 'Tj' && operands.length === 1 && operands[0]!.startsWith('<')) {
      const text = glyphText(operands[0]!, toUnicode(font))
      const before = scan.last
      // Chromium draws the mark as a space glyph in a span of its own, or as a glyph mapped to it.
      const read = span ? (span.used ? '' : span.text) : text
      if (span) span.used = true
      if (text === wrappedWordMark || span?.text === wrappedWordMark) {
        scan.open.push({glyphs: [{...at, operation: index, text: ''}], text: '', words: [...scan.words]})
      } else {
        const taken =
          scan.open.length > 0 && !marks.includes('/ReversedChars') && !/^\s+$/.test(read)
            ? extend(scan, {...at, operation: index, text: read})
            : undefined
        line.push(taken ?? read)
      }
      if (text !== wrappedWordMark && span?.text !== wrappedWordMark)
        closeNoteCalls(scan, scan.last === before ? undefined : scan.last)
    }
  })
}

/**
 * A note call is whole at the first glyph drawn after it that is not its own: «1» could go on to «19»
 * and take the 9 of a year on the same line.
 */
function closeNoteCalls(scan: Scan, taker: Token | undefined): void {
  for (const token of scan.open.filter(
    (open) => open !== taker && open.text !== '' && wholeText(open.text) !== open.text && open.words.includes(open.text)
  )) {
    scan.open = scan.open.filter((open) => open !== token)
    token.words = [token.text]
    scan.done.push(token)
  }
}

/** The line of a baseline (Chromium starts every piece of a line with a `Tm`; a note call is raised less). */
function lineAt(scan: Scan, lines: Scan['lines'], stream: number, y: number): LinePiece[] {
  const found = lines.find((line) => Math.abs(line.y - y) < 10)
  if (found) return found.pieces
  const line = {stream, y, pieces: []}
  scan.lines.push(line)
  lines.push(line)
  return line.pieces
}

function extend(scan: Scan, glyph: GlyphAt): GlyphAt | undefined {
  const goesOn = (open: Token) => (word: string) => word.startsWith(glyph.text, open.text.length)
  const fits = (open: Token) => open.words.some(goesOn(open))
  const last = scan.last && scan.open.includes(scan.last) && fits(scan.last) ? scan.last : undefined
  const token = last ?? scan.open.findLast(fits)
  scan.last = token
  if (!token) return undefined
  token.words = token.words.filter(goesOn(token))
  token.glyphs.push(glyph)
  token.text += glyph.text
  if (token.words.length === 1 && token.words[0] === token.text) {
    scan.open = scan.open.filter((open) => open !== token)
    scan.done.push(token)
  }
  return glyph
}

/**
 * The text each scanned glyph is to read as, by stream, then operation: the first letter of a word the
 * whole word, its other glyphs (its mark too) nothing. A word going on to the next page is given to each
 * page as far as it is printed there: a reader takes a page's text alone, and a page of an address three
 * thousand letters long would otherwise read as left-to-right text in pdftotext (it weighs a page's
 * letters of each direction), its Arabic lines turned round.
 */
export function rolesOf(scan: Scan): Map<number, Map<number, string>> {
  const roles = new Map<number, Map<number, string>>()
  for (const token of scan.done) {
    const firsts = firstLettersByPage(token.glyphs, scan.written)
    for (const glyph of token.glyphs) {
      const stream = roles.get(glyph.stream) ?? new Map<number, string>()
      roles.set(glyph.stream, stream)
      stream.set(glyph.operation, firsts.get(glyph) ?? '')
    }
  }
  return roles
}

/**
 * The first letter of a word on each page it is printed on, with the word's text there. Grouped once:
 * an address of three thousand letters, its letters sought page by page for each glyph, took seconds.
 */
function firstLettersByPage(glyphs: GlyphAt[], written: ReadonlyMap<string, string>): Map<GlyphAt, string> {
  const pages = new Map<number, GlyphAt[]>()
  for (const glyph of glyphs) {
    if (glyph.text === '') continue
    const letters = pages.get(glyph.page)
    if (letters) letters.push(glyph)
    else pages.set(glyph.page, [glyph])
  }
  const firsts = new Map<GlyphAt, string>()
  for (const letters of pages.values()) {
    const spelled = letters.map((letter) => letter.text).join('')
    // A phrase printed on one page is given back as written (with its spaces); pieces across pages as printed.
    firsts.set(letters[0]!, wholeText(pages.size === 1 ? (written.get(spelled) ?? spelled) : spelled))
  }
  return firsts
}

/**
 * Of the operations `rolesOf` gives a text, those on a line PDFium reads left to right, by stream: it
 * counts a line's runs of right-to-left letters and of left-to-right letters (CFX_BidiString, now that
 * the document no longer says it reads right to left) and reads the line left to right when the latter
 * are more; a line's Arabic words are runs of their own, and so is each piece of an address between its
 * dots and slashes: a line that ends in a long address is read left to right, the address as written.
 * Digital archive paper, PDFium: two of its addresses.
 */
export function onLeftToRightLines(scan: Scan): Map<number, Set<number>> {
  const roles = rolesOf(scan)
  const lines = new Map<number, Set<number>>()
  for (const {pieces} of scan.lines) {
    const read = pieces
      .map((piece) =>
        typeof piece === 'string' ? piece : (roles.get(piece.stream)?.get(piece.operation) ?? piece.text)
      )
      .join('')
    if (pdfiumLineDirection(read) !== 'ltr') continue
    for (const piece of pieces) {
      if (typeof piece === 'string') continue
      const stream = lines.get(piece.stream) ?? new Set<number>()
      lines.set(piece.stream, stream.add(piece.operation))
    }
  }
  return lines
}

/** PDFium's direction of a line of text: right to left when its right-to-left runs are at least as many. */
export function pdfiumLineDirection(text: string): 'rtl' | 'ltr' {
  const runs = {rtl: 0, ltr: 0}
  let last = ''
  for (const character of text) {
    const kind =
      /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(character) && /\p{L}/u.test(character)
        ? 'rtl'
        : /\p{L}/u.test(character)
          ? 'ltr'
          : /[\p{Nd}\p{Mn},./:+\-#$%]/u.test(character)
            ? 'weak'
            : 'neutral'
    if (kind !== last && (kind === 'rtl' || kind === 'ltr')) runs[kind] += 1
    last = kind
  }
  return runs.rtl > 0 && runs.rtl >= runs.ltr ? 'rtl' : 'ltr'
}

/**
 * A stream's operations written back with the spans of its wrapped words. `rightToLeft`: the document is
 * written right to left, and PDFium is given the text in the order it turns round, except for the
 * operations `asWritten`, on lines it reads left to right (see `onLeftToRightLines`).
 */
export function withSpans(
  operations: Operation[],
  roles: Map<number, string>,
  rightToLeft = true,
  asWritten: ReadonlySet<number> = new Set()
): string {
  return operations
    .map((operation, index) => wrapped(operation.source, roles.get(index), rightToLeft && !asWritten.has(index)))
    .join('\n')
}

function wrapped(source: string, text: string | undefined, rightToLeft: boolean): string {
  if (text === undefined) return source
  if (text !== '' && !rightToLeft) return `/Span <</ActualText ${textHex(text)} >> BDC\n${source}\nEMC`
  if (text !== '')
    return `/Span <</ActualText ${textHex(text)} >> BDC\n/${pdfiumTag} <</ActualText ${textHex(pdfiumOrder(text))} >> BDC\n${source}\nEMC\nEMC`
  return `/Span <</ActualText ${textHex(continuation.poppler)} >> BDC\n/${pdfiumTag} <</ActualText ${textHex(continuation.pdfium)} >> BDC\n${source}\nEMC\nEMC`
}

/**
 * A marked-content tag of our own for the text PDFium reads: poppler reads `/ActualText` in `/Span`
 * only, PDFium in any tag, the innermost first.
 */
const pdfiumTag = 'VisualOrder'

/**
 * A word as PDFium is to read it on a line it reads right to left (see `pdfiumLineDirection`). PDFium
 * cuts such a line into runs of letters, of digits and separators (`. / : -`, which Unicode calls weak),
 * of Arabic letters and of the rest, and puts the runs in the opposite order:
 * «www.qdl.qa/ar» comes back «ar/qa.qdl.www». The same text given with its runs in the opposite order
 * comes back as written. Within a word beginning with a letter, as an address does, PDFium keeps each
 * run's letters in order. Of a text that starts with signs (`{{ site.title }}`), PDFium gives the signs
 * it ends with last as they are, and those it starts with first, turned round and mirrored: given its
 * closing signs first and its opening ones last, turned round and mirrored, « }}title.site }}» comes back
 * «{{ site.title }}» (measured in an Arabic line, the phrase after an Arabic word and before an Arabic
 * comma). Undefined order for anything else (a digit before the first letter): the text as it is.
 */
export function pdfiumOrder(text: string): string {
  if (/[\u0590-\u08FF]/.test(text)) return text
  if (/^\p{L}/u.test(text)) return runsTurned(text)
  const parts = /^([^\p{L}\p{N}]+)(\p{L}[\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(text)
  if (!parts) return text
  const [, head, letters, tail] = parts as unknown as [string, string, string, string]
  return `${tail}${runsTurned(letters)}${[...head].reverse().map(mirrored).join('')}`
}

function runsTurned(text: string): string {
  const runs: string[] = []
  let last = ''
  for (const character of text) {
    const kind = pdfiumKind(character)
    if (kind === last) runs[runs.length - 1] += character
    else runs.push(character)
    last = kind
  }
  return runs.reverse().join('')
}

const mirrors: Record<string, string> = {'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<'}

function mirrored(character: string): string {
  return mirrors[character] ?? character
}

/** PDFium's direction of a character (CFX_BidiChar): left, weak left (numbers, separators, marks) or neutral. */
function pdfiumKind(character: string): string {
  if (/\p{L}/u.test(character)) return 'left'
  if (/[\p{Nd}\p{Mn},./:+\-#$%\u00A0\u00B0\u2030]/u.test(character)) return 'weak'
  return 'neutral'
}

/** A glyph's letters; a Latin ligature (ﬁ) as its letters, as the word is written. */
function glyphText(token: string, map: Map<number, string> | undefined): string {
  const bytes = hexBytes(token)
  let text = ''
  for (let index = 0; index + 1 < bytes.length; index += 2)
    text += map?.get(bytes[index]! * 256 + bytes[index + 1]!) ?? '\uFFFD'
  return /[\uFB00-\uFB06]/.test(text) ? text.normalize('NFKC') : text
}

/** The words printed with a mark (see `markWrappedWords`), from the document's trees. */
export function wrappedWordsOf(nodes: Array<Root | ElementContent>): Set<string> {
  const words = new Set<string>()
  // The document's trees, not the print tree: its dash compounds are found in its text (see `spanDashCompounds`).
  const visit = (node: Root | ElementContent, inCode: boolean) => {
    if (node.type === 'element' && node.tagName === 'pre') return
    if (node.type === 'element' && isWrapped(node)) words.add(toString(node))
    else if (node.type === 'text' && !inCode) for (const compound of dashCompoundsOf(node.value)) words.add(compound)
    else if (node.type === 'root' || node.type === 'element')
      for (const child of node.children as ElementContent[])
        visit(child, inCode || (node.type === 'element' && isCode(node.tagName)))
  }
  for (const node of nodes) visit(node, false)
  return words
}

/** Every page's content streams with their wrapped words made whole, across pages. */
export function wholeWrappedWordsIn(
  pdf: PDFDocument,
  words: ReadonlySet<string>,
  rightToLeft: boolean,
  reader: TextReader = textReader(pdf)
): void {
  if (words.size === 0) return
  const scan = newScan(words)
  const scanned: Array<{ref: PDFRef; operations: Operation[]}> = []
  const marksByMap = new Map<Map<number, string>, string[]>()
  for (const [pageIndex, page] of pdf.getPages().entries()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)
    const toUnicode = pageFonts(reader, page.node)
    const markCodes = [markSpan, ...(fonts ? markGlyphs(fonts, toUnicode, marksByMap) : [])]
    for (const ref of contentRefs(page.node)) {
      const text = contentText(reader, ref)
      if (text === undefined) continue
      if (scan.open.length === 0 && !markCodes.some((code) => text.includes(code))) continue
      const operations = parseContent(text)
      if (!operations) continue
      scanStream(scan, {page: pageIndex, stream: scanned.length}, operations, toUnicode)
      scanned.push({ref, operations})
    }
  }
  const leftToRight = onLeftToRightLines(scan)
  for (const [stream, roles] of rolesOf(scan)) {
    const {ref, operations} = scanned[stream]!
    rewriteContent(reader, ref, withSpans(operations, roles, rightToLeft, leftToRight.get(stream)))
  }
}

/** The mark as Chromium writes a span's text. */
const markSpan = textHex(wrappedWordMark)

/**
 * The glyph strings (`<0003>`) that stand for the mark in the page's fonts. `known`: those of each map
 * already looked through (pages share their fonts).
 */
function markGlyphs(
  fonts: PDFDict,
  toUnicode: (name: string) => Map<number, string> | undefined,
  known: Map<Map<number, string>, string[]>
): string[] {
  const codes: string[] = []
  for (const name of fonts.keys()) {
    const map = toUnicode(name.asString())
    if (!map) continue
    let marks = known.get(map)
    if (!marks) {
      marks = [...map]
        .filter(([, text]) => text === wrappedWordMark)
        .map(([code]) => `<${code.toString(16).toUpperCase().padStart(4, '0')}>`)
      known.set(map, marks)
    }
    codes.push(...marks)
  }
  return codes
}
