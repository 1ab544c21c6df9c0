import path from 'node:path'
import type {Browser, Page} from 'puppeteer'
import type {VFile} from 'vfile'
import {loadBrand, type Brand} from '../brand/brand.js'
import type {Manuscript} from '../manuscript/read.js'
import {createDocument} from '../pipeline/document.js'
import {warn} from '../pipeline/messages.js'
import {launchBrowser} from '../outputs/pdf/browser.js'
import {geometryOf} from '../outputs/pdf/geometry.js'
import {loadShell, printPage, printPdf, printShell} from '../outputs/pdf/print.js'
import {recordAssets, type RecordedAssets} from './fingerprint.js'
import type {Format} from './formats.js'
import {writeAtomically, writeFolderAtomically} from './write.js'

export interface RenderOptions {
  out: string
  /** The date written into outputs; default: the manuscript's date. */
  sourceDateEpoch?: number | undefined
  bleed: number
  /** Where work worth keeping between builds goes (font subsets). */
  cacheFolder?: string | undefined
}

export interface RendererSettings {
  /** Browser tabs at most. */
  tabs: number
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
let writers: Promise<{
  postprocess: typeof import('../outputs/pdf/postprocess.js')
  epub: typeof import('../outputs/epub/epub.js')
  cover: typeof import('../outputs/epub/cover.js')
  html: typeof import('../outputs/html/edition.js')
}> | undefined

function loadWriters(): NonNullable<typeof writers> {
  return (writers ??= (async () => {
    // One at a time, letting the event loop turn in between: the browser, starting meanwhile, waits on
    // this thread for every step of its start-up and for each file its first tab reads.
    const turn = () => new Promise((resolve) => setImmediate(resolve))
    const cover = await import('../outputs/epub/cover.js')
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
 * Documents a tab prints before it is closed and a fresh one opened: a long-lived page keeps a little of
 * every document (about half a mebibyte each), which would add up over a whole catalogue.
 */
const tabLifetime = 40

/**
 * Everything heavy a build needs, made once per run and only when something is to be built: the brand,
 * the browser (started on first use) and its tabs, reused from one document to the next. Each tab holds
 * the brand's shell (stylesheets and font faces loaded); the first tabs are readied while the pipeline
 * loads and the first manuscripts are read.
 */
export class Renderer {
  private browser: Promise<Browser> | undefined
  /** Tabs open and idle. */
  private readonly tabs: Page[] = []
  /** Tabs being opened and readied, for the first documents to take. */
  private readonly readying: Array<Promise<Page>> = []
  /** Tabs open or being opened in the current browser. */
  private open = 0
  /** Documents waiting for a tab. */
  private readonly waiting: Array<() => void> = []
  /** Documents each tab has printed. */
  private readonly uses = new WeakMap<Page, number>()

  private constructor(readonly brand: Brand, browser: Promise<Browser> | undefined, private readonly settings: RendererSettings) {
    this.browser = browser
  }

  /**
   * With `browser`, a launch already under way (started while this module was loading): its tabs (at most
   * `settings.tabs`) are opened and readied as soon as it is up.
   */
  static async create(templateFolder: string, fontsFolder: string, browser: Promise<Browser> | undefined, settings: RendererSettings): Promise<Renderer> {
    const renderer = new Renderer(await loadBrand(templateFolder, fontsFolder), browser, {...settings, tabs: Math.max(1, settings.tabs)})
    if (browser) renderer.ready(browser)
    return renderer
  }

  private ready(starting: Promise<Browser>): void {
    const shell = printShell(this.brand)
    const folders = [this.brand.folder, this.brand.fontsFolder]
    for (; this.open < this.settings.tabs; this.open++) {
      const first = this.open === 0
      const tab = starting.then(async (browser) => {
        // The browser opens with one blank tab: the first to use.
        const page = (first ? (await browser.pages())[0] : undefined) ?? (await browser.newPage())
        await loadShell(page, shell, {folders, timeout: this.settings.timeout})
        return page
      })
      // A failure is met, and handled, by the document that takes this tab.
      tab.catch(() => undefined)
      this.readying.push(tab)
    }
  }

  /**
   * Lends a tab for one document's work, with a time limit that starts once the tab is lent; starts the
   * browser if this is the first document, and waits while every tab is busy.
   */
  async withTab<T>(work: (page: Page) => Promise<T>, timeout: number): Promise<T> {
    const starting = (this.browser ??= launchBrowser())
    const browser = await starting
    // A tab that could not be opened is no longer counted, so that another can be.
    const lost = (error: unknown): never => {
      if (this.browser === starting) this.open--
      throw error
    }
    let page = this.tabs.pop()
    if (!page && this.readying.length > 0) page = await this.readying.shift()!.catch(lost)
    if (!page && this.open < this.settings.tabs) {
      this.open++
      page = await browser.newPage().catch(lost)
    }
    if (!page) {
      await new Promise<void>((resolve) => this.waiting.push(resolve))
      return this.withTab(work, timeout)
    }
    try {
      const result = await withTimeout(work(page), timeout)
      const uses = (this.uses.get(page) ?? 0) + 1
      this.uses.set(page, uses)
      if (this.browser !== starting) {
        // A tab of a browser since restarted: gone with it.
      } else if (uses < tabLifetime) {
        this.tabs.push(page)
      } else {
        // Retired: its renderer process, and all it kept, goes; the next document opens a fresh tab.
        this.open--
        page.close().catch(() => undefined)
      }
      return result
    } catch (error) {
      if (this.browser === starting) this.open--
      // Not awaited: a tab that hung may never answer; a broken browser is killed by the retry.
      page.close().catch(() => undefined)
      throw error
    } finally {
      this.waiting.shift()?.()
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
        return await this.withTab(work, timeout)
      } catch (error) {
        if (attempt >= 2 || !isBrowserFailure(error)) throw error
        // Another document may have restarted it already.
        if (this.browser === broken) await this.restart()
      }
    }
  }

  private async restart(): Promise<void> {
    const browser = await this.forget()
    browser?.process()?.kill('SIGKILL')
    await browser?.close().catch(() => undefined)
  }

  /** Lets go of the browser and its tabs; returns it, to be closed. */
  private async forget(): Promise<Browser | undefined> {
    const browser = await this.browser?.catch(() => undefined)
    this.browser = undefined
    this.tabs.length = 0
    this.readying.length = 0
    this.open = 0
    // Those waiting for a tab of the old browser start a new one.
    for (const wake of this.waiting.splice(0)) wake()
    return browser
  }

  get browserStarted(): boolean {
    return this.browser !== undefined
  }

  async close(): Promise<void> {
    await (await this.forget())?.close()
  }

  /** Builds the formats asked of one manuscript; the messages go on `file`. */
  async render(manuscript: Manuscript, file: VFile, formats: readonly Format[], options: RenderOptions): Promise<Rendered | undefined> {
    const {brand} = this
    const document = await createDocument(manuscript, file, brand.data.labels)
    if (!document) return undefined
    // Hashed before the writers read them: an image saved meanwhile leaves the outputs out of date.
    const assets = await recordAssets(document.folder, document.assets)
    const date = options.sourceDateEpoch !== undefined && Number.isFinite(options.sourceDateEpoch)
      ? new Date(options.sourceDateEpoch * 1000)
      : new Date(`${document.meta.date}T00:00:00Z`)
    const written: Written[] = []
    const {timeout} = this.settings
    let pages: number | undefined
    let cover: Promise<Uint8Array> | undefined

    if (formats.includes('pdf')) {
      const target = path.join(options.out, `${document.slug}.pdf`)
      const geometry = geometryOf(document, brand, options.bleed)
      const printing = this.inBrowser((page) => printPdf(page, printPage(document, brand, geometry), geometry, {
        folders: [document.folder, brand.folder, brand.fontsFolder],
        timeout
      }), timeout)
      // Awaited below, once the writers are loaded; until then a failure is not unhandled.
      printing.catch(() => undefined)
      const {postprocess, cover: covers} = await loadWriters()
      if (formats.includes('epub')) covers.prepareCovers()
      const printed = await printing
      for (const url of printed.refused) warn(file, `Rendering tried to load \`${url}\`, outside the manuscript, template and font folders: refused`, undefined, 'isolation')
      // Drawn from the PDF in Node while the PDF is post-processed; the browser goes on to the next document.
      if (formats.includes('epub')) {
        cover = covers.coverFromPdf(printed.pdf, geometry)
        // Awaited below; until then a failure is not unhandled.
        cover.catch(() => undefined)
      }
      pages = printed.layout.pages
      const bytes = await postprocess.postprocessPdf(printed.pdf, document, {date, creator: 'Hammurabi Press', geometry, layout: printed.layout})
      await writeAtomically(target, bytes)
      written.push({format: 'pdf', path: target, bytes: bytes.length})
    }
    if (formats.includes('epub')) {
      const target = path.join(options.out, `${document.slug}.epub`)
      const {epub, cover: covers} = await loadWriters()
      // The tab is free again once the cover page is printed; it is drawn after.
      cover ??= this.inBrowser((page) => covers.printCoverPage(page, document, brand, timeout), timeout)
        .then((pdf) => covers.coverFromPdf(pdf, geometryOf(document, brand)))
      const bytes = await epub.writeEpub(document, brand, {date, cover: await cover, fontCache: options.cacheFolder && path.join(options.cacheFolder, 'fonts')})
      await writeAtomically(target, bytes)
      written.push({format: 'epub', path: target, bytes: bytes.length})
    }
    if (formats.includes('html')) {
      const target = path.join(options.out, document.slug)
      const files = await (await loadWriters()).html.htmlEdition(document, brand)
      await writeFolderAtomically(target, files)
      const size = [...files.values()].reduce((total, content) => total + (typeof content === 'string' ? Buffer.byteLength(content) : content.length), 0)
      written.push({format: 'html', path: path.join(target, 'index.html'), bytes: size})
    }
    return {written, assets, pages}
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
