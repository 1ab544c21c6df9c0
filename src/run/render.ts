import path from 'node:path'
import type {VFile} from 'vfile'
import {loadBrand, type Brand} from '../brand/brand.js'
import type {Manuscript} from '../manuscript/read.js'
import {createDocument} from '../pipeline/create-document.js'
import {warn} from '../core/messages.js'
import {geometryOf} from '../outputs/pdf/geometry.js'
import type {BrowserPool} from '../outputs/pdf/pool.js'
import {loadShell, printPage, printPdf, printShell} from '../outputs/pdf/print.js'
import {recordAssets, type RecordedAssets} from './fingerprint.js'
import type {Format} from '../config/formats.js'
import {writeAtomically, writeFolderAtomically} from './write.js'
import type {Collection} from '../model/types.js'
import {renderCollection, type RenderedCollection} from './render-collection.js'

export interface RenderOptions {
  out: string
  /** The date written into outputs; default: the manuscript's date. */
  sourceDateEpoch?: number | undefined
  bleed: number
  /** Where work worth keeping between builds goes (font subsets). */
  cacheFolder?: string | undefined
}

export interface RendererSettings {
  /** Milliseconds a document may take in the browser before it counts as hung. */
  timeout: number
}

export interface Written {
  format: Format
  path: string
  bytes: number
}

export interface Rendered {
  written: Written[]
  /** The manuscript's files the pipeline read besides its text, for the cache. */
  assets: RecordedAssets
  pages?: number | undefined
}

/**
 * The writers that run after the browser has printed (pdf-lib, the e-book, PDFium for the cover): loaded
 * while it prints the first document rather than before.
 */
let writers:
  | Promise<{
      postprocess: typeof import('../outputs/pdf/postprocess.js')
      epub: typeof import('../outputs/epub/epub.js')
      cover: typeof import('../outputs/cover/cover.js')
      html: typeof import('../outputs/html/edition.js')
    }>
  | undefined

function loadWriters(): NonNullable<typeof writers> {
  return (writers ??= (async () => {
    // One at a time, letting the event loop turn in between: the browser, starting meanwhile, waits on
    // this thread for every step of its start-up and for each file its first tab reads.
    const turn = () => new Promise((resolve) => setImmediate(resolve))
    const cover = await import('../outputs/cover/cover.js')
    await turn()
    const postprocess = await import('../outputs/pdf/postprocess.js')
    await turn()
    const epub = await import('../outputs/epub/epub.js')
    await turn()
    const html = await import('../outputs/html/edition.js')
    return {postprocess, epub, cover, html}
  })())
}

/**
 * Everything heavy a build needs: the brand, and the browser's tabs (see `BrowserPool`), reused from one
 * document to the next. Each tab holds the brand's shell (stylesheets and font faces loaded); the first
 * tabs are readied while the pipeline loads and the first manuscripts are read.
 */
export class Renderer {
  private constructor(
    readonly brand: Brand,
    private readonly pool: BrowserPool,
    private readonly settings: RendererSettings
  ) {}

  /**
   * A pool whose browser is starting (launched while this module was loading) has its tabs opened and
   * readied with the brand's shell as soon as it is up.
   */
  static async create(
    templateFolder: string,
    fontsFolder: string,
    pool: BrowserPool,
    settings: RendererSettings
  ): Promise<Renderer> {
    const renderer = new Renderer(await loadBrand(templateFolder, fontsFolder), pool, settings)
    if (pool.browserStarted) renderer.readyTabs()
    return renderer
  }

  /**
   * Starts the browser, readies its tabs and loads the writers, ahead of any document: for a server that
   * waits for saves (`press watch`). A build loads the writers while its first document prints instead.
   */
  warm(): void {
    this.readyTabs()
    loadWriters().catch(() => undefined)
  }

  private readyTabs(): void {
    const shell = printShell(this.brand)
    const folders = [this.brand.folder, this.brand.fontsFolder]
    this.pool.warm((page) => loadShell(page, shell, {folders, timeout: this.settings.timeout}))
  }

