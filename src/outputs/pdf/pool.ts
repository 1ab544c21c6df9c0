import type {Browser, Page} from 'puppeteer'
import {launchBrowser} from './browser.js'

export interface PoolOptions {
  /** Tabs open at once (default 1); documents beyond wait for one. */
  tabs?: number | undefined
  /** Starts a browser; default: `launchBrowser`. */
  launch?: (() => Promise<Browser>) | undefined
}

/**
 * Documents a tab prints before it is closed and a fresh one opened: a long-lived page keeps a little of
 * every document (about half a mebibyte each), which would add up over a whole catalogue.
 */
const tabLifetime = 40

/**
 * One browser and its tabs, lent to one document at a time each and kept from one document to the next
 * (`press build`'s batch, `press watch`'s saves). The browser is started on first use, or ahead of it with
 * `start`; one that crashed, hung or closed is replaced, and the document tried once more.
 */
export class BrowserPool {
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
  private readonly maxTabs: number
  private readonly launch: () => Promise<Browser>
  private launched = 0
  /** What readies a tab, once `warm` was given it: tabs opened to replace retired ones are readied too. */
  private prepare: ((page: Page) => Promise<void>) | undefined
  private pidOfCurrent: number | undefined

  constructor(options: PoolOptions = {}) {
    this.maxTabs = Math.max(1, options.tabs ?? 1)
    this.launch = options.launch ?? launchBrowser
  }

  /** Browsers started so far: one, unless one had to be replaced. */
  get launches(): number {
    return this.launched
  }

  /** The running browser's process id, once it is up. */
  get pid(): number | undefined {
    return this.pidOfCurrent
  }

  get browserStarted(): boolean {
    return this.browser !== undefined
  }

  /** Starts the browser unless it runs or is starting; its failure is met by the first document. */
  start(): Promise<Browser> {
    if (this.browser) return this.browser
    const starting = this.launch()
    this.browser = starting
    this.launched++
    starting.then(
      (browser) => {
        if (this.browser !== starting) return
        this.pidOfCurrent = browser.process()?.pid
        // A browser that went away while idle is replaced by the next document, not found broken by it.
        browser.once('disconnected', () => {
          if (this.browser === starting) void this.restart()
        })
      },
      () => {
        // The documents waiting for it are told why; the next one tries again.
        if (this.browser === starting) void this.forget()
      }
    )
    return starting
  }

  /**
   * Opens the tabs the pool may hold and readies each with `prepare` (loading what every document needs)
   * while there is nothing to print yet; the first documents take them.
   */
  warm(prepare: (page: Page) => Promise<void>): void {
    this.prepare = prepare
    const starting = this.start()
    for (; this.open < this.maxTabs; this.open++) {
      const first = this.open === 0
      const tab = starting.then(async (browser) => {
        // The browser opens with one blank tab: the first to use.
        const page = (first ? (await browser.pages())[0] : undefined) ?? (await browser.newPage())
        await prepare(page)
        return page
      })
      // A failure is met, and handled, by the document that takes this tab.
      tab.catch(() => undefined)
      this.readying.push(tab)
    }
  }

  /**
   * Runs a document's browser work with a time limit; if the browser crashed or the work hung, starts a
   * new browser and tries the document once more. The other documents go on.
   */
  async inBrowser<T>(work: (page: Page) => Promise<T>, timeout: number): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const broken = this.start()
      try {
        return await this.withTab(work, timeout)
      } catch (error) {
        if (attempt >= 2 || !isBrowserFailure(error)) throw error
        // Another document may have restarted it already.
        if (this.browser === broken) await this.restart()
      }
    }
  }

  /**
   * Lends a tab for one document's work, with a time limit that starts once the tab is lent; starts the
   * browser if this is the first document, and waits while every tab is busy.
   */
  async withTab<T>(work: (page: Page) => Promise<T>, timeout: number): Promise<T> {
    const starting = this.start()
    const page = await this.take(starting)
    if (!page) {
      await new Promise<void>((resolve) => this.waiting.push(resolve))
      return this.withTab(work, timeout)
    }
    try {
      const result = await withTimeout(work(page), timeout)
      this.giveBack(page, starting)
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

  /** An idle tab, a readied one, or a new one if the pool may open more; none when all are busy. */
  private async take(starting: Promise<Browser>): Promise<Page | undefined> {
    const browser = await starting
    // A tab that could not be opened is no longer counted, so that another can be.
    const lost = (error: unknown): never => {
      if (this.browser === starting) this.open--
      throw error
    }
    const idle = this.tabs.pop()
    if (idle) return idle
    if (this.readying.length > 0) return this.readying.shift()!.catch(lost)
    if (this.open >= this.maxTabs) return undefined
    this.open++
    return browser.newPage().catch(lost)
  }

  private giveBack(page: Page, starting: Promise<Browser>): void {
    const uses = (this.uses.get(page) ?? 0) + 1
    this.uses.set(page, uses)
    if (this.browser !== starting) {
      // A tab of a browser since restarted: gone with it.
    } else if (uses < tabLifetime) {
      this.tabs.push(page)
    } else {
      // Retired: its renderer process, and all it kept, goes; a fresh tab is readied for the next document.
      this.open--
      page.close().catch(() => undefined)
      if (this.prepare) this.warm(this.prepare)
    }
  }

  private async restart(): Promise<void> {
    const browser = await this.forget()
    browser?.process()?.kill('SIGKILL')
    await browser?.close().catch(() => undefined)
  }

  /** Lets go of the browser and its tabs; returns it, to be closed. */
  private async forget(): Promise<Browser | undefined> {
    const starting = this.browser
    this.browser = undefined
    this.pidOfCurrent = undefined
    this.tabs.length = 0
    this.readying.length = 0
    this.open = 0
    // Those waiting for a tab of the old browser start a new one.
    for (const wake of this.waiting.splice(0)) wake()
    return starting?.catch(() => undefined)
  }

  async close(): Promise<void> {
    await (await this.forget())?.close()
  }
}

class DocumentTimeout extends Error {
  override name = 'DocumentTimeout'
}

function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DocumentTimeout(
            `the browser took more than ${Math.round(milliseconds / 1000)} s on this document (twice; see --timeout)`
          )
        ),
      milliseconds
    )
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

/** A crash, a closed target, a lost connection or a hang: worth a new browser and a second try. */
export function isBrowserFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return (
    ['DocumentTimeout', 'TargetCloseError', 'ProtocolError', 'TimeoutError', 'ConnectionClosedError'].includes(
      error.name
    ) || /target closed|session closed|disconnected|detached|crash|connection closed/i.test(error.message)
  )
}
