import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {AxePuppeteer} from '@axe-core/puppeteer'
import {XMLParser} from 'fast-xml-parser'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Browser, Page} from 'puppeteer'
import {visit} from 'unist-util-visit'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {resolveSiteOptions} from '../../src/config/options.js'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {projectFolder} from '../../src/run/build.js'
import {buildSite, type SiteResult} from '../../src/site/site.js'

/**
 * A site of the seed and three corpus papers (a policy paper with a table and long links, an English
 * brief, a translated essay) and a journal issue given by a hand-written listing (seam 3), read in real
 * Chromium on a phone and a desktop screen.
 */
const corpus = path.join(projectFolder, 'tests', 'fixtures', 'corpus')
const seed = path.join(projectFolder, 'manuscript', 'russia-dprk-partnership')
const papers = [
  seed,
  ...['water-security-policy', 'english-brief', 'translated-essay-deterrence'].map((name) => path.join(corpus, name))
]
const work = mkdtempSync(path.join(os.tmpdir(), 'press-site-'))
const buildFolder = path.join(work, 'dist')
const siteFolder = path.join(work, 'site')
const baseUrl = 'https://example.org/publications/'
const widths = [360, 1280]

/** The journal issue: the seed on pages 5–14 and the water paper on 15–23, with an offprint of the seed. */
const listing = {
  slug: 'journal-3-12',
  kind: 'collection',
  title: 'قضايا الأمن الإقليمي',
  subtitle: 'أوراق مختارة',
  series: 'مجلة',
  volume: 3,
  number: 12,
  date: '2025-12-01',
  lang: 'ar',
  editors: [{name: 'علي حسين', role: 'رئيس التحرير'}, {name: 'سارة كاظم'}],
  pages: 24,
  pdf: 'journal-3-12.pdf',
  epub: 'journal-3-12.epub',
  papers: [
    {
      slug: 'russia-dprk-partnership',
      title: 'معاهدة الشراكة الاستراتيجية بين روسيا وكوريا الشمالية',
      authors: [{name: 'نور نبيه جميل'}],
      date: '2024-10-31',
      firstPage: 5,
      lastPage: 14,
      offprint: 'journal-3-12/offprints/russia-dprk-partnership.pdf'
    },
    {slug: 'water-security-policy', title: 'الأمن المائي في حوض دجلة والفرات', authors: [], firstPage: 15, lastPage: 23}
  ]
}

/** The files of a collection's build, made of a paper's outputs (their content is not what is tested). */
function writeCollectionOutputs(): void {
  writeFileSync(path.join(buildFolder, 'journal-3-12.json'), JSON.stringify(listing, null, 2))
  copyFileSync(path.join(buildFolder, 'water-security-policy.pdf'), path.join(buildFolder, 'journal-3-12.pdf'))
  copyFileSync(path.join(buildFolder, 'water-security-policy.epub'), path.join(buildFolder, 'journal-3-12.epub'))
  mkdirSync(path.join(buildFolder, 'journal-3-12', 'offprints'), {recursive: true})
  copyFileSync(
    path.join(buildFolder, 'russia-dprk-partnership.pdf'),
    path.join(buildFolder, listing.papers[0]!.offprint!)
  )
}

const site = (options: {out: string; baseUrl?: string}) =>
  buildSite(resolveSiteOptions({paths: papers, build: buildFolder, cwd: work, sourceDateEpoch: 1735689600, ...options}))

interface Reading {
  scrollWidth: number
  innerWidth: number
  violations: string[]
}

let browser: Browser
let first: SiteResult
let second: SiteResult
let withoutBase: SiteResult
let pages: string[]
const readings = new Map<string, Reading>()
/** Every URL a page asked for, by page. */
const requests = new Map<string, string[]>()
/** The pages axe-core reads: the index, a paper, the collection, the search page and a filter page. */
const axePages = [
  'index.html',
  'papers/russia-dprk-partnership/index.html',
  'collections/journal-3-12/index.html',
  'search/index.html',
  'year/2025/index.html'
]

beforeAll(async () => {
  first = await site({out: siteFolder, baseUrl})
  writeCollectionOutputs()
  second = await site({out: siteFolder, baseUrl})
  withoutBase = await site({out: path.join(work, 'site-without-base')})
  pages = htmlFiles(siteFolder)
  browser = await launchBrowser()
  const page = await browser.newPage()
  await page.setRequestInterception(true)
  let current = ''
  page.on('request', (request) => {
    requests.set(current, [...(requests.get(current) ?? []), request.url()])
    // Nothing is fetched from elsewhere, even if a page asked.
    if (request.url().startsWith('file:') || request.url().startsWith('data:')) request.continue()
    else request.abort()
  })
  for (const file of pages) {
    current = file
    for (const width of widths) readings.set(`${file} ${width}`, await read(page, file, width))
  }
}, 900_000)

