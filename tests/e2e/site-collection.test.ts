import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {AxePuppeteer} from '@axe-core/puppeteer'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Browser, Page} from 'puppeteer'
import {visit} from 'unist-util-visit'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {resolveSiteOptions} from '../../src/config/options.js'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {projectFolder} from '../../src/run/build.js'
import {buildSite, type SiteResult} from '../../src/site/site.js'
import {serveFolder} from '../helpers/static-server.js'

/**
 * The site of a real collection (tests/fixtures/collections/three: the seed, the water paper and the
 * translated essay, built into a PDF with offprints and its listing) and one paper outside it, read in
 * real Chromium from the files and served over HTTP. Only the collection's folder is given for its papers:
 * `press site` gives each a page of its own.
 */
const collection = path.join(projectFolder, 'tests', 'fixtures', 'collections', 'three')
const outside = path.join(projectFolder, 'tests', 'fixtures', 'corpus', 'english-brief')
const work = mkdtempSync(path.join(os.tmpdir(), 'press-site-collection-'))
const buildFolder = path.join(work, 'dist')
const siteFolder = path.join(work, 'site')
const collectionPage = 'collections/three/index.html'

interface ListedPaper {
  slug: string
  title: string
  firstPage: number
  lastPage: number
  offprint?: string
}

interface Listing {
  title: string
  volume: number
  number: number
  papers: ListedPaper[]
}

/** What the collection's page shows of a paper of its contents, read in the browser. */
interface Shown {
  title: string
  pages: string
  href: string
  offprint: string
}

let browser: Browser
let page: Page
let result: SiteResult
let listing: Listing
let shown: Shown[]
let axeViolations: string[]
let narrowWidth: {scrollWidth: number; innerWidth: number}
/** The tops of the lines «ص 9–12» of a paper's placement takes at 360 px. */
let placementLines: number[]

beforeAll(async () => {
  result = await buildSite(
    resolveSiteOptions({
      paths: [collection, outside],
      build: buildFolder,
      out: siteFolder,
      cwd: work,
      sourceDateEpoch: 1735689600
    })
  )
  listing = JSON.parse(readFileSync(path.join(buildFolder, 'three.json'), 'utf8')) as Listing
  browser = await launchBrowser()
  page = await browser.newPage()
  await page.setViewport({width: 360, height: 800})
  await page.goto(pathToFileURL(path.join(siteFolder, collectionPage)).href, {waitUntil: 'load'})
  narrowWidth = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth
  }))
  shown = await page.evaluate(() =>
    [...document.querySelectorAll('.contents-list > li')].map((item) => ({
      title: item.querySelector('.contents-title')?.textContent ?? '',
      pages: item.querySelector('.contents-pages .pages')?.textContent ?? '',
      href: item.querySelector<HTMLAnchorElement>('.contents-title a')?.href ?? '',
      offprint: item.querySelector<HTMLAnchorElement>('a[href$=".pdf"]')?.href ?? ''
    }))
  )
  axeViolations = (await new AxePuppeteer(page).analyze()).violations.map(
    (violation) => `${violation.id} (${violation.nodes.length})`
  )
  await page.goto(pathToFileURL(path.join(siteFolder, 'papers/water-security-policy/index.html')).href)
  placementLines = await page.evaluate(() => {
    const pages = document.querySelector('.paper-placement .pages')!
    const label = pages.previousSibling!
    const range = document.createRange()
    range.setStart(label, (label.textContent ?? '').length - 2)
    range.setEndAfter(pages)
    return [...new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))]
  })
}, 900_000)

afterAll(async () => {
  await browser?.close()
})

function tree(file: string) {
  return fromHtml(readFileSync(path.join(siteFolder, file), 'utf8'))
}

function metaContents(file: string, name: string): string[] {
  const found: string[] = []
  visit(tree(file), 'element', (element: Element) => {
    if (element.tagName === 'meta' && element.properties.name === name) found.push(String(element.properties.content))
  })
  return found
}

/** The file a link of the collection's page leads to, relative to the site's folder. */
const fileOf = (href: string) => path.relative(siteFolder, new URL(href).pathname).split(path.sep).join('/')

describe('press site over a collection and a paper', () => {
  it('builds the collection and the paper, and reads the collection’s listing', () => {
    expect([result.ok, result.papers, result.collections, result.problems]).toEqual([true, 4, 1, []])
  })

  it('lists the collection’s papers in its order with the pages of its listing', () => {
    expect(shown.map((item) => [item.title, item.pages])).toEqual(
      listing.papers.map((paper) => [paper.title, `${paper.firstPage}–${paper.lastPage}`])
    )
    expect(listing.papers.map((paper) => paper.slug)).toEqual([
      'russia-dprk-partnership',
      'water-security-policy',
      'translated-essay-deterrence'
    ])
  })

  it('links each paper of the contents to its paper page', () => {
    expect(shown.map((item) => fileOf(item.href))).toEqual(
      listing.papers.map((paper) => `papers/${paper.slug}/index.html`)
    )
  })

  it('links each paper of the contents to its offprint, a copy of the built one', () => {
    expect(shown.map((item) => readFileSync(new URL(item.offprint)))).toEqual(
      listing.papers.map((paper) => readFileSync(path.join(buildFolder, paper.offprint!)))
    )
  })

  it('gives a paper of the collection the journal, volume, issue and pages of the listing', () => {
    const paper = listing.papers[1]!
    const file = `papers/${paper.slug}/index.html`
    expect(
      ['citation_journal_title', 'citation_volume', 'citation_issue', 'citation_firstpage', 'citation_lastpage'].map(
        (name) => metaContents(file, name)
      )
    ).toEqual([
      [listing.title],
      [String(listing.volume)],
      [String(listing.number)],
      [String(paper.firstPage)],
      [String(paper.lastPage)]
    ])
  })

  it('keeps a paper’s pages label and range on one line at 360 px', () => {
    expect(placementLines).toHaveLength(1)
  })

  it('shows the collection’s card on the index, linked to its page', () => {
    const links: string[] = []
    visit(tree('index.html'), 'element', (element: Element) => {
      if (element.tagName === 'h2' && String(element.properties.id) === 'collection-three')
        visit(element, 'element', (link: Element) => {
          if (link.tagName === 'a') links.push(String(link.properties.href))
        })
    })
    expect(links).toEqual([collectionPage])
  })

  it('has no axe-core violation on the collection’s page', () => {
    expect(axeViolations).toEqual([])
  })

  it('is no wider than a 360 px screen on the collection’s page', () => {
    expect(narrowWidth.scrollWidth).toBeLessThanOrEqual(narrowWidth.innerWidth)
  })
})

describe('the search of the collection’s site over HTTP', () => {
  it('finds the water paper from «الايرادات», written «الإيرادات» in it', async () => {
    const server = await serveFolder(siteFolder)
    try {
      await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('الايرادات')}`, {waitUntil: 'load'})
      await page.waitForFunction(() => {
        const state = document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.searchState
        return state === 'done' || state === 'unavailable'
      })
      const hrefs = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] li h3 a')].map((link) => link.href)
      )
      expect(hrefs[0]).toBe(`${server.origin}/papers/water-security-policy/index.html`)
    } finally {
      await server.close()
    }
  })
})
