import {mkdirSync, mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {toString} from 'hast-util-to-string'
import {PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument} from 'pdf-lib'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Collection} from '../../src/model/types.js'
import {BrowserPool} from '../../src/outputs/pdf/pool.js'
import {Renderer} from '../../src/run/render.js'
import type {RenderedCollection} from '../../src/run/render-collection.js'
import {collectionOf, journalIssue, projectRoot, threePapers} from '../helpers/collection.js'
import {flatten, loadPdf, outline} from '../helpers/pdf.js'
import {pdfPageCount, pdfText, plainArabic} from '../helpers/tools.js'

/**
 * The journal issue of the seed and two corpus papers, printed once with the real Chromium: its PDF and
 * its offprints, read back page by page.
 */
let collection: Collection
let rendered: RenderedCollection
let out: string
let pool: BrowserPool
let pdf: PDFDocument

const pageText = (file: string, page: number) => plainArabic(pdfText(file, {first: page, last: page}))
const collectionPdf = () => path.join(out, `${collection.slug}.pdf`)
const offprintPdf = (index: number) => path.join(out, rendered.papers[index]!.offprint!)

beforeAll(async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'collection-pdf-'))
  // The collection's folder (its yaml is not read: the helper is given its meta).
  const folder = path.join(work, 'journal-3-12')
  mkdirSync(folder)
  collection = await collectionOf(journalIssue, threePapers, folder)
  out = path.join(work, 'out')
  if (process.env.KEEP_COLLECTION) console.log(out)
  pool = new BrowserPool({tabs: 1})
  const renderer = await Renderer.create(
    path.join(projectRoot, 'templates/hammurabi'),
    path.join(projectRoot, 'fonts'),
    pool,
    {timeout: 120_000}
  )
  rendered = await renderer.renderCollection(collection, ['pdf'], {out, bleed: 0})
  pdf = await loadPdf(collectionPdf())
}, 300_000)

afterAll(async () => {
  await pool?.close()
})

/** The first lines of a page: its running heads. */
const headsOf = (file: string, page: number) =>
  pdfText(file, {first: page, last: page})
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, 2)
    .map(plainArabic)
    .join(' | ')

const runningTitle = (meta: {shortTitle?: string | undefined; title: string}) =>
  meta.shortTitle ?? meta.title.split(':')[0]!.trim()

describe('the collection PDF', () => {
  it('writes the collection and one offprint a paper', () => {
    expect(rendered.written.map((entry) => path.relative(out, entry.path))).toEqual([
      'journal-3-12.pdf',
      ...collection.papers.map((paper) => `journal-3-12/offprints/${paper.slug}.pdf`)
    ])
    expect(rendered.pages).toBe(pdf.getPageCount())
    expect(rendered.papers.map((paper) => paper.slug)).toEqual(collection.papers.map((paper) => paper.slug))
  })

  it('starts each paper on an odd page, after a blank page when the page before it is odd', () => {
    let end = 4
    for (const paper of rendered.papers) {
      expect(paper.first % 2).toBe(1)
      expect(paper.last).toBeGreaterThanOrEqual(paper.first)
      if (paper.first - end === 2) expect(pdfText(collectionPdf(), {first: end + 1, last: end + 1}).trim()).toBe('')
      else expect(paper.first).toBe(end + 1)
      end = paper.last
    }
  })

  it('ends with the back page on an even page, after a blank page when the last paper ends on an even one', () => {
    const last = rendered.papers.at(-1)!.last
    const pages = pdf.getPageCount()
    expect(pages % 2).toBe(0)
    expect(pages).toBe(last % 2 === 0 ? last + 2 : last + 1)
    if (last % 2 === 0) expect(pdfText(collectionPdf(), {first: last + 1, last: last + 1}).trim()).toBe('')
    expect(pageText(collectionPdf(), pages)).toContain('مركز حمورابي')
  })

  it('prints on the contents page the page each paper starts on', () => {
    const contents = pdfText(collectionPdf(), {first: 4, last: 4, layout: true}).split('\n').map(plainArabic)
    for (const [index, document] of collection.papers.entries()) {
      const title = plainArabic(document.meta.title).split(' ').slice(0, 3).join(' ')
      const line = contents.find((text) => text.includes(title))
      expect(line, title).toBeDefined()
      expect(line!.match(/\d+/g)).toContain(String(rendered.papers[index]!.first))
    }
  })

  it("prints the collection citation with the paper's pages on each paper's first page", () => {
    for (const paper of rendered.papers) {
      const text = pdfText(collectionPdf(), {first: paper.first, last: paper.first})
      expect(text).toContain('مجلة حمورابي')
      expect(text).toContain(`${paper.first}–${paper.last}`)
    }
  })

  it("numbers each paper's notes from 1, at the foot of the page of its first call", () => {
    const annotated = [...collection.papers.entries()].filter(([, document]) => document.notes.length > 0)
    expect(annotated.length).toBeGreaterThanOrEqual(2)
    for (const [index, document] of annotated) {
      const {first, last} = rendered.papers[index]!
      const words = plainArabic(toString({type: 'root', children: document.notes[0]!.content}))
        .trim()
        .split(' ')
        .slice(0, 3)
        .join(' ')
      const page = range(first, last).find((number) => pageText(collectionPdf(), number).includes(words))
      expect(page, document.slug).toBeDefined()
      const line = pdfText(collectionPdf(), {first: page, last: page, layout: true})
        .split('\n')
        .map(plainArabic)
        .find((text) => text.includes(words))
      expect(line!.trim().split(' ')).toContain('1')
    }
  })

  it("heads every page of a paper but its first with its short title and the collection's title", () => {
    const titles = collection.papers.map((document) => plainArabic(runningTitle(document.meta)))
    for (const [index, paper] of rendered.papers.entries()) {
      for (const page of range(paper.first + 1, paper.last)) {
        const heads = headsOf(collectionPdf(), page)
        expect(heads, `page ${page}`).toContain(titles[index])
        expect(heads, `page ${page}`).toContain(plainArabic(journalIssue.title))
        for (const other of titles.filter((_, at) => at !== index)) expect(heads).not.toContain(other)
      }
    }
  })

  it("opens each paper's first page with its citation line, under no running head", () => {
    for (const paper of rendered.papers) {
      const [first] = headsOf(collectionPdf(), paper.first).split(' | ')
      // The citation starts with the series; a running head is a title.
      expect(first?.startsWith(plainArabic(journalIssue.series!)), `page ${paper.first}: ${first}`).toBe(true)
    }
  })

  it("nests the bookmarks: the collection's own parts, then each paper's title above its sections", () => {
    const items = outline(pdf)
    const papers = items.slice(-collection.papers.length)
    expect(items.length).toBeGreaterThan(collection.papers.length)
    for (const [index, document] of collection.papers.entries()) {
      const item = papers[index]!
      expect(item.title).toContain(document.meta.title.split(' ')[0])
      expect(item.page).toBe(rendered.papers[index]!.first)
      const sections = flatten(item.children)
      const texts = sections.map((section) => section.title)
      const order = document.headings.map((heading) => texts.findIndex((text) => text.includes(heading.text)))
      expect(order.every((at) => at >= 0)).toBe(true)
      expect(order).toEqual([...order].sort((a, b) => a - b))
      for (const section of sections) {
        expect(section.page).toBeGreaterThanOrEqual(rendered.papers[index]!.first)
        expect(section.page).toBeLessThanOrEqual(rendered.papers[index]!.last)
      }
    }
    for (const item of items.slice(0, -collection.papers.length)) expect(item.page).toBeLessThan(5)
  })

  it('labels the pages with their folios, from 1', () => {
    expect(pageLabels(pdf)).toEqual({start: 1, style: 'D'})
    const last = rendered.papers.at(-1)!.last
    expect(pdfText(collectionPdf(), {first: last, last}).trim().split('\n').at(-1)).toBe(String(last))
  })

  it("writes the collection's title, editors and language", () => {
    expect(pdf.getTitle()).toBe(`${journalIssue.title}: ${journalIssue.subtitle}`)
    expect(pdf.getAuthor()).toBe('علي حسين، سارة كاظم')
    expect(pdf.catalog.lookup(PDFName.of('Lang'))?.toString()).toContain('ar')
  })
})

