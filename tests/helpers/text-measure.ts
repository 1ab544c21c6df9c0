import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {PDFiumLibrary} from '@hyzyla/pdfium'
import type {Element, Nodes, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import * as mupdf from 'mupdf'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * The text-layer measure of shared/tools/textlayer.py, with one difference in where the words come
 * from. The words a reader should get back are taken from the web edition the build wrote, parsed with
 * hast, rather than from the Markdown with regular expressions: the web edition is the project's own
 * reading of the manuscript (footnotes, raw HTML, containers, numbering and captions resolved), composed
 * from the same Document as the print page, so it holds exactly the prose the PDF prints. Its abstract and
 * its main element (the text and the notes) are taken; the template's pages (cover, title, rights, back)
 * are not the manuscript's words. Code blocks are included: they are printed, and a reader copies code
 * more than anything else. Note calls and note numbers are left out: they are numbers set beside a word,
 * which the Markdown measure leaves out too. The notes section is taken as print sets it: its notes, each
 * at the foot of the page that calls it, without the section's heading, which only the web edition shows
 * (`paginate.ts` moves the `li.note` elements and drops the rest of `.notes`).
 */

/** Harakat, tatweel and bidi controls: extractors legitimately move tanween before its alef. */
const marks = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
/** What Python's `[\W_]` trims from a word's ends: anything not a letter or a digit. */
const edges = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu

/** Words as the measure counts them: split on white space, punctuation trimmed from both ends. */
export function words(text: string): string[] {
  return text
    .replace(marks, '')
    .split(/\s+/u)
    .map((word) => word.replace(edges, ''))
    .filter(Boolean)
}

/** HTML's phrasing elements: their text runs on within a line. Any other element starts a new run. */
// `wbr` too: a line-break opportunity inside an address (rehype-break-urls), not a break in its text.
const phrasing = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr'
])
/** Elements that print no text of their own. */
const unprinted = new Set(['head', 'script', 'style', 'template', 'title', 'desc'])

export const isPhrasing = (element: Element): boolean => phrasing.has(element.tagName)

/** A note call in the text or the number that leads a note back to it. */
function isNoteMark(element: Element): boolean {
  return (
    element.tagName === 'a' &&
    (element.properties.dataFootnoteRef !== undefined || element.properties.role === 'doc-backlink')
  )
}

const classesOf = (element: Element): unknown[] =>
  Array.isArray(element.properties.className) ? element.properties.className : []

/** The web edition's notes section, whose notes print moves to the foot of their pages, one by one. */
const isNotesSection = (element: Element): boolean => classesOf(element).includes('notes')

/** The printed text of a node, a line break around every block so that blocks never run into each other. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' && node.type !== 'root') return ''
  if (node.type === 'element' && (unprinted.has(node.tagName) || isNoteMark(node))) return ''
  if (node.type === 'element' && isNotesSection(node)) {
    return elementsWhere(node, (element) => element.tagName === 'li' && classesOf(element).includes('note'))
      .map(textOf)
      .join('')
  }
  if (node.type === 'element' && node.tagName === 'br') return '\n'
  const inner = node.children.map((child) => textOf(child)).join('')
  return node.type === 'element' && !isPhrasing(node) ? `\n${inner}\n` : inner
}

/** The elements of a tree that pass a test, in document order, not looking inside those that pass. */
export function elementsWhere(tree: Nodes, test: (element: Element) => boolean): Element[] {
  if (tree.type !== 'element' && tree.type !== 'root') return []
  if (tree.type === 'element' && test(tree)) return [tree]
  return tree.children.flatMap((child) => elementsWhere(child, test))
}

/** The manuscript's part of a web edition: its abstract (with keywords) and its main element. */
export function manuscriptParts(html: string): Element[] {
  const tree: Root = fromHtml(html)
  return elementsWhere(
    tree,
    (element) =>
      element.tagName === 'main' || (element.tagName === 'section' && classesOf(element).includes('abstract'))
  )
}

/** The words a reader should get back from the print edition, read from the web edition's HTML. */
export function expectedWords(html: string): string[] {
  return manuscriptParts(html).flatMap((part) => words(textOf(part)))
}

export interface IntactShare {
  /** Per cent of the expected words found in the extracted text. */
  share: number
  words: number
  missing: string[]
}

/**
 * The words of a reader's text, a word printed across a page break read as one. A reader gives a page's
 * text at a time (pages end with a form feed), so a word that goes on to the next page (an address
 * three thousand letters long, a word of ten thousand) can only come back as the pieces each page
 * prints: it is counted whole when its pieces, in order, each on the page after the last, spell one of
 * the words printed, and stands where its first piece does. Only words longer than 40 characters, the
 * longest word print keeps whole (rehype-long-words; shorter pieces would join by chance: «Pt» and «α»
 * on the next page spelled «Ptα»). Nothing else is joined: pieces on one page (a word broken at a
 * line's end) stay pieces.
 */
