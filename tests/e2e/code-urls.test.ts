import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import JSZip from 'jszip'
import type {Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, projectFolder, type BuildResult} from '../../src/run/build.js'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {loadPdf, uriLinks} from '../helpers/pdf.js'
import {pdfFonts, pdfText} from '../helpers/tools.js'

/**
 * Code, long addresses and words longer than a line, built once to PDF, EPUB and HTML with the real
 * Chromium: the fixture's code and addresses, and generated here what no one would type (a word of ten
 * thousand letters, an address of three thousand characters).
 */
const fixture = path.join(projectFolder, 'tests', 'fixtures', 'manuscripts', 'code-urls', 'index.md')
const work = mkdtempSync(path.join(os.tmpdir(), 'press-code-urls-'))
const folder = path.join(work, 'code-urls')
const out = path.join(work, 'out')
const pdf = path.join(out, 'code-urls.pdf')

const longUrl =
  'https://www.example-research.org/reports/strategic-studies/long-path-with-many-hyphens/2024/annual-energy-security-report-iraq?lang=ar&download=true&format=pdf&edition=second-revised#section-2'
const alphabet = 'abcdefghijklmnopqrstuvwxyz'
const longWord = Array.from({length: 10_000}, (_, index) => alphabet[index % alphabet.length]).join('')
const hugeUrl =
  `https://example.org/${Array.from({length: 200}, (_, index) => `segment${index}-part`).join('/')}`.slice(0, 3000)
const arabicWord = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي'.repeat(80)

let result: BuildResult
let browser: Browser

beforeAll(async () => {
  mkdirSync(folder)
  const extra = [
    '',
    '## كلمات أطول من السطر',
    '',
    'قبل الكلمة.',
    '',
    longWord,
    '',
    'بعد الكلمة.',
    '',
    `كلمة عربية طويلة ${arabicWord} في الجملة.`,
    '',
    `وعنوان من ثلاثة آلاف حرف ${hugeUrl} في آخر الجملة.`,
    ''
  ]
  writeFileSync(path.join(folder, 'index.md'), readFileSync(fixture, 'utf8') + extra.join('\n'))
  ;[result, browser] = await Promise.all([
    build({paths: [folder], out, formats: ['pdf', 'epub', 'html'], cwd: work}),
    launchBrowser()
  ])
  await unzipEpub()
}, 300_000)

afterAll(async () => {
  await browser?.close()
})

async function unzipEpub(): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'code-urls.epub')))
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue
    mkdirSync(path.join(work, 'epub', path.dirname(name)), {recursive: true})
    writeFileSync(path.join(work, 'epub', name), await entry.async('uint8array'))
  }
}

/** The text of the PDF with what is not Latin (Arabic words, bidi marks, line breaks) left out. */
function latinOnly(text: string): string {
  return text.replace(/[^\u0021-\u007e]/g, '')
}

