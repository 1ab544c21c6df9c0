import {mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {VFile} from 'vfile'
import {build, projectFolder} from '../../src/run/build.js'
import {destinationPages, internalLinks, loadPdf, outline} from '../helpers/pdf.js'
import {epubcheck, epubEntries, pdfText} from '../helpers/tools.js'

const fixture = path.join(projectFolder, 'tests', 'fixtures', 'manuscripts', 'links-paper')
const out = mkdtempSync(path.join(os.tmpdir(), 'press-links-'))
const pdfFile = path.join(out, 'links-paper.pdf')
const epubFile = path.join(out, 'links-paper.epub')
let file: VFile | undefined

beforeAll(async () => {
  const result = await build({paths: [fixture], out, formats: ['pdf', 'epub'], cwd: projectFolder})
  expect(result.ok).toBe(true)
  file = result.results[0]!.file
}, 300_000)

function place(message: VFile['messages'][number]): string {
  const {place} = message
  if (!place) return ''
  return 'start' in place
    ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
    : `${place.line}:${place.column}`
}

describe('links, ids and containers', () => {
  it('reports every broken link, invalid construct and removed drawing where it stands', () => {
    expect(
      [...file!.messages]
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
        .map((message) => `${place(message)}: ${message.ruleId}`)
    ).toEqual([
      '59:64-59:86: link-missing-fragment',
      '60:7-60:33: link-outside',
      '60:35-60:63: link-outside',
      '60:65-60:105: link-malformed',
      '62:1: unsafe-html',
      '64:1: unsafe-html',
      '74:43-74:79: id-duplicate',
      '75:1-75:10: dialect-kramdown',
      '77:1-77:24: dialect-liquid'
    ])
  })

  it('passes epubcheck with no error and no warning', () => {
    const check = epubcheck(epubFile, ['--profile', 'default'])
    expect(check.errors, check.output).toEqual([])
    expect(check.warnings, check.output).toEqual([])
  })

  it("links the PDF's internal links to the pages of their headings", async () => {
    const pdf = await loadPdf(pdfFile)
    const destinations = destinationPages(pdf)
    const headingPage = outline(pdf).find((item) => item.title === 'المدخل')!.page
    const links = internalLinks(pdf)
    const toIntro = links.find((link) => link.destination === 'intro')
    expect(toIntro).toBeDefined()
    expect(destinations.get('intro')).toBe(headingPage)
    // The link is pages away from its heading: following it is a jump, not a coincidence of pages.
    expect(toIntro!.page).toBeGreaterThan(headingPage)
    expect(links.map((link) => link.destination).sort()).toEqual(['intro', 'marker', 'الخاتمة'])
  })

  it('prints the heading without its attribute block, the unlinked texts, and the boxes with their titles', () => {
    const text = pdfText(pdfFile)
    expect(text).toContain('المدخل')
    expect(text).not.toContain('{#intro}')
    expect(text).not.toContain('{-}')
    expect(text).not.toContain('{: .lead}')
    expect(text).toContain('include note.html')
    for (const words of ['لقسم مفقود', 'دليل الموقع', 'ملف بمسافة', 'تلميح', 'تنبيه خاص', '10:30', 'ar:true'])
      expect(text).toContain(words)
  })

  it("points the e-book's links and contents at the file and id of each heading", async () => {
    const entries = await epubEntries(epubFile)
    const nav = entries.get('OEBPS/toc.xhtml')!
    expect(nav).toContain('href="section-01.xhtml#intro"')
    const analysis = entries.get('OEBPS/section-02.xhtml')!
    expect(analysis).toContain('<a href="section-01.xhtml#intro">المدخل</a>')
    expect(analysis).toContain('href="section-03.xhtml#الخاتمة"')
    expect(entries.get('OEBPS/section-01.xhtml')).toContain('<h2 id="intro">المدخل</h2>')
    expect(analysis).toContain('<aside class="callout callout-tip"><p class="callout-title">تلميح</p>')
    expect(analysis).not.toContain('href="/docs/guide"')
  })
})
