import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {AxePuppeteer} from '@axe-core/puppeteer'
import type {Browser, Page} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadBrand} from '../../src/brand/brand.js'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {projectFolder} from '../../src/run/build.js'
import {collectionEntry} from '../../src/site/catalogue.js'
import {listingSchema} from '../../src/site/listing.js'
import {siteFiles} from '../../src/site/site.js'
import {serveFolder} from '../helpers/static-server.js'

/**
 * The index's filters in real Chromium, the site served over HTTP (an address put in the history of a
 * file:// page is limited). The site is made of four collections' listings alone: two of 2025, one of
 * 2024, one of 2023, in two series and with three editors; what a card carries is the same for a paper.
 */
const listings = [
  {slug: 'issue-a', title: 'العدد الأول', series: 'مجلة', date: '2025-06-01', editors: [{name: 'علي حسين'}]},
  {slug: 'issue-b', title: 'كتاب السنة', series: 'كتاب', date: '2025-02-01', editors: [{name: 'سارة كاظم'}]},
  {
    slug: 'issue-c',
    title: 'العدد الثاني',
    series: 'مجلة',
    date: '2024-09-01',
    editors: [{name: 'علي حسين'}, {name: 'سارة كاظم'}]
  },
  {slug: 'issue-d', title: 'أوراق قديمة', date: '2023-01-01', editors: [{name: 'John Smith'}]}
].map((listing) => listingSchema.parse({kind: 'collection', papers: [], ...listing}))

const work = mkdtempSync(path.join(os.tmpdir(), 'press-site-filters-'))
const siteFolder = path.join(work, 'site')
const every = ['collection-issue-a', 'collection-issue-b', 'collection-issue-c', 'collection-issue-d']
const of2025 = ['collection-issue-a', 'collection-issue-b']

let browser: Browser
let server: {origin: string; close: () => Promise<void>}

beforeAll(async () => {
  const brand = await loadBrand(path.join(projectFolder, 'templates', 'hammurabi'), path.join(projectFolder, 'fonts'))
  const entries = await Promise.all(listings.map((listing) => collectionEntry(listing, work)))
  const {files} = await siteFiles(entries, brand, undefined)
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(siteFolder, file)), {recursive: true})
    writeFileSync(path.join(siteFolder, file), content)
  }
  server = await serveFolder(siteFolder)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The ids of the cards a reader sees. */
function shownCards(page: Page): Promise<string[]> {
  return page.$$eval('.card', (cards) =>
    cards.filter((card) => card.checkVisibility()).map((card) => card.querySelector('h2')?.id ?? '')
  )
}

/** Opens the index, clicks the filter of 2025 and waits until its link is marked as the current page. */
async function filterTo2025(page: Page): Promise<void> {
  await page.goto(`${server.origin}/index.html`, {waitUntil: 'load'})
  await page.evaluate(() => Object.assign(window, {pressMarker: 'before the click'}))
  await page.click('.filters a[data-filter="year/2025"]')
  await page.waitForFunction(
    () => document.querySelector('.filters a[data-filter="year/2025"]')?.getAttribute('aria-current') === 'page'
  )
}

