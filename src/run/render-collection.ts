import path from 'node:path'
import type {Page} from 'puppeteer'
import type {Brand} from '../brand/brand.js'
import type {Format} from '../config/formats.js'
import {warn} from '../core/messages.js'
import type {Collection} from '../model/types.js'
import {collectionGeometry, collectionPrintPage, printCollection} from '../outputs/pdf/collection.js'
import type {Geometry} from '../outputs/pdf/geometry.js'
import type {LayoutResult} from '../outputs/pdf/paginate.js'
import {outputDate, type RenderOptions, type Written} from './render.js'
import {writeAtomically} from './write.js'

export interface RenderedCollection {
  /** pdf, epub, and each offprint (format 'pdf'). */
  written: Written[]
  pages?: number | undefined
  /** Each paper's pages in the collection (1-based, as printed in the folio). */
  papers: Array<{slug: string; first: number; last: number; offprint?: string | undefined}>
}

/** What a collection borrows from the renderer: the brand and a tab of its browser. */
export interface CollectionRenderer {
  brand: Brand
  inBrowser: <T>(work: (page: Page) => Promise<T>) => Promise<T>
  timeout: number
}

/**
 * Builds a collection's formats: the PDF, each paper's offprint cut from it, the e-book (its cover drawn
 * from the PDF's first page). The messages go on the collection's file.
 */
export async function renderCollection(
  renderer: CollectionRenderer,
  collection: Collection,
  formats: readonly Format[],
  options: RenderOptions
): Promise<RenderedCollection> {
  const date = outputDate(options, collection.meta.date)
  const written: Written[] = []
  const papers: RenderedCollection['papers'] = collection.papers.map((paper) => ({slug: paper.slug, first: 0, last: 0}))
  const printing = formats.includes('pdf')
    ? printAndWrite(renderer, collection, {...options, date}, papers, written)
    : undefined
  // Awaited below; until then a failure is not unhandled.
  printing?.catch(() => undefined)
  // The e-book is made while the browser prints: only its cover waits for the PDF.
  const book = formats.includes('epub')
    ? writeBook(
        renderer,
        collection,
        printing
          ? printing.then((printed) => drawCover(printed.raw, printed.geometry))
          : coverAlone(renderer, collection),
        {...options, date}
      )
    : undefined
  book?.catch(() => undefined)
  const pages = (await printing)?.pages
  if (book) written.push(await book)
  return {written, pages, papers}
}

/** Writes the collection's e-book. */
async function writeBook(
  renderer: CollectionRenderer,
  collection: Collection,
  cover: Promise<Uint8Array>,
  options: RenderOptions & {date: Date}
): Promise<Written> {
  const {writeCollectionEpub} = await import('../outputs/epub/collection.js')
  const target = path.join(options.out, `${collection.slug}.epub`)
  const bytes = await writeCollectionEpub(collection, renderer.brand, {
    date: options.date,
    cover,
    fontCache: options.cacheFolder && path.join(options.cacheFolder, 'fonts')
  })
  await writeAtomically(target, bytes)
  return {format: 'epub', path: target, bytes: bytes.length}
}

/**
 * Prints the collection and its offprints, post-processes and writes them; fills in each paper's pages.
 * Each PDF is post-processed as soon as it is printed, while the browser prints the next.
 */
async function printAndWrite(
  renderer: CollectionRenderer,
  collection: Collection,
  options: RenderOptions & {date: Date},
  papers: RenderedCollection['papers'],
  written: Written[]
): Promise<{raw: Uint8Array; geometry: Geometry; pages: number}> {
  const {brand, timeout} = renderer
  const geometry = collectionGeometry(collection, brand, options.bleed)
  const folders = foldersOf(collection, brand)
  const writers = loadFinishers()
  writers.catch(() => undefined)
  const finishing: Array<Promise<Written>> = []
  const finish = (pdf: Uint8Array, layout: LayoutResult, paper: number | undefined) => {
    const done = writers.then((loaded) =>
      finishAndWrite(loaded, collection, brand, {...options, geometry}, pdf, layout, paper)
    )
    // Awaited below; until then a failure is not unhandled.
    done.catch(() => undefined)
    finishing.push(done)
  }
  const printed = await renderer.inBrowser((page) =>
    printCollection(page, collectionPrintPage(collection, brand, geometry), geometry, {
      folders,
      timeout,
      printed: finish
    })
  )
  for (const url of printed.refused)
    warn(
      collection.file,
      `Rendering tried to load \`${url}\`, outside the manuscripts, template and font folders: refused`,
      undefined,
      'isolation'
    )
  const results = await Promise.all(finishing)
  written.push(...results)
  for (const [index, range] of (printed.layout.papers ?? []).entries()) {
    const offprint = path
      .relative(options.out, written[index + 1]!.path)
      .split(path.sep)
      .join('/')
    papers[index] = {...papers[index]!, ...range, offprint}
  }
  return {raw: printed.pdf, geometry, pages: printed.layout.pages}
}

function loadFinishers() {
  return Promise.all([import('../outputs/pdf/postprocess.js'), import('../outputs/pdf/collection-metadata.js')])
}

/** Post-processes and writes the collection's PDF (`paper` undefined) or a paper's offprint. */
async function finishAndWrite(
  [{finishPdf}, {describeCollection, describeOffprint}]: Awaited<ReturnType<typeof loadFinishers>>,
  collection: Collection,
  brand: Brand,
  options: RenderOptions & {date: Date; geometry: Geometry},
  pdf: Uint8Array,
  layout: LayoutResult,
  paper: number | undefined
): Promise<Written> {
  const settings = {date: options.date, creator: 'Hammurabi Press', geometry: options.geometry}
  if (paper === undefined) {
    const target = path.join(options.out, `${collection.slug}.pdf`)
    const bytes = await finishPdf(pdf, describeCollection(collection, brand, layout), {...settings, layout})
    await writeAtomically(target, bytes)
    return {format: 'pdf', path: target, bytes: bytes.length}
  }
  const {first, last} = layout.papers![paper]!
  const target = path.join(options.out, collection.slug, 'offprints', `${collection.papers[paper]!.slug}.pdf`)
  const description = describeOffprint(collection, paper, brand, layout)
  const bytes = await finishPdf(pdf, description, {...settings, layout: {...layout, pages: last - first + 1}})
  await writeAtomically(target, bytes)
  return {format: 'pdf', path: target, bytes: bytes.length}
}

async function drawCover(pdf: Uint8Array, geometry: Geometry): Promise<Uint8Array> {
  const covers = await import('../outputs/cover/cover.js')
  return covers.coverFromPdf(pdf, {...geometry})
}

/** The cover page alone, printed to draw the e-book's cover from when no PDF is built. */
async function coverAlone(renderer: CollectionRenderer, collection: Collection): Promise<Uint8Array> {
  const {brand, timeout} = renderer
  const geometry = collectionGeometry(collection, brand)
  const {printFirstPage} = await import('../outputs/cover/cover.js')
  const pdf = await renderer.inBrowser((page) =>
    printFirstPage(page, collectionPrintPage(collection, brand, geometry), geometry, {
      folders: foldersOf(collection, brand),
      timeout
    })
  )
  return drawCover(pdf, geometry)
}

/** The only folders a collection's page may read from: its papers', the template's, the fonts'. */
function foldersOf(collection: Collection, brand: Brand): string[] {
  return [...new Set(collection.papers.map((paper) => paper.folder)), brand.folder, brand.fontsFolder]
}
