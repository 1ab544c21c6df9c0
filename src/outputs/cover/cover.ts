import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {Page} from 'puppeteer'
import type {Brand} from '../../brand/brand.js'
import type {Document} from '../../model/types.js'
import {geometryOf, type Geometry} from '../pdf/geometry.js'
import {loadPublication, printPage, type LoadOptions, type PrintPage} from '../pdf/print.js'
import type {CoverReply, CoverRequest} from './cover-worker.js'

/**
 * The thread covers are drawn on. Compiled code only: run from the TypeScript sources (the tests), the
 * covers are drawn on this thread instead.
 */
const workerFile = fileURLToPath(new URL('cover-worker.js', import.meta.url))

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, {resolve: (jpeg: Uint8Array) => void; reject: (error: Error) => void}>()

function coverThread(): Worker | undefined {
  if (worker || !existsSync(workerFile)) return worker
  const thread = new Worker(workerFile)
  thread.on('message', (reply: CoverReply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) thread.unref()
    if ('error' in reply) waiting?.reject(new Error(`Could not draw the cover: ${reply.error}`))
    else waiting?.resolve(reply.jpeg)
  })
  thread.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
    worker = undefined
  })
  // An idle thread does not keep the process alive.
  thread.unref()
  return (worker = thread)
}

/** Starts the cover thread ahead of the first cover: PDFium compiles while the browser prints. */
export function prepareCovers(): void {
  coverThread()
}

/**
 * The e-book's cover image: the first page of the print edition, drawn from the PDF itself, so the two
 * editions carry one design down to the glyph. PDFium draws it in a thread of its own, in a third of the
 * time Chromium takes to rasterize the same page for a screenshot; the bleed, if any, is trimmed off.
 */
export async function coverFromPdf(pdf: Uint8Array, geometry: Geometry): Promise<Uint8Array> {
  const box = {trimWidth: geometry.trimWidth, trimHeight: geometry.trimHeight, bleed: geometry.bleed}
  const thread = coverThread()
  if (!thread) return (await import('./cover-raster.js')).rasterizeCover(pdf, box)
  const id = nextId++
  return new Promise<Uint8Array>((resolve, reject) => {
    pending.set(id, {resolve, reject})
    thread.ref()
    // Copied, not transferred: the caller still writes the PDF.
    thread.postMessage({id, pdf, box} satisfies CoverRequest)
  })
}

/**
 * The cover page alone, as a PDF to draw the cover from, when no PDF is built: the publication is loaded
 * as for print and its first page printed, without laying out the rest.
 */
export async function printCoverPage(
  page: Page,
  document: Document,
  brand: Brand,
  timeout: number
): Promise<Uint8Array> {
  const geometry = geometryOf(document, brand)
  return printFirstPage(page, printPage(document, brand, geometry), geometry, {
    folders: [document.folder, brand.folder, brand.fontsFolder],
    timeout
  })
}

/** A publication's first page (its cover) printed alone: a paper's, or a collection's. */
export async function printFirstPage(
  page: Page,
  publication: PrintPage,
  geometry: Geometry,
  options: LoadOptions
): Promise<Uint8Array> {
  await loadPublication(page, publication, geometry, options)
  return page.pdf({preferCSSPageSize: true, printBackground: true, pageRanges: '1', timeout: options.timeout})
}