describe('the filters of the index, with JavaScript', () => {
  it('shows exactly the cards of the year clicked, the count and heading of its page, without loading a page', async () => {
    const page = await browser.newPage()
    await filterTo2025(page)
    expect(await shownCards(page)).toEqual(of2025)
    const state = await page.evaluate(() => ({
      marker: (window as unknown as {pressMarker?: string}).pressMarker,
      count: document.querySelector('.listing-count')?.textContent,
      live: document.querySelector('.listing-count')?.getAttribute('aria-live'),
      heading: document.querySelector('h1')?.textContent,
      title: document.title
    }))
    const staticPage = await browser.newPage()
    await staticPage.goto(`${server.origin}/year/2025/index.html`, {waitUntil: 'load'})
    const expected = await staticPage.evaluate(() => ({
      count: document.querySelector('.listing-count')?.textContent,
      heading: document.querySelector('h1')?.textContent,
      title: document.title
    }))
    expect(state).toEqual({marker: 'before the click', live: 'polite', ...expected})
    await Promise.all([page.close(), staticPage.close()])
  })

  it('puts the year page’s address in the history, its links still leading where they did', async () => {
    const page = await browser.newPage()
    await filterTo2025(page)
    expect(page.url()).toBe(`${server.origin}/year/2025/index.html`)
    const links = await page.evaluate(() => ({
      card: document.querySelector<HTMLAnchorElement>('.card-title a')?.href,
      filter: document.querySelector<HTMLAnchorElement>('.filters a[data-filter="year/2024"]')?.href,
      home: document.querySelector<HTMLAnchorElement>('.site-brand')?.href
    }))
    expect(links).toEqual({
      card: `${server.origin}/collections/issue-a/index.html`,
      filter: `${server.origin}/year/2024/index.html`,
      home: `${server.origin}/index.html`
    })
    await page.close()
  })

  it('shows every card again on Back, no filter marked, and the year’s cards again on Forward', async () => {
    const page = await browser.newPage()
    await filterTo2025(page)
    await page.goBack()
    await page.waitForFunction(() => !document.querySelector('.filters a[aria-current]'))
    const back = {url: page.url(), cards: await shownCards(page)}
    await page.goForward()
    await page.waitForFunction(() => document.querySelector('.filters a[aria-current]'))
    expect([back, await shownCards(page)]).toEqual([{url: `${server.origin}/index.html`, cards: every}, of2025])
    await page.close()
  })

  it('shows the same cards when the year’s address is reloaded', async () => {
    const page = await browser.newPage()
    await filterTo2025(page)
    await page.reload({waitUntil: 'load'})
    expect(await shownCards(page)).toEqual(of2025)
    await page.close()
  })

  it('loads another filter’s page from a filter’s page, which holds its own cards only', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.origin}/year/2023/index.html`, {waitUntil: 'load'})
    const held = await page.$$eval('.card', (cards) => cards.length)
    await page.evaluate(() => Object.assign(window, {pressMarker: 'before the click'}))
    await Promise.all([
      page.waitForNavigation({waitUntil: 'load'}),
      page.click('.filters a[data-filter="series/مجلة"]')
    ])
    const marker = await page.evaluate(() => (window as unknown as {pressMarker?: string}).pressMarker)
    expect({held, marker, url: decodeURI(page.url()), cards: await shownCards(page)}).toEqual({
      held: 1,
      marker: undefined,
      url: `${server.origin}/series/مجلة/index.html`,
      cards: ['collection-issue-a', 'collection-issue-c']
    })
    await page.close()
  })

  it('allows on the index the site’s own scripts and no fetch', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.origin}/index.html`, {waitUntil: 'load'})
    const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) =>
      meta.getAttribute('content')
    )
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toContain('connect-src')
    await page.close()
  })

  it('has no axe-core violation once filtered', async () => {
    const page = await browser.newPage()
    await filterTo2025(page)
    const axe = await new AxePuppeteer(page).analyze()
    expect(axe.violations.map((violation) => `${violation.id} (${violation.nodes.length})`)).toEqual([])
    await page.close()
  })
})

describe('the filters of the index, without JavaScript', () => {
  it('loads the year’s page, which shows the same cards', async () => {
    const page = await browser.newPage()
    await page.setJavaScriptEnabled(false)
    await page.goto(`${server.origin}/index.html`, {waitUntil: 'load'})
    await Promise.all([page.waitForNavigation({waitUntil: 'load'}), page.click('.filters a[data-filter="year/2025"]')])
    expect({url: page.url(), cards: await shownCards(page)}).toEqual({
      url: `${server.origin}/year/2025/index.html`,
      cards: of2025
    })
    await page.close()
  })
})
