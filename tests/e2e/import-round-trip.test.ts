import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import type {Element} from 'hast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import type {Document} from '../../src/model/types.js'
import {readDocx} from '../../src/import/docx/read.js'
import {toManuscript} from '../../src/import/markdown.js'
import {documentOf} from '../helpers/pipeline.js'
import {elementsWhere, intactShare, textOf, words} from '../helpers/text-measure.js'

/**
 * Every manuscript of the corpus, and the seed, made a Word file by Pandoc (tests/fixtures/docx/pandoc-*,
 * `scripts/make-docx-fixtures.mjs`), imported, and run through the project's pipeline next to the
 * original: the same words (the text layer's measure), notes, headings per level, table cells, images.
 * The front matter is the original's until recognition fills it from the title pages; the pipeline stands
 * in for the browser, which adds nothing to what is compared.
 */
const corpus = path.resolve('tests/fixtures/corpus')
const cases = [
  ...readdirSync(corpus, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => [entry.name, path.join(corpus, entry.name, 'index.md')] as const),
  ['seed', path.resolve('manuscript/russia-dprk-partnership/index.md')] as const,
  // Pandoc's file of the seed opened and saved again by LibreOffice Writer.
  ['seed', path.resolve('manuscript/russia-dprk-partnership/index.md'), 'libreoffice-seed'] as const
]

interface Figures {
  words: string[]
  notes: number
  headings: Record<number, number>
  cells: number
  images: number
}

function figures(document: Document): Figures {
  const headings: Record<number, number> = {}
  for (const heading of document.headings) headings[heading.depth] = (headings[heading.depth] ?? 0) + 1
  const count = (test: (element: Element) => boolean) => elementsWhere(document.body, test).length
  return {
    words: words(textOf(document.body)),
    notes: document.notes.length,
    headings,
    cells: count((element) => element.tagName === 'td' || element.tagName === 'th'),
    images: count((element) => element.tagName === 'img')
  }
}

function frontMatterOf(markdown: string): Record<string, unknown> {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/)
  const end = lines.indexOf('---', 1)
  return parse(lines.slice(1, end).join('\n')) as Record<string, unknown>
}

async function roundTrip(fixture: string, manuscript: string): Promise<{original: Figures; imported: Figures}> {
  const markdown = readFileSync(manuscript, 'utf8')
  const original = await documentOf(markdown)
  const file = new VFile({path: `${fixture}.docx`})
  const docx = await readDocx(readFileSync(path.resolve('tests/fixtures/docx', `${fixture}.docx`)), file)
  expect(docx, String(file.messages)).toBeDefined()
  const imported = await documentOf(toManuscript(docx!.tree, frontMatterOf(markdown)), Object.fromEntries(docx!.media))
  expect(original.document).toBeDefined()
  expect(imported.document, String(imported.file.messages.filter((message) => message.fatal))).toBeDefined()
  return {original: figures(original.document!), imported: figures(imported.document!)}
}

describe('round trip of the corpus through Pandoc’s Word files', () => {
  for (const [name, manuscript, fixture = `pandoc-${name}`] of cases) {
    it(`${fixture}: at least 99.5% of the words, and the same notes, headings, table cells and images`, async () => {
      const {original, imported} = await roundTrip(fixture, manuscript)
      const share = intactShare(original.words, imported.words.join(' '))
      expect(share.share, `missing: ${share.missing.slice(0, 20).join(' ')}`).toBeGreaterThanOrEqual(99.5)
      expect(imported.notes).toBe(original.notes)
      expect(imported.headings).toEqual(original.headings)
      expect(imported.cells).toBe(original.cells)
      expect(imported.images).toBe(original.images)
    })
  }
})