describe('the offprints', () => {
  it("hold the paper's pages of the collection, with the same text and folios", () => {
    for (const [index, paper] of rendered.papers.entries()) {
      const file = offprintPdf(index)
      expect(pdfPageCount(file)).toBe(paper.last - paper.first + 1)
      for (const page of range(paper.first, paper.last)) {
        expect(pdfText(file, {first: page - paper.first + 1, last: page - paper.first + 1})).toBe(
          pdfText(collectionPdf(), {first: page, last: page})
        )
      }
    }
  })

  it("label their pages from the paper's first folio", async () => {
    for (const [index, paper] of rendered.papers.entries()) {
      const offprint = await loadPdf(offprintPdf(index))
      expect(pageLabels(offprint)).toEqual({start: paper.first, style: 'D'})
      const folio = pdfText(offprintPdf(index), {first: 2, last: 2}).trim().split('\n').at(-1)
      expect(folio).toBe(String(paper.first + 1))
    }
  })

  it("carry the paper's title and authors and the collection's citation with its pages", async () => {
    for (const [index, paper] of rendered.papers.entries()) {
      const offprint = await loadPdf(offprintPdf(index))
      const document = collection.papers[index]!
      expect(offprint.getTitle()).toContain(document.meta.title)
      expect(offprint.getSubject()).toContain('مستل من')
      expect(offprint.getSubject()).toContain('مجلة حمورابي')
      expect(offprint.getSubject()).toContain(`${paper.first}–${paper.last}`)
    }
  })

  it("bookmark the paper's sections on its own pages", async () => {
    for (const [index, paper] of rendered.papers.entries()) {
      const items = flatten(outline(await loadPdf(offprintPdf(index))))
      const document = collection.papers[index]!
      expect(items[0]!.title).toContain(document.meta.title.split(' ')[0])
      expect(items[0]!.page).toBe(1)
      expect(items.length).toBeGreaterThan(document.headings.length)
      for (const item of items) expect(item.page).toBeLessThanOrEqual(paper.last - paper.first + 1)
    }
  })
})

function range(first: number, last: number): number[] {
  return Array.from({length: last - first + 1}, (_, index) => first + index)
}

/** The first range of the PDF's page labels: its first number and style. */
function pageLabels(document: PDFDocument): {start: number; style: string} | undefined {
  const labels = document.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict)
  const nums = labels?.lookup(PDFName.of('Nums'), PDFArray)
  const first = nums?.lookup(1, PDFDict)
  if (!first) return undefined
  return {
    start: (first.lookup(PDFName.of('St'), PDFNumber) as PDFNumber).asNumber(),
    style: String(first.lookup(PDFName.of('S'))).slice(1)
  }
}