  /** Builds a collection's PDF (and its offprints) and EPUB; see `render-collection.ts`. */
  renderCollection(
    collection: Collection,
    formats: readonly Format[],
    options: RenderOptions
  ): Promise<RenderedCollection> {
    const {timeout} = this.settings
    return renderCollection(
      {brand: this.brand, timeout, inBrowser: (work) => this.pool.inBrowser(work, timeout)},
      collection,
      formats,
      options
    )
  }

  /** Builds the formats asked of one manuscript; the messages go on `file`. */
  async render(
    manuscript: Manuscript,
    file: VFile,
    formats: readonly Format[],
    options: RenderOptions
  ): Promise<Rendered | undefined> {
    const {brand} = this
    const document = await createDocument(manuscript, file, brand.data.labels)
    if (!document) return undefined
    // Hashed before the writers read them: an image saved meanwhile leaves the outputs out of date.
    const assets = await recordAssets(document.folder, document.assets)
    const date = outputDate(options, document.meta.date)
    const written: Written[] = []
    const {timeout} = this.settings
    let pages: number | undefined
    let cover: Promise<Uint8Array> | undefined

    if (formats.includes('pdf')) {
      const target = path.join(options.out, `${document.slug}.pdf`)
      const geometry = geometryOf(document, brand, options.bleed)
      const printing = this.pool.inBrowser(
        (page) =>
          printPdf(page, printPage(document, brand, geometry), geometry, {
            folders: [document.folder, brand.folder, brand.fontsFolder],
            timeout
          }),
        timeout
      )
      // Awaited below, once the writers are loaded; until then a failure is not unhandled.
      printing.catch(() => undefined)
      const {postprocess, cover: covers} = await loadWriters()
      if (formats.includes('epub')) covers.prepareCovers()
      const printed = await printing
      for (const url of printed.refused)
        warn(
          file,
          `Rendering tried to load \`${url}\`, outside the manuscript, template and font folders: refused`,
          undefined,
          'isolation'
        )
      // Drawn from the PDF in Node while the PDF is post-processed; the browser goes on to the next document.
      if (formats.includes('epub')) {
        cover = covers.coverFromPdf(printed.pdf, geometry)
        // Awaited below; until then a failure is not unhandled.
        cover.catch(() => undefined)
      }
      pages = printed.layout.pages
      const bytes = await postprocess.postprocessPdf(printed.pdf, document, {
        date,
        creator: 'Hammurabi Press',
        geometry,
        layout: printed.layout
      })
      await writeAtomically(target, bytes)
      written.push({format: 'pdf', path: target, bytes: bytes.length})
    }
    if (formats.includes('epub')) {
      const target = path.join(options.out, `${document.slug}.epub`)
      const {epub, cover: covers} = await loadWriters()
      // The tab is free again once the cover page is printed; it is drawn after.
      cover ??= this.pool
        .inBrowser((page) => covers.printCoverPage(page, document, brand, timeout), timeout)
        .then((pdf) => covers.coverFromPdf(pdf, geometryOf(document, brand)))
      const bytes = await epub.writeEpub(document, brand, {
        date,
        cover: await cover,
        fontCache: options.cacheFolder && path.join(options.cacheFolder, 'fonts')
      })
      await writeAtomically(target, bytes)
      written.push({format: 'epub', path: target, bytes: bytes.length})
    }
    if (formats.includes('html')) {
      const target = path.join(options.out, document.slug)
      const files = await (await loadWriters()).html.htmlEdition(document, brand)
      await writeFolderAtomically(target, files)
      const size = [...files.values()].reduce(
        (total, content) => total + (typeof content === 'string' ? Buffer.byteLength(content) : content.length),
        0
      )
      written.push({format: 'html', path: path.join(target, 'index.html'), bytes: size})
    }
    return {written, assets, pages}
  }
}

/** The date written into outputs: `SOURCE_DATE_EPOCH` when given, else the publication's own date. */
export function outputDate(options: Pick<RenderOptions, 'sourceDateEpoch'>, isoDate: string): Date {
  return options.sourceDateEpoch !== undefined && Number.isFinite(options.sourceDateEpoch)
    ? new Date(options.sourceDateEpoch * 1000)
    : new Date(`${isoDate}T00:00:00Z`)
}