describe('code and addresses in print', () => {
  it('builds without a message', () => {
    expect(result.results[0]!.file!.messages.map(String)).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('embeds the mono face', () => {
    expect(pdfFonts(pdf).filter((font) => font.name === 'NotoSansMono-Regular' && font.embedded)).toHaveLength(1)
  })

  it('gives back the code line f(x) = x * 2 in written order', () => {
    expect(pdfText(pdf).split('\n')).toContain('f(x) = x * 2')
  })

  it('breaks the long URL across lines on the page, and pdftotext gives it back whole on one line', async () => {
    const lines = new Set(
      uriLinks(await loadPdf(pdf))
        .filter((link) => link.uri === longUrl)
        .map((link) => `${link.page}:${Math.round(link.rect[1]!)}`)
    )
    expect(lines.size).toBeGreaterThan(1)
    expect(
      pdfText(pdf)
        .split('\n')
        .some((line) => line.includes(longUrl))
    ).toBe(true)
  })

  it('gives back every letter of a 10,000-letter word, in order', () => {
    const text = pdfText(pdf)
    const between = text.slice(text.indexOf('قبل الكلمة'), text.indexOf('بعد الكلمة'))
    expect(between.replace(/[^a-z]/g, '')).toBe(longWord)
  })

  it('gives back every segment of a 3,000-character URL, in order across its pages', () => {
    // Without the running heads and folios between its pages (lines with no Latin letter).
    const text = latinOnly(
      pdfText(pdf)
        .split('\n')
        .filter((line) => /[a-z]/.test(line))
        .join('')
    )
    // Not the last two: the address's last line shares its line with the sentence's full stop, which
    // pdftotext puts before the end of the address (the text layer's business, not the layout's).
    const segments = hugeUrl.split('/').slice(3, -2)
    expect(segments.length).toBeGreaterThan(150)
    expect(text).toContain(segments.join('/'))
  })
})

describe('code and addresses on a 320-pixel screen', () => {
  async function overflowAt(file: string, width: number): Promise<{scrollWidth: number; outside: string[]}> {
    const page = await browser.newPage()
    try {
      await page.setViewport({width, height: 640})
      await page.goto(pathToFileURL(file).href)
      return await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        outside: [...document.querySelectorAll('body *')]
          .filter((element) => {
            const box = element.getBoundingClientRect()
            // A table may scroll inside its own box: the table is measured, not its cells.
            return (
              box.width > 0 &&
              (box.left < -0.5 || box.right > innerWidth + 0.5) &&
              !element.parentElement?.closest('table')
            )
          })
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
      }))
    } finally {
      await page.close()
    }
  }

  it('lays the web edition out without horizontal overflow', async () => {
    expect(await overflowAt(path.join(out, 'code-urls', 'index.html'), 320)).toEqual({scrollWidth: 320, outside: []})
  })

  it('lays every file of the e-book out without horizontal overflow', async () => {
    const files = readdirSync(path.join(work, 'epub', 'OEBPS')).filter((name) => name.endsWith('.xhtml'))
    expect(files).toContain('section-04.xhtml')
    for (const name of files) {
      expect(await overflowAt(path.join(work, 'epub', 'OEBPS', name), 320), name).toEqual({
        scrollWidth: 320,
        outside: []
      })
    }
  })

  /** Each element's text and its lines as the eye reads them: character boxes by line, left to right. */
  async function linesOf(
    selector: string
  ): Promise<Array<{text: string; lines: string[]; font: string; direction: string; left: number}>> {
    const page = await browser.newPage()
    try {
      await page.setViewport({width: 320, height: 640})
      await page.goto(pathToFileURL(path.join(out, 'code-urls', 'index.html')).href)
      return await page.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].map((element) => {
            const lines = new Map<number, Array<[number, string]>>()
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
            const range = document.createRange()
            let firstLetter: number | undefined
            for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
              for (let offset = 0; offset < node.data.length; offset++) {
                range.setStart(node, offset)
                range.setEnd(node, offset + 1)
                const box = range.getBoundingClientRect()
                if (box.height === 0 || node.data[offset] === '\n') continue
                if (firstLetter === undefined && node.data[offset]!.trim() !== '') firstLetter = box.left
                const line = Math.round(box.top)
                lines.set(line, [...(lines.get(line) ?? []), [box.left, node.data[offset]!]])
              }
            }
            const visual = [...lines.entries()]
              .sort(([a], [b]) => a - b)
              .map(([, characters]) =>
                characters
                  .sort(([a], [b]) => a - b)
                  .map(([, character]) => character)
                  .join('')
              )
            const style = getComputedStyle(element)
            return {
              text: element.textContent ?? '',
              lines: visual,
              font: style.fontFamily,
              direction: style.direction,
              left: (firstLetter ?? 0) - element.getBoundingClientRect().left
            }
          }),
        selector
      )
    } finally {
      await page.close()
    }
  }

  it('wraps addresses only between their pieces, never at a hyphen, each line in written order', async () => {
    const addresses = await linesOf('.url')
    const long = addresses.find((address) => address.text === longUrl)!
    expect(long.lines.length).toBeGreaterThan(2)
    for (const address of addresses) {
      expect(address.lines.join(''), address.text).toBe(address.text)
      // A long piece (the 3,000-character URL's) may break anywhere; the others never after a hyphen.
      if (address.text !== hugeUrl)
        expect(
          address.lines.slice(0, -1).filter((line) => line.endsWith('-')),
          address.text
        ).toEqual([])
    }
  })

  it('copies a code block back as written', async () => {
    const page = await browser.newPage()
    try {
      await page.goto(pathToFileURL(path.join(out, 'code-urls', 'index.html')).href)
      const copied = await page.evaluate(() => {
        const selection = getSelection()!
        selection.selectAllChildren(document.querySelector('pre code.language-js')!)
        return selection.toString()
      })
      const markdown = readFileSync(fixture, 'utf8')
      expect(copied).toBe(
        markdown.slice(markdown.indexOf('```js\n') + 6, markdown.indexOf('\n```', markdown.indexOf('```js')))
      )
    } finally {
      await page.close()
    }
  })

  it('lays code out left to right in the mono face, indented on the left, a long line wrapped', async () => {
    const lines = await linesOf('pre .code-line')
    expect(lines.map((line) => line.direction)).toEqual(lines.map(() => 'ltr'))
    expect(lines[0]!.font).toMatch(/^"Hammurabi Mono", "Hammurabi Naskh"/)
    expect(lines.find((line) => line.text === 'f(x) = x * 2')?.lines).toEqual(['f(x) = x * 2'])
    const indented = lines.find((line) => line.text.startsWith('    return {label'))!
    expect(indented.lines.length).toBeGreaterThan(1)
    expect(indented.lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(indented.text.trim().replace(/\s+/g, ' '))
    const unindented = lines.find((line) => line.text.startsWith('function double'))!
    // Four columns of indentation: its first letter well to the right of an unindented line's.
    expect(indented.left - unindented.left).toBeGreaterThan(20)
  })
})