const longWord = 40

export function wordsRead(text: string, expected: readonly string[]): string[] {
  const pages = text
    .replace(marks, '')
    .split('\f')
    .map((page) => page.split(/\s+/u).filter(Boolean))
  const read = new Set(words(text))
  // What a joined word's pieces read as, by page and place: the word at its first piece, nothing at the others.
  const joined = new Map<string, string>()
  for (const word of new Set(expected)) {
    if (read.has(word) || [...word].length <= longWord) continue
    const found = pages
      .flatMap((tokens, page) => tokens.map((_token, index) => piecesFrom(word, {page, index}, pages)))
      .find(Boolean)
    for (const [at, {page, index}] of (found ?? []).entries()) joined.set(`${page}:${index}`, at === 0 ? word : '')
  }
  return pages.flatMap((tokens, page) =>
    tokens.flatMap((token, index) => {
      const whole = joined.get(`${page}:${index}`)
      return whole === undefined ? words(token) : whole ? [whole] : []
    })
  )
}

const leading = /^[^\p{L}\p{N}]+/u
const trailing = /[^\p{L}\p{N}]+$/u

/** The places of the tokens that spell `word`, from a start at `first` and on through the pages after it, or undefined. */
function piecesFrom(
  word: string,
  first: {page: number; index: number},
  pages: string[][]
): Array<{page: number; index: number}> | undefined {
  const start = pages[first.page]![first.index]!.replace(leading, '')
  if (start === '' || start.length >= word.length || !word.startsWith(start)) return undefined
  const places = [first]
  let rest = word.slice(start.length)
  for (let page = first.page + 1; rest !== '' && page < pages.length; page++) {
    const index = pages[page]!.findIndex(
      (token) => token.replace(trailing, '') === rest || (token.length < rest.length && rest.startsWith(token))
    )
    if (index < 0) return undefined
    places.push({page, index})
    const token = pages[page]![index]!
    rest = token.replace(trailing, '') === rest ? '' : rest.slice(token.length)
  }
  return rest === '' ? places : undefined
}

/** The share of expected words that occur in the extracted text, each occurrence used once. */
export function intactShare(expected: readonly string[], extractedText: string): IntactShare {
  const available = new Map<string, number>()
  for (const word of wordsRead(extractedText, expected)) available.set(word, (available.get(word) ?? 0) + 1)
  const missing = expected.filter((word) => {
    const left = available.get(word) ?? 0
    if (left > 0) available.set(word, left - 1)
    return left === 0
  })
  return {
    share: (100 * (expected.length - missing.length)) / Math.max(1, expected.length),
    words: expected.length,
    missing
  }
}

/** Whether `phrase` occurs as a contiguous, in-order run of words within `text` (lines may wrap anywhere). */
export function inWrittenOrder(phrase: readonly string[], text: readonly string[]): boolean {
  if (phrase.length === 0) return true
  for (let start = text.indexOf(phrase[0]!); start !== -1; start = text.indexOf(phrase[0]!, start + 1)) {
    if (phrase.every((word, index) => text[start + index] === word)) return true
  }
  return false
}

/** poppler, as `pdftotext` gives the text (Evince, Okular, most Linux tools and many indexers). */
export function popplerText(file: string): string {
  return execFileSync('pdftotext', ['-q', file, '-'], {encoding: 'utf8', maxBuffer: 64 * 2 ** 20})
}

/** PDFium, Chrome's PDF engine (Chrome, Edge, Android), as in shared/tools/pdf-text.mjs. */
export async function pdfiumText(file: string): Promise<string> {
  const library = await PDFiumLibrary.init()
  try {
    const document = await library.loadDocument(new Uint8Array(readFileSync(file)))
    try {
      return [...document.pages()].map((page) => page.getText()).join('\f')
    } finally {
      document.destroy()
    }
  } finally {
    library.destroy()
  }
}

/** pdf.js (Firefox and many web viewers): the legacy build, which runs in Node without a worker file. */
export async function pdfjsText(file: string): Promise<string> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    disableFontFace: true,
    verbosity: 0
  }).promise
  const pages: string[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
  }
  await document.destroy()
  return pages.join('\f')
}

/** MuPDF (SumatraPDF and many mobile readers). */
export async function mupdfText(file: string): Promise<string> {
  const document = mupdf.Document.openDocument(new Uint8Array(readFileSync(file)), 'application/pdf')
  const pages: string[] = []
  for (let index = 0; index < document.countPages(); index++)
    pages.push(document.loadPage(index).toStructuredText('preserve-whitespace').asText())
  return pages.join('\f')
}

/** Every reader the measure is taken with, by the name the reports use. */
export const readers = {poppler: popplerText, PDFium: pdfiumText, 'pdf.js': pdfjsText, MuPDF: mupdfText} as const