afterAll(async () => {
  await browser?.close()
})

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.split(path.sep).join('/'))
    .sort()
}

async function read(page: Page, file: string, width: number): Promise<Reading> {
  await page.setViewport({width, height: 800})
  await page.goto(pathToFileURL(path.join(siteFolder, file)).href, {waitUntil: 'load'})
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth
  }))
  if (!axePages.includes(file)) return {...layout, violations: []}
  const axe = await new AxePuppeteer(page).analyze()
  return {...layout, violations: axe.violations.map((violation) => `${violation.id} (${violation.nodes.length})`)}
}

function tree(file: string) {
  return fromHtml(readFileSync(path.join(siteFolder, file), 'utf8'))
}

function metaContents(file: string, name: string): string[] {
  const found: string[] = []
  visit(tree(file), 'element', (element: Element) => {
    if (element.tagName === 'meta' && (element.properties.name === name || element.properties.property === name))
      found.push(String(element.properties.content))
  })
  return found
}

describe('press site', () => {
  it('writes a page per paper, per collection, per filter, the index and the search page', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        'search/index.html',
        'collections/journal-3-12/index.html',
        'papers/russia-dprk-partnership/index.html',
        'papers/water-security-policy/index.html',
        'papers/english-brief/index.html',
        'papers/translated-essay-deterrence/index.html',
        'year/2024/index.html',
        'year/2025/index.html',
        'author/نور-نبيه-جميل/index.html',
        'series/ورقة-تحليلية/index.html'
      ])
    )
    expect([first.ok, second.ok, first.papers, second.collections]).toEqual([true, true, 4, 1])
  })

  it('reuses the build of the first run: the second starts no browser', () => {
    expect(second.build.browserStarted).toBe(false)
    expect(second.build.results.every((result) => result.skipped)).toBe(true)
  })

  it('runs the pipeline for a paper on the first run only, reading its content from the cache after', () => {
    expect([first.reused, second.reused]).toEqual([0, 4])
  })

  it('lists the publications newest first on the index', () => {
    const titles: string[] = []
    visit(tree('index.html'), 'element', (element: Element) => {
      if (element.tagName === 'time' && typeof element.properties.dateTime === 'string')
        titles.push(element.properties.dateTime)
    })
    expect(titles).toEqual([...titles].sort().reverse())
    expect(titles[0]).toBe('2025-12-01')
  })

  it('resolves every internal link, stylesheet, image and download to a file of the site', () => {
    const broken: string[] = []
    for (const file of pages) {
      visit(tree(file), 'element', (element: Element) => {
        const target = element.properties.href ?? element.properties.src
        if (typeof target !== 'string' || element.tagName === 'script') return
        const url = new URL(target, pathToFileURL(path.join(siteFolder, file)))
        if (url.protocol !== 'file:') return
        if (!existsSync(fileURLToPath(url))) broken.push(`${file}: ${target}`)
      })
    }
    expect(broken).toEqual([])
  })

  it('names stylesheets, images and scripts inside the site only', () => {
    const outside = new Set<string>()
    for (const file of pages) {
      visit(tree(file), 'element', (element: Element) => {
        for (const key of ['src', 'href'] as const) {
          const target = element.properties[key]
          if (typeof target !== 'string' || element.tagName === 'a') continue
          const url = new URL(target, pathToFileURL(path.join(siteFolder, file)))
          if (url.protocol !== 'file:') outside.add(`${file}: <${element.tagName} ${key}=${target}>`)
        }
      })
    }
    expect([...outside]).toEqual([])
  })

  it('sends no request outside the site folder, on any page', () => {
    const root = pathToFileURL(siteFolder).href
    const outside = [...requests].flatMap(([file, urls]) =>
      urls.filter((url) => !url.startsWith(root) && !url.startsWith('data:')).map((url) => `${file}: ${url}`)
    )
    expect(outside).toEqual([])
    expect(requests.get('index.html')?.length).toBeGreaterThan(3)
  })
})

describe.each(widths)('the site at %i px', (width) => {
  it('is no wider than the screen, on every page', () => {
    const wider = pages.filter((file) => {
      const reading = readings.get(`${file} ${width}`)!
      return reading.scrollWidth > reading.innerWidth
    })
    expect(wider.map((file) => `${file}: ${readings.get(`${file} ${width}`)!.scrollWidth} px`)).toEqual([])
  })

  it('has no axe-core violation on the index, a paper, the collection, the search page and a filter page', () => {
    const failing = axePages.filter((file) => readings.get(`${file} ${width}`)!.violations.length > 0)
    expect(failing.map((file) => `${file}: ${readings.get(`${file} ${width}`)!.violations.join(', ')}`)).toEqual([])
  })
})

