import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {AxePuppeteer} from '@axe-core/puppeteer'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Browser, Page} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadBrand} from '../../src/brand/brand.js'
import {fontsFolder, projectFolder} from '../../src/config/project.js'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {
  type SearchLabels,
  type SearchRecord,
  searchForm,
  searchPanel,
  writeSearchIndex
} from '../../src/site/search/index.js'
import {serveFolder} from '../helpers/static-server.js'

/**
 * Three Arabic papers indexed, a page holding the search panel, and the site served over HTTP to a real
 * Chromium: each other spelling of a word written one way in one paper finds that paper first.
 */
const records: SearchRecord[] = [
  {
    url: 'papers/water-strategy/index.html',
    title: 'الإستراتيجية الوطنية للمياه',
    text: 'تعرض هذه الورقة الإستراتيجية الوطنية لإدارة الموارد المائية في حوض دجلة والفرات، وأهدافها حتى عام 2035.',
    lang: 'ar',
    authors: ['نور نبيه جميل'],
    date: '2025-03-01'
  },
  {
    url: 'papers/regional-cooperation/index.html',
    title: 'التعاون الإقليمي في الطاقة',
    text: 'يقيس البحث مستوى التعاون بين دول المنطقة في تبادل الكهرباء، ويقترح خطة للربط الشبكي تزيد قوة الشبكات.',
    lang: 'ar',
    authors: ['علي حسن', 'سارة كريم'],
    date: '2025-02-01'
  },
  {
    url: 'papers/foreign-policy/index.html',
    title: 'قراءة في السياسة الخارجية',
    text: 'دراسة تحليلية للسياسة الخارجية العراقية في سنة 2024، من خلال الخطاب الرسمي والاتفاقات الثنائية.',
    lang: 'ar',
    authors: ['مريم عادل'],
    date: '2025-01-01'
  }
]

interface Shown {
  state: string
  status: string
  titles: string[]
  hrefs: string[]
  marked: string[]
  noteShown: boolean
}

const work = mkdtempSync(path.join(os.tmpdir(), 'press-search-'))
const site = path.join(work, 'site')
let labels: SearchLabels
let browser: Browser
let page: Page
let server: Awaited<ReturnType<typeof serveFolder>>

beforeAll(async () => {
  const brand = await loadBrand(path.join(projectFolder, 'templates', 'hammurabi'), fontsFolder)
  labels = brand.data.site!.search
  writeSearchPage(labels)
  ;[browser, server] = await Promise.all([launchBrowser(), serveFolder(site), writeSearchIndex(site, records)])
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/**
 * A page of its own around the panel, where the site's search page will be (`<site>/search/index.html`),
 * with the header's compact form beside it, as the site's pages have.
 */
function writeSearchPage(labels: SearchLabels): void {
  const document = h('html', {lang: 'ar', dir: 'rtl'}, [
    h('head', [h('meta', {charset: 'utf-8'}), h('title', labels.search)]),
    h('body', [
      h('header', [searchForm(labels, './')]),
      h('main', [h('h1', labels.search), searchPanel(labels)]),
      h('script', {src: '../assets/search.js'})
    ])
  ])
  mkdirSync(path.join(site, 'search'), {recursive: true})
  writeFileSync(path.join(site, 'search', 'index.html'), `<!doctype html>\n${toHtml(document)}\n`)
}

/** Opens the search page at `address` and reads the panel once the script says it is done (or cannot search). */
async function open(address: string): Promise<Shown> {
  await page.goto(address, {waitUntil: 'load'})
  await page.waitForFunction(() => {
    const state = document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.searchState
    return state === 'done' || state === 'unavailable'
  })
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('[data-search-panel]')!
    const links = [...panel.querySelectorAll<HTMLAnchorElement>('[data-search-results] li h3 a')]
    return {
      state: panel.dataset.searchState ?? '',
      status: panel.querySelector('[data-search-status]')!.textContent ?? '',
      titles: links.map((link) => link.textContent ?? ''),
      hrefs: links.map((link) => link.href),
      marked: [...panel.querySelectorAll('[data-search-results] li:first-child mark')].map(
        (mark) => mark.textContent ?? ''
      ),
      noteShown: !panel.querySelector<HTMLElement>('[data-search-note]')!.hidden
    }
  })
}

const search = (query: string) => open(`${server.origin}/search/index.html?q=${encodeURIComponent(query)}`)

describe('the search page over HTTP', () => {
  const strategy = 'الإستراتيجية الوطنية للمياه'
  it.each([
    ['without hamza', 'الاستراتيجية', strategy],
    ['with hamza above', 'الأستراتيجية', strategy],
    ['with hā’ for tā’ marbūṭa', 'الإستراتيجيه', strategy],
    ['with harakat', 'الإِسْتِرَاتِيجِيَّةُ', strategy],
    ['stretched with tatweel', 'الإستراتيـــجية', strategy],
    ['with yā’ for alif maqṣūra', 'مستوي', 'التعاون الإقليمي في الطاقة'],
    ['with hā’ for tā’ marbūṭa in a short word', 'سنه', 'قراءة في السياسة الخارجية'],
    ['with harakat on a short word', 'سَنَة', 'قراءة في السياسة الخارجية'],
    ['with hā’ for tā’ marbūṭa in another short word', 'قوه', 'التعاون الإقليمي في الطاقة'],
    ['with the Persian yā’', 'مستوی', 'التعاون الإقليمي في الطاقة'],
    ['with the Persian kāf', 'الکهرباء', 'التعاون الإقليمي في الطاقة'],
    ['in Arabic-Indic digits', '٢٠٢٤', 'قراءة في السياسة الخارجية']
  ])('finds the paper first for a spelling %s (%s)', async (_spelling, query, title) => {
    const shown = await search(query)
    expect(shown.titles[0]).toBe(title)
  })

  it('shows the excerpt in the paper’s own spelling, the match marked', async () => {
    expect((await search('الاستراتيجيه')).marked).toContain('الإستراتيجية')
  })

  it('links each result to its paper through the site root', async () => {
    expect((await search('مستوى')).hrefs).toEqual([`${server.origin}/papers/regional-cooperation/index.html`])
  })

  it('says there is no result for a word in no paper', async () => {
    const shown = await search('البرتقال')
    expect([shown.status, shown.titles]).toEqual([labels.noResults, []])
  })

  it('has no axe-core violation with results shown', async () => {
    const shown = await search('السياسة')
    expect(shown.titles.length).toBeGreaterThan(0)
    const axe = await new AxePuppeteer(page).analyze()
    expect(axe.violations.map((violation) => `${violation.id} (${violation.nodes.length})`)).toEqual([])
  })
})

describe('the search page from the file system', () => {
  it('shows the note that search needs a web server, before any search', async () => {
    await page.goto(pathToFileURL(path.join(site, 'search', 'index.html')).href, {waitUntil: 'load'})
    expect(await page.$eval('[data-search-note]', (note) => (note as HTMLElement).hidden)).toBe(false)
  })

  it('shows the note that the index cannot be loaded', async () => {
    const address = pathToFileURL(path.join(site, 'search', 'index.html'))
    address.searchParams.set('q', 'الاستراتيجية')
    const shown = await open(address.href)
    expect([shown.state, shown.noteShown]).toEqual(['unavailable', true])
  })
})
