import path from 'node:path'
import type {Browser, Page} from 'puppeteer'
import type {VFile} from 'vfile'
import {loadBrand, type Brand} from '../brand/brand.js'
import type {Manuscript} from '../manuscript/read.js'
import {createDocument} from '../pipeline/document.js'
import {renderCover} from '../outputs/epub/cover.js'
import {writeEpub} from '../outputs/epub/epub.js'
import {htmlEdition} from '../outputs/html/edition.js'
import {launchBrowser} from '../outputs/pdf/browser.js'
import {geometryOf} from '../outputs/pdf/geometry.js'
import {postprocessPdf} from '../outputs/pdf/postprocess.js'
import {printHtml, printPdf} from '../outputs/pdf/print.js'
import type {Format} from './formats.js'
import {writeAtomically, writeFolderAtomically} from './write.js'

export interface RenderOptions {
  out: string
  /** The date written into outputs; default: the manuscript's date. */
  sourceDateEpoch?: number | undefined
  bleed: number
}

export interface Written {
  format: Format
  path: string
  bytes: number
}

export interface Rendered {
  written: Written[]
  pages?: number | undefined
}

/**
 * Everything heavy a build needs, made once per run and only when something is to be built: the brand,
 * the browser (started on first use) and its tabs, reused from one document to the next.
 */
export class Renderer {
  private browser: Promise<Browser> | undefined
  private readonly tabs: Page[] = []

  private constructor(readonly brand: Brand) {}

  static async create(templateFolder: string, fontsFolder: string): Promise<Renderer> {
    return new Renderer(await loadBrand(templateFolder, fontsFolder))
  }

  /** Lends a tab for one document, starting the browser if this is the first. */
  async withTab<T>(work: (page: Page) => Promise<T>): Promise<T> {
    this.browser ??= launchBrowser()
    const browser = await this.browser
    const page = this.tabs.pop() ?? (await browser.newPage())
    try {
      const result = await work(page)
      this.tabs.push(page)
      return result
    } catch (error) {
      await page.close().catch(() => undefined)
      throw error
    }
  }

  get browserStarted(): boolean {
    return this.browser !== undefined
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined)
    this.browser = undefined
    this.tabs.length = 0
    await browser?.close()
  }

  /** Builds the formats asked of one manuscript; the messages go on `file`. */
  async render(manuscript: Manuscript, file: VFile, formats: readonly Format[], options: RenderOptions): Promise<Rendered | undefined> {
    const {brand} = this
    const document = await createDocument(manuscript, file, brand.data.labels)
    if (!document) return undefined
    const date = options.sourceDateEpoch !== undefined && Number.isFinite(options.sourceDateEpoch)
      ? new Date(options.sourceDateEpoch * 1000)
      : new Date(`${document.meta.date}T00:00:00Z`)
    const written: Written[] = []
    let pages: number | undefined
    let cover: Uint8Array | undefined

    if (formats.includes('pdf')) {
      const target = path.join(options.out, `${document.slug}.pdf`)
      const geometry = geometryOf(document, brand, options.bleed)
      const printed = await this.withTab((page) => printPdf(page, printHtml(document, brand, geometry), geometry, {cover: formats.includes('epub') && options.bleed === 0}))
      cover = printed.cover
      pages = printed.layout.pages
      const bytes = await postprocessPdf(printed.pdf, document, {date, creator: 'Hammurabi Press', geometry, layout: printed.layout})
      await writeAtomically(target, bytes)
      written.push({format: 'pdf', path: target, bytes: bytes.length})
    }
    if (formats.includes('epub')) {
      const target = path.join(options.out, `${document.slug}.epub`)
      cover ??= await this.withTab((page) => renderCover(page, document, brand))
      const bytes = await writeEpub(document, brand, {date, cover, fontCache: path.join(options.out, '.cache', 'fonts')})
      await writeAtomically(target, bytes)
      written.push({format: 'epub', path: target, bytes: bytes.length})
    }
    if (formats.includes('html')) {
      const target = path.join(options.out, document.slug)
      const files = await htmlEdition(document, brand)
      await writeFolderAtomically(target, files)
      const size = [...files.values()].reduce((total, content) => total + (typeof content === 'string' ? Buffer.byteLength(content) : content.length), 0)
      written.push({format: 'html', path: path.join(target, 'index.html'), bytes: size})
    }
    return {written, pages}
  }
}
