import path from 'node:path'
import type {Browser, Page} from 'puppeteer'
import type {VFile} from 'vfile'
import {loadBrand, type Brand} from '../brand/brand.js'
import type {Manuscript} from '../manuscript/read.js'
import {createDocument} from '../pipeline/document.js'
import {warn} from '../pipeline/messages.js'
import {renderCover} from '../outputs/epub/cover.js'
import {writeEpub} from '../outputs/epub/epub.js'
import {htmlEdition} from '../outputs/html/edition.js'
import {launchBrowser} from '../outputs/pdf/browser.js'
import {geometryOf} from '../outputs/pdf/geometry.js'
import {postprocessPdf} from '../outputs/pdf/postprocess.js'
import {marginFontsOf, printHtml, printPdf} from '../outputs/pdf/print.js'
import type {Format} from './formats.js'
import {writeAtomically, writeFolderAtomically} from './write.js'

export interface RenderOptions {
  out: string
  /** The date written into outputs; default: the manuscript's date. */
  sourceDateEpoch?: number | undefined
  bleed: number
  /** Where work worth keeping between builds goes (font subsets). */
  cacheFolder?: string | undefined
  /** Milliseconds a document may take in the browser before it counts as hung. */
  timeout?: number | undefined
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

  private constructor(readonly brand: Brand, browser: Promise<Browser> | undefined) {
    this.browser = browser
  }

  /** With `browser`, a launch already under way (started while this module was loading). */
  static async create(templateFolder: string, fontsFolder: string, browser?: Promise<Browser>): Promise<Renderer> {
    return new Renderer(await loadBrand(templateFolder, fontsFolder), browser)
  }

  /** Lends a tab for one document, starting the browser if this is the first. */
  async withTab<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const starting = (this.browser ??= launchBrowser())
    const browser = await starting
    const page = this.tabs.pop() ?? (await browser.newPage())
    try {
      const result = await work(page)
      if (this.browser === starting) this.tabs.push(page)
      return result
    } catch (error) {
      await page.close().catch(() => undefined)
      throw error
    }
  }

  /**
   * Runs a document's browser work with a time limit; if the browser crashed or the work hung, starts a
   * new browser and tries the document once more. The other documents of the batch go on.
   */
  async inBrowser<T>(work: (page: Page) => Promise<T>, timeout: number): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const broken = this.browser
      try {
        return await withTimeout(this.withTab(work), timeout)
      } catch (error) {
        if (attempt >= 2 || !isBrowserFailure(error)) throw error
        // Another document may have restarted it already.
        if (this.browser === broken) await this.restart()
      }
    }
  }

  private async restart(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined)
    this.browser = undefined
    this.tabs.length = 0
    browser?.process()?.kill('SIGKILL')
    await browser?.close().catch(() => undefined)
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
    const timeout = options.timeout ?? 60_000
    let pages: number | undefined
    let cover: Uint8Array | undefined

    if (formats.includes('pdf')) {
      const target = path.join(options.out, `${document.slug}.pdf`)
      const geometry = geometryOf(document, brand, options.bleed)
      const printed = await this.inBrowser((page) => printPdf(page, printHtml(document, brand, geometry), geometry, {
        cover: formats.includes('epub') && options.bleed === 0,
        marginFonts: marginFontsOf(brand),
        folders: [document.folder, brand.folder, brand.fontsFolder],
        timeout
      }), timeout)
      for (const url of printed.refused) warn(file, `Rendering tried to load \`${url}\`, outside the manuscript, template and font folders: refused`, undefined, 'isolation')
      cover = printed.cover
      pages = printed.layout.pages
      const bytes = await postprocessPdf(printed.pdf, document, {date, creator: 'Hammurabi Press', geometry, layout: printed.layout})
      await writeAtomically(target, bytes)
      written.push({format: 'pdf', path: target, bytes: bytes.length})
    }
    if (formats.includes('epub')) {
      const target = path.join(options.out, `${document.slug}.epub`)
      cover ??= await this.inBrowser((page) => renderCover(page, document, brand), timeout)
      const bytes = await writeEpub(document, brand, {date, cover, fontCache: options.cacheFolder && path.join(options.cacheFolder, 'fonts')})
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

class DocumentTimeout extends Error {
  override name = 'DocumentTimeout'
}

function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DocumentTimeout(`the browser took more than ${Math.round(milliseconds / 1000)} s on this document (twice; see --timeout)`)), milliseconds)
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

/** A crash, a closed target, a lost connection or a hang: worth a new browser and a second try. */
export function isBrowserFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return ['DocumentTimeout', 'TargetCloseError', 'ProtocolError', 'TimeoutError', 'ConnectionClosedError'].includes(error.name) ||
    /target closed|session closed|disconnected|detached|crash|connection closed/i.test(error.message)
}
