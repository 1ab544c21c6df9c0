import {cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {AxePuppeteer} from '@axe-core/puppeteer'
import type {Browser, Page} from 'puppeteer'
import {parseDocument} from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {build, projectFolder} from '../../src/run/build.js'

/**
 * The web edition of the seed, the corpus and one made here (the seed by an Arabic and a Latin author,
 * with a table of forty columns), built once and read in real Chromium on a phone and a desktop screen.
 */
const corpus = path.join(projectFolder, 'tests', 'fixtures', 'corpus')
const seed = path.join(projectFolder, 'manuscript', 'russia-dprk-partnership')
const work = mkdtempSync(path.join(os.tmpdir(), 'press-web-edition-'))
const out = path.join(work, 'out')
const latinAuthor = path.join(work, 'latin-author')
const latinName = 'Yasmin Tariq Al-Hashimi'
const widths = [360, 1280]

interface Reading {
  scrollWidth: number
  innerWidth: number
  violations: string[]
  /** Lines each Latin author name takes on the cover and the title page. */
  latinNameLines: number[]
}

const readings = new Map<string, Reading>()
let browser: Browser
let slugs: string[]

beforeAll(async () => {
  writeLatinAuthor()
  const manuscripts = readdirSync(corpus, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(corpus, entry.name))
  ;[, browser] = await Promise.all([
    build({paths: [seed, ...manuscripts, latinAuthor], out, formats: ['html'], cwd: work}),
    launchBrowser()
  ])
  slugs = ['russia-dprk-partnership', ...manuscripts.map((folder) => path.basename(folder)), 'latin-author']
  const page = await browser.newPage()
  for (const slug of slugs) {
    for (const width of widths) readings.set(`${slug} ${width}`, await read(page, slug, width))
  }
}, 600_000)

afterAll(async () => {
  await browser?.close()
})

function writeLatinAuthor(): void {
  cpSync(seed, latinAuthor, {recursive: true})
  const file = path.join(latinAuthor, 'index.md')
  const [, front, ...rest] = readFileSync(file, 'utf8').split('---\n')
  const meta = parseDocument(front!)
  meta.set('authors', [
    {name: 'نور نبيه جميل', role: 'باحثة'},
    {name: latinName, role: 'باحثة زائرة'}
  ])
  const row = (cell: (column: number) => string) =>
    `| ${Array.from({length: 40}, (_, column) => cell(column)).join(' | ')} |`
  const table = [row((column) => `ع${column}`), row(() => '---'), row((column) => String(1000 + column))].join('\n')
  const wide = `\n## جدول عريض\n\n${table}\n`
  const frontMatter = String(meta)
  writeFileSync(file, ['', frontMatter, rest.join('---\n') + wide].join('---\n'))
}

async function read(page: Page, slug: string, width: number): Promise<Reading> {
  await page.setViewport({width, height: 800})
  await page.goto(pathToFileURL(path.join(out, slug, 'index.html')).href, {waitUntil: 'load'})
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    latinNameLines: [...document.querySelectorAll('.cover-authors [dir="ltr"], .author-name[dir="ltr"]')].map(
      (element) => {
        const range = document.createRange()
        range.selectNodeContents(element)
        return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size
      }
    )
  }))
  const axe = await new AxePuppeteer(page).analyze()
  return {...layout, violations: axe.violations.map((violation) => `${violation.id} (${violation.nodes.length})`)}
}

describe.each(widths)('the web edition at %i px', (width) => {
  const reading = (slug: string) => readings.get(`${slug} ${width}`)!

  it('is no wider than the screen, for every manuscript', () => {
    const wider = slugs.filter((slug) => reading(slug).scrollWidth > reading(slug).innerWidth)
    expect(wider.map((slug) => `${slug}: ${reading(slug).scrollWidth} px`)).toEqual([])
  })

  it('has no axe-core violation, for every manuscript', () => {
    const failing = slugs.filter((slug) => reading(slug).violations.length > 0)
    expect(failing.map((slug) => `${slug}: ${reading(slug).violations.join(', ')}`)).toEqual([])
  })

  it('puts a Latin author name on one line, on the cover and the title page', () => {
    expect(reading('latin-author').latinNameLines).toEqual([1, 1])
  })
})

describe('the made manuscript', () => {
  it('has a table wider than a phone, in a box that scrolls', () => {
    const html = readFileSync(path.join(out, 'latin-author', 'index.html'), 'utf8')
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="جدول 1">')
    expect(html).toContain(`<span dir="ltr">${latinName}</span>`)
  })
})
