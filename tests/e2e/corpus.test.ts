import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {beforeAll, describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {build, projectFolder, type ManuscriptResult} from '../../src/build/build.js'
import {leftToRightBlocks} from '../helpers/latin-blocks.js'
import {elementsWhere, expectedWords, inWrittenOrder, intactShare, isPhrasing, manuscriptParts, pdfiumText, popplerText, textOf, words} from '../helpers/text-measure.js'
import {epubcheck} from '../helpers/tools.js'

/**
 * The development corpus (tests/fixtures/corpus, see its README), built once to PDF, EPUB and HTML, each
 * manuscript then held to its golden files, to its text layer in two readers, to the written order of its
 * left-to-right blocks and to epubcheck. `UPDATE_GOLDEN=1` rewrites the golden files from this build.
 */
const corpus = path.join(projectFolder, 'tests', 'fixtures', 'corpus')
const slugs = readdirSync(corpus, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
const out = mkdtempSync(path.join(os.tmpdir(), 'press-corpus-'))
const results = new Map<string, ManuscriptResult>()
const leftToRight = new Map(await Promise.all(slugs.map(async (slug) => [slug, await leftToRightBlocks(path.join(corpus, slug, 'index.md'))] as const)))

// epubcheck runs once per book, and a JVM compiling its hot code at full optimization costs twice the CPU
// of the check itself on books this small: stop at the first compiler tier.
process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'

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
const latinDigits = (list: string[]) => list.map((word) => word.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x660)))

/** Words for a failure message: the first dozen, each cut short. */
const shown = (list: string[]) => list.slice(0, 12).map((word) => (word.length > 60 ? `${word.slice(0, 60)}…` : word)).join(' ')

/** A block's runs of words that must come back unbroken: each line of code, or the whole block. */
const runsOf = (block: Element) => (block.tagName === 'pre' ? textOf(block).split('\n') : [textOf(block)]).map(words).filter((run) => run.length > 0)

describe.each(slugs)('%s', (slug) => {
  const folder = path.join(corpus, slug)
  const html = () => readFileSync(path.join(out, slug, 'index.html'), 'utf8')
  const pdf = path.join(out, `${slug}.pdf`)
  let texts: Promise<Record<'poppler' | 'PDFium', string[]>> | undefined
  const readerWords = () => (texts ??= pdfiumText(pdf).then((pdfium) => ({poppler: words(popplerText(pdf)), PDFium: words(pdfium)})))

  it('builds, with the messages listed in expected-messages.txt', () => {
    const result = results.get(slug)
    expect(result?.ok).toBe(true)
    golden(path.join(folder, 'expected-messages.txt'), (result?.file?.messages ?? []).map(line).join(''))
  })

  it('writes the abstract and main element of expected.html in its web edition', () => {
    golden(path.join(folder, 'expected.html'), manuscriptParts(html()).map((part) => toHtml(part)).join('\n') + '\n')
  })

  it('gives back at least 99% of its words intact in poppler and in PDFium', async () => {
    const expected = expectedWords(html())
    for (const [reader, got] of Object.entries(await readerWords())) {
      const {share, missing} = intactShare(expected, got.join(' '))
      expect(share, `${reader}: ${share.toFixed(1)}% intact; lost: ${shown(missing)}`).toBeGreaterThanOrEqual(99)
    }
  })

  if (leftToRight.get(slug)?.direction === 'rtl') {
    it('marks each printed code block and Latin-only block dir="ltr", and poppler and PDFium give back every dir="ltr" block in written order', async () => {
      const parts = manuscriptParts(html())
      const printed = latinDigits(parts.flatMap((part) => words(textOf(part))))
      const blocks = parts.flatMap((part) => elementsWhere(part, (element) => element.properties.dir === 'ltr' && !isPhrasing(element)))
      const marked = blocks.map((block) => latinDigits(words(textOf(block))))
      for (const expected of leftToRight.get(slug)!.blocks.map(latinDigits).filter((block) => inWrittenOrder(block, printed))) {
        expect(marked.some((block) => inWrittenOrder(expected, block)), `not in a dir="ltr" block: ${shown(expected)}`).toBe(true)
      }
      for (const [reader, got] of Object.entries(await readerWords())) {
        const broken = blocks.flatMap(runsOf).filter((run) => !inWrittenOrder(run, got))
        expect(broken.map(shown), `${reader}: blocks not in written order`).toEqual([])
      }
    })
  }

  it('passes epubcheck with no error and no warning', () => {
    const check = epubcheck(path.join(out, `${slug}.epub`))
    expect([...check.errors, ...check.warnings]).toEqual([])
  })
})
