import {mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Element} from 'hast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {Document} from '../../src/model/types.js'
import {importFiles} from '../../src/import/run.js'
import {authorsOf} from '../../src/manuscript/meta.js'
import {manuscriptAt} from '../../src/manuscript/read.js'
import {createDocument} from '../../src/pipeline/create-document.js'
import {documentOf, labels} from '../helpers/pipeline.js'
import {elementsWhere, intactShare, textOf, words} from '../helpers/text-measure.js'

/**
 * Every manuscript of the corpus, and the seed, made a Word file by Pandoc (tests/fixtures/docx/pandoc-*,
 * `scripts/make-docx-fixtures.mjs`), imported by `press import` (front matter and all, as recognition
 * finds it), and run through the project's pipeline next to the original: the same words (the text
 * layer's measure), notes, headings per level, table cells, images, and the same front matter. The
 * pipeline stands in for the browser, which adds nothing to what is compared.
 *
 * Pandoc writes only the metadata its docx writer knows: title, subtitle, each author (the script hands
 * it the name, a line break and the role, one Author paragraph), the date and the abstract in the body;
 * the keywords in the document properties (its Tags field). The section numbers and Arabic-Indic digits
 * are typed into the text as the build prints them (`scripts/pandoc-as-typed.lua`), so recognition must
 * find `numbering` and `digits` again. The series, `shortTitle` and `pageSize` Pandoc keeps only
 * in its custom properties, which a researcher's Word file does not have: not compared.
 */
const corpus = path.resolve('tests/fixtures/corpus')
const cases = [
  ...readdirSync(corpus, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => [entry.name, path.join(corpus, entry.name, 'index.md')] as const),
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

/** The Word file through `press import` into a fresh folder, and the manuscript it wrote through the pipeline. */
async function imported(fixture: string): Promise<{document: Document | undefined; file: VFile}> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'press-round-trip-'))
  const [result] = await importFiles({
    files: [path.resolve('tests/fixtures/docx', `${fixture}.docx`)],
    out,
    slug: fixture
  })
  expect(result?.ok, String(result?.file.messages)).toBe(true)
  const manuscriptPath = path.join(result!.manuscript!, 'index.md')
  const file = new VFile({path: manuscriptPath, value: readFileSync(manuscriptPath, 'utf8')})
  const document = await createDocument(manuscriptAt(manuscriptPath), file, labels)
  return {document, file}
}

async function roundTrip(fixture: string, manuscript: string) {
  const original = await documentOf(readFileSync(manuscript, 'utf8'))
  const copy = await imported(fixture)
  expect(original.document).toBeDefined()
  expect(copy.document, String(copy.file.messages.filter((message) => message.fatal))).toBeDefined()
  return {original: original.document!, imported: copy.document!}
}

describe('round trip of the corpus through Pandoc’s Word files', () => {
  for (const [name, manuscript, fixture = `pandoc-${name}`] of cases) {
    it(`${fixture}: at least 99.5% of the words, and the same notes, headings, table cells and images`, async () => {
      const {original, imported} = await roundTrip(fixture, manuscript).then(({original, imported}) => ({
        original: figures(original),
        imported: figures(imported)
      }))
      const share = intactShare(original.words, imported.words.join(' '))
      expect(share.share, `missing: ${share.missing.slice(0, 20).join(' ')}`).toBeGreaterThanOrEqual(99.5)
      expect(imported.notes).toBe(original.notes)
      expect(imported.headings).toEqual(original.headings)
      expect(imported.cells).toBe(original.cells)
      expect(imported.images).toBe(original.images)
    })

    it(`${fixture}: the same title, subtitle, date, authors and roles, abstract, keywords, numbering, digits and contents page`, async () => {
      const {original, imported} = await roundTrip(fixture, manuscript)
      const [before, after] = [original.meta, imported.meta]
      expect(after.title).toBe(before.title)
      expect(after.subtitle).toBe(before.subtitle)
      expect(after.date).toBe(before.date)
      expect(authorsOf(after)).toEqual(authorsOf(before))
      // LibreOffice 7.4 saves Word's Tags field (`cp:keywords`) with the commas between keywords made
      // spaces: its file holds the same words, no longer a list.
      if (fixture.startsWith('libreoffice'))
        expect(words(after.keywords?.join(' ') ?? '')).toEqual(words(before.keywords?.join(' ') ?? ''))
      else expect(after.keywords).toEqual(before.keywords)
      if (original.abstract) {
        const abstract = intactShare(
          words(toString(original.abstract)),
          toString(imported.abstract ?? {type: 'root', children: []})
        )
        expect(abstract.share, `missing: ${abstract.missing.slice(0, 20).join(' ')}`).toBeGreaterThanOrEqual(99.5)
      } else expect(imported.abstract).toBeUndefined()
      expect(after.numbering).toBe(before.numbering)
      // `toc: true` makes Pandoc write Word's table of contents, which recognition reads back; `toc: false`
      // leaves no trace in the file, and the imported manuscript's contents page is automatic.
      expect(after.toc === true).toBe(before.toc === true)
      // Recognition reads `digits` from the digits of the text: a file with fewer than five (the notes'
      // calls and the lists' numbers are Word's own) says nothing about them.
      if (
        (words(textOf(imported.body))
          .join('')
          .match(/\p{Nd}/gu)?.length ?? 0) >= 5
      )
        expect(after.digits).toBe(before.digits)
    })
  }
})
