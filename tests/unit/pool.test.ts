import {EventEmitter} from 'node:events'
import type {Browser, Page} from 'puppeteer'
import {describe, expect, it} from 'vitest'
import {BrowserPool, isBrowserFailure} from '../../src/outputs/pdf/pool.js'

/** A stand-in for a Chromium: numbered tabs, a process id, a 'disconnected' event; nothing runs. */
class FakeBrowser extends EventEmitter {
  readonly opened: FakePage[] = []
  closed = false
  constructor(readonly pid: number) {
    super()
  }

  async pages() {
    return []
  }

  async newPage() {
    const page = new FakePage(this, this.opened.length + 1)
    this.opened.push(page)
    return page
  }

  process() {
    return {pid: this.pid, kill: () => true}
  }

  async close() {
    this.closed = true
  }
}

class FakePage {
  closed = false
  constructor(
    readonly browser: FakeBrowser,
    readonly number: number
  ) {}
  async close() {
    this.closed = true
  }
}

function poolOfFakes(tabs = 1) {
  const browsers: FakeBrowser[] = []
  const pool = new BrowserPool({
    tabs,
    launch: async () => {
      const browser = new FakeBrowser(1000 + browsers.length)
      browsers.push(browser)
      return browser as unknown as Browser
    }
  })
  return {pool, browsers}
}

const fake = (page: Page) => page as unknown as FakePage
const crash = () => Object.assign(new Error('Target closed'), {name: 'TargetCloseError'})

describe('BrowserPool', () => {
  it('lends the same tab of the same browser to one document after another', async () => {
    const {pool, browsers} = poolOfFakes()
    const first = await pool.inBrowser(async (page) => fake(page), 1000)
    const second = await pool.inBrowser(async (page) => fake(page), 1000)
    expect(second).toBe(first)
    expect(browsers).toHaveLength(1)
    expect(pool.launches).toBe(1)
    expect(pool.pid).toBe(1000)
  })

  it('readies the tabs it warms before lending them', async () => {
    const {pool} = poolOfFakes(2)
    const readied: number[] = []
    pool.warm(async (page) => {
      readied.push(fake(page).number)
    })
    const numbers = await Promise.all([1, 2].map(() => pool.inBrowser(async (page) => fake(page).number, 1000)))
    expect(numbers.sort()).toEqual([1, 2])
    expect(readied.sort()).toEqual([1, 2])
  })

  it('readies a fresh tab in place of one retired after many documents', async () => {
    const {pool} = poolOfFakes()
    const readied: number[] = []
    pool.warm(async (page) => {
      readied.push(fake(page).number)
    })
    const used = new Set<number>()
    for (let document = 0; document < 41; document++)
      used.add(await pool.inBrowser(async (page) => fake(page).number, 1000))
    expect([...used]).toEqual([1, 2])
    expect(readied).toEqual([1, 2])
  })

  it('starts a new browser and tries the document once more when the browser crashes', async () => {
    const {pool, browsers} = poolOfFakes()
    let attempts = 0
    const result = await pool.inBrowser(async (page) => {
      attempts++
      if (attempts === 1) throw crash()
      return fake(page).browser.pid
    }, 1000)
    expect(result).toBe(1001)
    expect(browsers[0]!.closed).toBe(true)
    expect(pool.launches).toBe(2)
  })

  it("gives up after the second failure and passes on an error that is not the browser's", async () => {
    const {pool} = poolOfFakes()
    await expect(
      pool.inBrowser(async () => {
        throw crash()
      }, 1000)
    ).rejects.toThrow('Target closed')
    await expect(
      pool.inBrowser(async () => {
        throw new Error('the document is wrong')
      }, 1000)
    ).rejects.toThrow('the document is wrong')
    // The error of the document's own: no new browser for it.
    expect(pool.launches).toBe(2)
  })

  it('replaces a browser that went away while idle', async () => {
    const {pool, browsers} = poolOfFakes()
    await pool.inBrowser(async () => undefined, 1000)
    browsers[0]!.emit('disconnected')
    const pid = await pool.inBrowser(async (page) => fake(page).browser.pid, 1000)
    expect(pid).toBe(1001)
  })

  it('tries to start the browser again after a launch that failed', async () => {
    let calls = 0
    const pool = new BrowserPool({
      launch: async () => {
        calls++
        if (calls === 1) throw new Error('no Chromium')
        return new FakeBrowser(7) as unknown as Browser
      }
    })
    await expect(pool.inBrowser(async () => undefined, 1000)).rejects.toThrow('no Chromium')
    expect(await pool.inBrowser(async (page) => fake(page).browser.pid, 1000)).toBe(7)
  })

  it('closes its browser', async () => {
    const {pool, browsers} = poolOfFakes()
    await pool.inBrowser(async () => undefined, 1000)
    await pool.close()
    expect(browsers[0]!.closed).toBe(true)
    expect(pool.pid).toBeUndefined()
  })
})

describe('isBrowserFailure', () => {
  it('tells a crash or a hang from an error of the document', () => {
    expect(isBrowserFailure(crash())).toBe(true)
    expect(isBrowserFailure(new Error('Protocol error: Session closed'))).toBe(true)
    expect(isBrowserFailure(new Error('the document is wrong'))).toBe(false)
    expect(isBrowserFailure('Target closed')).toBe(false)
  })
})