describe('a paper’s metadata', () => {
  const page = 'papers/russia-dprk-partnership/index.html'
  const tag = (name: string) => metaContents(page, name)

  it('gives its citation_* tags from its front matter', () => {
    expect({
      title: tag('citation_title'),
      authors: tag('citation_author'),
      date: tag('citation_publication_date'),
      pdf: tag('citation_pdf_url'),
      publisher: tag('citation_publisher'),
      language: tag('citation_language')
    }).toEqual({
      title: [
        'معاهدة الشراكة الاستراتيجية بين روسيا وكوريا الشمالية: التأثيرات والانعكاسات على توازن القوى الإقليمي والدولي'
      ],
      authors: ['نور نبيه جميل'],
      date: ['2024/10/31'],
      pdf: [`${baseUrl}downloads/russia-dprk-partnership.pdf`],
      publisher: ['مركز حمورابي للبحوث والدراسات الاستراتيجية'],
      language: ['ar']
    })
  })

  it('gives its collection, volume, issue and pages from the collection’s listing', () => {
    expect(
      ['citation_journal_title', 'citation_volume', 'citation_issue', 'citation_firstpage', 'citation_lastpage'].map(
        (name) => tag(name)
      )
    ).toEqual([['قضايا الأمن الإقليمي'], ['3'], ['12'], ['5'], ['14']])
  })

  it('gives Dublin Core, Open Graph and a ScholarlyArticle', () => {
    expect([tag('DC.creator'), tag('DC.date'), tag('og:type'), tag('og:locale')]).toEqual([
      ['نور نبيه جميل'],
      ['2024-10-31'],
      ['article'],
      ['ar_IQ']
    ])
    expect(tag('og:image')).toEqual([`${baseUrl}thumbnails/papers/russia-dprk-partnership.jpg`])
    let json = ''
    visit(tree(page), 'element', (element: Element) => {
      if (element.tagName === 'script' && element.properties.type === 'application/ld+json')
        json = (element.children[0] as {value: string}).value
    })
    expect(JSON.parse(json)).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: 'معاهدة الشراكة الاستراتيجية بين روسيا وكوريا الشمالية',
      author: [{'@type': 'Person', name: 'نور نبيه جميل'}],
      datePublished: '2024-10-31',
      pageStart: 5,
      pageEnd: 14
    })
  })

  it('has no journal tags for a paper in no collection', () => {
    expect(metaContents('papers/english-brief/index.html', 'citation_journal_title')).toEqual([])
    expect(metaContents('papers/english-brief/index.html', 'citation_language')).toEqual(['en'])
  })
})

describe('the feed and the sitemap', () => {
  const parser = new XMLParser({ignoreAttributes: false, isArray: (name) => ['entry', 'url', 'link'].includes(name)})
  const read = (name: string) => parser.parse(readFileSync(path.join(siteFolder, name), 'utf8'))
  const paperUrls = [
    'russia-dprk-partnership',
    'water-security-policy',
    'english-brief',
    'translated-essay-deterrence'
  ].map((slug) => `${baseUrl}papers/${slug}/index.html`)

  it('lists every paper and the collection in the Atom feed, at absolute addresses', () => {
    const entries = read('feed.xml').feed.entry as Array<{id: string}>
    expect(entries.map((entry) => entry.id).sort()).toEqual(
      [...paperUrls, `${baseUrl}collections/journal-3-12/index.html`].sort()
    )
  })

  it('lists every paper in the sitemap, at absolute addresses', () => {
    const locations = (read('sitemap.xml').urlset.url as Array<{loc: string}>).map((url) => url.loc)
    expect(locations).toEqual(expect.arrayContaining([...paperUrls, `${baseUrl}index.html`]))
    expect(locations.every((location) => location.startsWith(baseUrl))).toBe(true)
  })

  it('writes neither without a base URL, and links to no feed', () => {
    const folder = path.join(work, 'site-without-base')
    expect([existsSync(path.join(folder, 'feed.xml')), existsSync(path.join(folder, 'sitemap.xml'))]).toEqual([
      false,
      false
    ])
    expect(readFileSync(path.join(folder, 'index.html'), 'utf8')).not.toContain('feed.xml')
    expect(withoutBase.notes).toHaveLength(1)
  })
})
