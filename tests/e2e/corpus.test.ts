import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {build, projectFolder, type ManuscriptResult} from '../../src/run/build.js'
import {leftToRightBlocks} from '../helpers/latin-blocks.js'
import {
  elementsWhere,
  expectedWords,
  inWrittenOrder,
  intactShare,
  isPhrasing,
  manuscriptParts,
  pdfiumText,
  popplerText,
  textOf,
  words,
  wordsRead
} from '../helpers/text-measure.js'
import {epubcheck} from '../helpers/tools.js'

/**
 * The development corpus (tests/fixtures/corpus, see its README), built once to PDF, EPUB and HTML, each
 * manuscript then held to its golden files, to its text layer in two readers, to the written order of its
 * left-to-right blocks and to epubcheck. `UPDATE_GOLDEN=1` rewrites the golden files from this build.
 */
const corpus = path.join(projectFolder, 'tests', 'fixtures', 'corpus')
const slugs = readdirSync(corpus, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const out = mkdtempSync(path.join(os.tmpdir(), 'press-corpus-'))
const results = new Map<string, ManuscriptResult>()
const leftToRight = new Map(
  await Promise.all(
    slugs.map(async (slug) => [slug, await leftToRightBlocks(path.join(corpus, slug, 'index.md'))] as const)
  )
)

// epubcheck runs once per book, and a JVM compiling its hot code at full optimization costs twice the CPU
// of the check itself on books this small: stop at the first compiler tier.
process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'

/**
 * Where the corpus is still short of the targets (99% of words intact; every left-to-right block in written
 * order), as last measured: a reviewed record, like a golden file, so that a change can only keep or close
 * a gap. `RECORD_SHORTFALLS=1` rewrites it from this build (not `UPDATE_GOLDEN`: a floor is never lowered
 * on the way).
 */
type Reader = 'poppler' | 'PDFium'
type Shortfalls = Record<
  string,
  {wordsIntact?: Partial<Record<Reader, number>>; blocksOutOfOrder?: Partial<Record<Reader, number>>}
>
const shortfallsFile = path.join(corpus, 'shortfalls.json')
const shortfalls = (existsSync(shortfallsFile) ? JSON.parse(readFileSync(shortfallsFile, 'utf8')) : {}) as Shortfalls
const measured: Shortfalls = {}
const target = 99

afterAll(() => {
  if (process.env.RECORD_SHORTFALLS !== '1') return
  const sorted = Object.fromEntries(Object.entries(measured).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(shortfallsFile, JSON.stringify(sorted, null, 2) + '\n')
})

beforeAll(async () => {
  const result = await build({paths: [corpus], out, formats: ['pdf', 'epub', 'html'], cwd: projectFolder})
  for (const entry of result.results) results.set(entry.manuscript.slug, entry)
}, 300_000)

function golden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual)
  expect(existsSync(file), `${path.relative(projectFolder, file)} is missing: run with UPDATE_GOLDEN=1`).toBe(true)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const line = (message: VFileMessage) =>
  `${path.relative(projectFolder, path.resolve(projectFolder, message.file ?? ''))}:${message.line ?? 0}:${message.column ?? 0}: ${message.reason} [${message.ruleId ?? ''}]\n`

/** Compared across scripts of digits: a block's words as written and as the body prints them. */
const latinDigits = (list: string[]) =>
  list.map((word) => word.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x660)))

/** Words for a failure message: the first dozen, each cut short. */
const shown = (list: string[]) =>
  list
    .slice(0, 12)
    .map((word) => (word.length > 60 ? `${word.slice(0, 60)}…` : word))
    .join(' ')

/** A block's runs of words that must come back unbroken: each line of code, or the whole block. */
const runsOf = (block: Element) =>
  (block.tagName === 'pre' ? textOf(block).split('\n') : [textOf(block)]).map(words).filter((run) => run.length > 0)

describe.each(slugs)('%s', (slug) => {
  const folder = path.join(corpus, slug)
  const html = () => readFileSync(path.join(out, slug, 'index.html'), 'utf8')
  const pdf = path.join(out, `${slug}.pdf`)
  let texts: Promise<Record<'poppler' | 'PDFium', string[]>> | undefined
  const readerWords = () =>
    (texts ??= pdfiumText(pdf).then((pdfium) => ({
      poppler: wordsRead(popplerText(pdf), expectedWords(html())),
      PDFium: wordsRead(pdfium, expectedWords(html()))
    })))

  it('builds, with the messages listed in expected-messages.txt', () => {
    const result = results.get(slug)
    expect(result?.ok).toBe(true)
    golden(path.join(folder, 'expected-messages.txt'), (result?.file?.messages ?? []).map(line).join(''))
  })

  it('writes the abstract and main element of expected.html in its web edition', () => {
    golden(
      path.join(folder, 'expected.html'),
      manuscriptParts(html())
        .map((part) => toHtml(part))
        .join('\n') + '\n'
    )
  })

  it('gives back at least 99% of its words intact in poppler and in PDFium, or no less than shortfalls.json records', async () => {
    const expected = expectedWords(html())
    const shares = Object.entries(await readerWords()).map(([reader, got]) => ({
      reader: reader as Reader,
      ...intactShare(expected, got.join(' '))
    }))
    for (const {reader, share} of shares.filter(({share}) => share < target)) {
      ;((measured[slug] ??= {}).wordsIntact ??= {})[reader] = Math.floor(share * 10) / 10
    }
    for (const {reader, share, missing} of shares) {
      const floor = shortfalls[slug]?.wordsIntact?.[reader] ?? target
      expect(share, `${reader}: ${share.toFixed(1)}% intact; lost: ${shown(missing)}`).toBeGreaterThanOrEqual(floor)
    }
  })

  if (leftToRight.get(slug)?.direction === 'rtl') {
    it('marks each printed code block and Latin-only block dir="ltr", and poppler and PDFium give back its dir="ltr" blocks in written order, all but as many as shortfalls.json records', async () => {
      const parts = manuscriptParts(html())
      const printed = latinDigits(parts.flatMap((part) => words(textOf(part))))
      const blocks = parts.flatMap((part) =>
        elementsWhere(part, (element) => element.properties.dir === 'ltr' && !isPhrasing(element))
      )
      const marked = blocks.map((block) => latinDigits(words(textOf(block))))
      for (const expected of leftToRight
        .get(slug)!
        .blocks.map(latinDigits)
        .filter((block) => inWrittenOrder(block, printed))) {
        expect(
          marked.some((block) => inWrittenOrder(expected, block)),
          `not in a dir="ltr" block: ${shown(expected)}`
        ).toBe(true)
      }
      const readers = Object.entries(await readerWords()).map(([reader, got]) => ({
        reader: reader as Reader,
        broken: blocks.flatMap(runsOf).filter((run) => !inWrittenOrder(run, got))
      }))
      for (const {reader, broken} of readers.filter(({broken}) => broken.length > 0))
        ((measured[slug] ??= {}).blocksOutOfOrder ??= {})[reader] = broken.length
      for (const {reader, broken} of readers) {
        const allowed = shortfalls[slug]?.blocksOutOfOrder?.[reader] ?? 0
        expect(
          broken.length,
          `${reader}: blocks not in written order: ${broken.map(shown).join(' | ')}`
        ).toBeLessThanOrEqual(allowed)
      }
    })
  }

  it('passes epubcheck with no error and no warning', () => {
    const check = epubcheck(path.join(out, `${slug}.epub`))
    expect([...check.errors, ...check.warnings]).toEqual([])
  })
})
