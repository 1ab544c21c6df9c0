import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {build, projectFolder, type BuildResult} from '../../src/run/build.js'
import {epubcheck, epubEntries, pdfFonts, pdfPageCount, pdfText, plainArabic} from '../helpers/tools.js'

/**
 * The whole spine with real parts: a real Chromium prints, epubcheck validates, pdftotext reads back.
 * One build of the seed paper and of a sample with notes, an image, a table and five sections serves
 * every check below.
 */
const seed = path.join(projectFolder, 'manuscript', 'russia-dprk-partnership')
const sample = path.join(projectFolder, 'tests', 'fixtures', 'manuscripts', 'sample-paper')
const out = mkdtempSync(path.join(os.tmpdir(), 'press-e2e-'))
let result: BuildResult

beforeAll(async () => {
  result = await build({paths: [seed, sample], out, formats: ['pdf', 'epub', 'html'], cwd: projectFolder})
}, 300_000)

describe('the seed paper', () => {
  const pdf = path.join(out, 'russia-dprk-partnership.pdf')

  it('builds to PDF, EPUB and HTML', () => {
    expect(result.results.map((entry) => [entry.manuscript.slug, entry.ok, entry.file!.messages.map(String)])).toEqual([
      ['russia-dprk-partnership', true, []],
      ['sample-paper', true, []]
    ])
    expect(result.results[0]!.outputs.map((output) => path.basename(output))).toEqual([
      'russia-dprk-partnership.pdf',
      'russia-dprk-partnership.epub',
      'index.html'
    ])
  })

  it('gives back its title, author, date and every contact in logical order', () => {
    const text = pdfText(pdf)
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('معاهدة الشراكة الاستراتيجية')
    expect(flat).toContain('التأثيرات والانعكاسات على توازن القوى الإقليمي والدولي')
    expect(flat).toContain('نور نبيه جميل')
    expect(flat).toContain('باحثة في مركز حمورابي للبحوث والدراسات الاستراتيجية')
    expect(flat).toMatch(/31 ?تشرين الأول ?2024/)
    for (const contact of [
      'www.hcrsiraq.net',
      '07810234002',
      'hcrsiraq@yahoo.com',
      't.me/hammurabicrss',
      'hcrsiraq',
      'العراق – بغداد – الكرادة'
    ]) {
      expect(flat).toContain(contact)
    }
    expect(flat).toContain('حقوق النشر محفوظة لمركز حمورابي')
    // Sections numbered as the centre numbers them, in reading order.
    const plain = plainArabic(text)
    expect(plain.indexOf('أولا')).toBeGreaterThan(-1)
    expect(plain.indexOf('أولا')).toBeLessThan(plain.indexOf('ثانيا'))
    expect(plain.indexOf('ثانيا')).toBeLessThan(plain.indexOf('سادسا'))
    expect(plain).toContain('دوافع الشراكة الاستراتيجية')
  })

  it('uses only the project’s fonts, all embedded', () => {
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true)
      expect(font.name).toMatch(/^Noto(NaskhArabic|KufiArabic|Serif|Sans)-/)
    }
  })

  it('puts page numbers on body pages and none on the cover or back page', () => {
    const pages = pdfPageCount(pdf)
    const lines = (page: number) =>
      pdfText(pdf, {first: page, last: page})
        .trim()
        .split('\n')
        .map((line) => line.trim())
    // Cover, title page and rights page, then the abstract, contents and text, numbered, then the back page.
    for (let page = 4; page < pages; page++) expect(lines(page).at(-1), `page ${page}`).toBe(String(page))
    for (const page of [1, pages]) expect(lines(page), `page ${page}`).not.toContain(String(page))
  })

  it('sets the document properties, with no reading direction', () => {
    const bytes = readFileSync(pdf, 'latin1')
    expect(bytes).toContain('/Lang (ar)')
    expect(bytes).not.toContain('/Direction')
    expect(bytes).toContain('/DisplayDocTitle true')
  })

  it('makes an EPUB that epubcheck passes with no error and no warning', () => {
    const check = epubcheck(path.join(out, 'russia-dprk-partnership.epub'))
    expect(check.errors, check.output).toEqual([])
    expect(check.warnings, check.output).toEqual([])
  })
})

