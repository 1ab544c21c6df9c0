import {mkdirSync, mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {PDFDict, PDFName, PDFNumber, type PDFDocument} from 'pdf-lib'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Collection} from '../../src/model/types.js'
import {BrowserPool} from '../../src/outputs/pdf/pool.js'
import {Renderer} from '../../src/run/render.js'
import type {RenderedCollection} from '../../src/run/render-collection.js'
import {collectionOf, journalIssue, projectRoot, threePapers} from '../helpers/collection.js'
import {flatten, loadPdf, outline} from '../helpers/pdf.js'
import {pdfText, plainArabic} from '../helpers/tools.js'

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
  console.log('OUT', out)
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

describe('the collection PDF', () => {
  it('writes the collection and one offprint a paper', () => {
    expect(rendered.written.map((entry) => path.relative(out, entry.path))).toEqual([
      'journal-3-12.pdf',
      ...collection.papers.map((paper) => `journal-3-12/offprints/${paper.slug}.pdf`)
    ])
    expect(rendered.pages).toBe(pdf.getPageCount())
  })
})