describe('a paper with notes, an image and a table', () => {
  const pdf = path.join(out, 'sample-paper.pdf')
  const epub = path.join(out, 'sample-paper.epub')

  it('prints the notes, the table and the localized digits', () => {
    const flat = pdfText(pdf).replace(/\s+/g, ' ')
    expect(flat).toContain('بحسب بيانات وزارة النفط لعام')
    expect(flat).toContain('مقابلة أجراها المركز في بغداد')
    expect(flat).toContain('الإنتاج (مليون برميل)')
    expect(flat).toContain('The treaty is historic.')
    // Addresses keep their Latin digits and letters.
    expect(flat).toContain('www.example.org')
    expect(flat).toMatch(/٩ ?آذار ?٢٠٢٥/)
  })

  it('makes a valid right-to-left EPUB with notes beside their calls', async () => {
    const check = epubcheck(epub)
    expect(check.errors, check.output).toEqual([])
    expect(check.warnings, check.output).toEqual([])

    const entries = await epubEntries(epub)
    const opf = entries.get('OEBPS/content.opf')!
    expect(opf).toMatch(/<package [^>]*xml:lang="ar"[^>]*dir="rtl"/)
    expect(opf).toContain('page-progression-direction="rtl"')
    expect(opf).toContain('<dc:language>ar</dc:language>')
    const pages = [...entries].filter(([name]) => name.endsWith('.xhtml'))
    expect(pages.length).toBeGreaterThan(5)
    for (const [name, xhtml] of pages) {
      expect(xhtml, name).toMatch(/<html [^>]*xml:lang="ar"[^>]*lang="ar"[^>]*dir="rtl"/)
    }
    // Every note call points to a footnote in the same file.
    let calls = 0
    for (const [name, xhtml] of pages) {
      for (const match of xhtml.matchAll(/<a [^>]*epub:type="noteref"[^>]*>/g)) {
        calls++
        const target = /href="#([^"]+)"/.exec(match[0])![1]!
        expect(xhtml, `${name} → ${target}`).toMatch(new RegExp(`<aside [^>]*id="${target}"[^>]*epub:type="footnote"`))
      }
    }
    expect(calls).toBe(2)
    // The image was packaged, not fetched from anywhere else.
    expect(opf).toMatch(/href="images\/image-\d+\.png" media-type="image\/png"/)
  })

  it('writes the web edition with its assets', () => {
    const html = readFileSync(path.join(out, 'sample-paper', 'index.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/)
    expect(html).toContain('src="images/1.png"')
    expect(readFileSync(path.join(out, 'sample-paper', 'images', '1.png')).length).toBeGreaterThan(0)
  })

  it('gives the same bytes for the same input', async () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'press-e2e-again-'))
    const second = await build({paths: [sample], out: again, formats: ['pdf', 'epub'], cwd: projectFolder})
    expect(second.ok).toBe(true)
    expect(readFileSync(path.join(again, 'sample-paper.pdf')).equals(readFileSync(pdf)), 'PDF').toBe(true)
    expect(readFileSync(path.join(again, 'sample-paper.epub')).equals(readFileSync(epub)), 'EPUB').toBe(true)
  })
})

describe('a batch with a broken manuscript', () => {
  it('builds the others, reports the error with its place, and writes nothing for it', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'press-e2e-batch-'))
    writeFileSync(
      path.join(folder, 'good.md'),
      ['---', 'title: ورقة سليمة', 'authors: [كاتب]', 'date: 2024-10-31', '---', '', 'نص سليم.'].join('\n')
    )
    writeFileSync(
      path.join(folder, 'bad.md'),
      ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-13-01', '---', '', 'نص.'].join('\n')
    )
    const target = path.join(folder, 'dist')
    const batch = await build({paths: [folder], out: target, formats: ['epub'], cwd: folder})
    expect(batch.ok).toBe(false)
    expect(batch.results.map((entry) => [entry.manuscript.slug, entry.ok, entry.file!.messages.map(String)])).toEqual([
      ['bad', false, ['bad.md:4:7: `date` must be a calendar date written YYYY-MM-DD (got "2024-13-01")']],
      ['good', true, []]
    ])
    expect(batch.results[1]!.outputs).toEqual(['dist/good.epub'])
    expect(readdirSync(target).filter((name) => !name.startsWith('.'))).toEqual(['good.epub'])
  })
})
