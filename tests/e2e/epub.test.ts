import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import sharp from 'sharp'
import {beforeAll, describe, expect, it} from 'vitest'
import {build, projectFolder} from '../../src/run/build.js'
import {findBrowser} from '../../src/outputs/pdf/browser.js'
import {ace, epubcheck, epubEntries} from '../helpers/tools.js'

const sample = path.join(projectFolder, 'tests', 'fixtures', 'manuscripts', 'sample-paper')
const out = mkdtempSync(path.join(os.tmpdir(), 'press-epub-'))
const epub = path.join(out, 'sample-paper.epub')
let entries: Map<string, string>

beforeAll(async () => {
  const result = await build({paths: [sample], out, formats: ['epub'], cwd: projectFolder})
  expect(result.ok).toBe(true)
  entries = await epubEntries(epub)
}, 300_000)

describe('the e-book', () => {
  it('passes epubcheck with the default profile, with no error and no warning', () => {
    const check = epubcheck(epub, ['--profile', 'default'])
    expect(check.errors, check.output).toEqual([])
    expect(check.warnings, check.output).toEqual([])
  })

  it('passes DAISY Ace with no violation', () => {
    const result = ace(epub, findBrowser())
    expect(result.violations).toEqual([])
    expect(result.outcome).toBe('pass')
  }, 300_000)

  it("has the printed cover as its cover image: 1400 pixels wide, the trim's proportions, the brand's navy", async () => {
    const zip = await JSZip.loadAsync(readFileSync(epub))
    const jpeg = await zip.file('OEBPS/images/image-1.jpeg')!.async('nodebuffer')
    const {data, info} = await sharp(jpeg).raw().toBuffer({resolveWithObject: true})
    expect([info.width, info.height]).toEqual([1400, Math.round((1400 * 297) / 210)])
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)
    ]
    // #14284B at a corner (JPEG may move each channel a little), and the white title somewhere in the middle.
    for (const [channel, value] of pixel(5, 5).entries())
      expect(Math.abs(value - [0x14, 0x28, 0x4b][channel]!)).toBeLessThan(8)
    let white = 0
    for (let y = Math.round(info.height * 0.4); y < info.height * 0.65; y += 3)
      for (let x = 200; x < 1200; x += 3) if (pixel(x, y).every((value) => value > 235)) white++
    expect(white).toBeGreaterThan(500)
  })

  it('trims the bleed off the cover when the PDF is printed with bleed', async () => {
    const bled = mkdtempSync(path.join(os.tmpdir(), 'press-epub-bleed-'))
    const result = await build({paths: [sample], out: bled, formats: ['pdf', 'epub'], bleed: 3, cwd: projectFolder})
    expect(result.ok).toBe(true)
    const cover = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file))
      return sharp(await zip.file('OEBPS/images/image-1.jpeg')!.async('nodebuffer'))
        .raw()
        .toBuffer({resolveWithObject: true})
    }
    const [plain, trimmed] = await Promise.all([cover(epub), cover(path.join(bled, 'sample-paper.epub'))])
    expect([trimmed.info.width, trimmed.info.height]).toEqual([plain.info.width, plain.info.height])
    // The same picture: the frame and the lettering where they are without bleed.
    let difference = 0
    for (let index = 0; index < plain.data.length; index++)
      difference += Math.abs(plain.data[index]! - trimmed.data[index]!)
    expect(difference / plain.data.length).toBeLessThan(3)
  }, 120_000)

  it('opens with the cover, stored as a cover image and first in the reading order', () => {
    const opf = entries.get('OEBPS/content.opf')!
    expect(opf).toMatch(
      /<item id="image-1" href="images\/image-1\.jpeg" media-type="image\/jpeg" properties="cover-image"\/>/
    )
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((match) => match[1])
    const files = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1], match[2]]))
    expect(spine.map((id) => files.get(id!))).toEqual([
      'cover.xhtml',
      'title-page.xhtml',
      'rights.xhtml',
      'abstract.xhtml',
      'toc.xhtml',
      'section-01.xhtml',
      'section-02.xhtml',
      'section-03.xhtml',
      'section-04.xhtml',
      'section-05.xhtml',
      'section-06.xhtml',
      'about.xhtml'
    ])
    expect(entries.get('OEBPS/cover.xhtml')).toMatch(
      /<section class="cover-page" epub:type="cover"><img class="cover-image" src="images\/image-1\.jpeg" alt="الغلاف: أمن الطاقة في العراق" role="doc-cover"\/>/
    )
  })

  it('lists every heading in the nav, and the landmarks, in Arabic', () => {
    const nav = entries.get('OEBPS/toc.xhtml')!
    expect(nav).toContain('<h1 id="toc-title">المحتويات</h1>')
    for (const heading of [
      'الإطار العام',
      'المؤشرات الرئيسية',
      'السيناريو الأول',
      'السيناريو الثاني',
      'التوصيات',
      'الخاتمة'
    ]) {
      expect(nav).toContain(`<span class="toc-text">${heading}</span>`)
    }
    expect(nav).toMatch(
      /epub:type="landmarks"[\s\S]*epub:type="cover" href="cover\.xhtml">الغلاف<[\s\S]*epub:type="toc"[\s\S]*epub:type="bodymatter" href="section-01\.xhtml"/
    )
  })

  it('resolves every link inside the book', () => {
    const ids = new Map<string, Set<string>>()
    for (const [name, xhtml] of entries) {
      if (name.endsWith('.xhtml'))
        ids.set(path.basename(name), new Set([...xhtml.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!)))
    }
    let links = 0
    for (const [name, xhtml] of entries) {
      if (!name.endsWith('.xhtml')) continue
      for (const [, href] of xhtml.matchAll(/<a [^>]*href="([^"]+)"/g)) {
        if (/^[a-z]+:/.test(href!)) continue
        links++
        const [file, fragment] = href!.split('#')
        const target = file || path.basename(name)
        expect(ids.has(target), `${name} → ${href}`).toBe(true)
        if (fragment) expect(ids.get(target)!.has(decodeURIComponent(fragment)), `${name} → ${href}`).toBe(true)
      }
    }
    expect(links).toBeGreaterThan(10)
  })

  it('carries bibliographic and accessibility metadata', () => {
    const opf = entries.get('OEBPS/content.opf')!
    expect(opf).toMatch(
      /<dc:identifier id="book-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/dc:identifier>/
    )
    expect(opf).toContain('<dc:title id="subtitle">خيارات السياسة العامة حتى عام 2030</dc:title>')
    expect(opf).toContain('<meta refines="#creator-1" property="role" scheme="marc:relators">aut</meta>')
    expect(opf).toContain('<dc:publisher>مركز حمورابي للبحوث والدراسات الاستراتيجية</dc:publisher>')
    expect(opf).toContain('<meta property="dcterms:modified">2025-03-09T00:00:00Z</meta>')
    expect(opf).toContain('<dc:subject>الطاقة</dc:subject>')
    for (const property of [
      'accessMode',
      'accessModeSufficient',
      'accessibilityFeature',
      'accessibilityHazard',
      'accessibilitySummary'
    ]) {
      expect(opf).toContain(`<meta property="schema:${property}">`)
    }
    expect(opf).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>')
  })

  it('stores the mimetype first, uncompressed, and embeds subset fonts', () => {
    const bytes = readFileSync(epub)
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50)
    expect(bytes.readUInt16LE(8)).toBe(0)
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype')
    expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip')
    const opf = entries.get('OEBPS/content.opf')!
    expect(opf).toContain('href="fonts/NotoNaskhArabic-Regular.woff2" media-type="font/woff2"')
    expect(entries.get('OEBPS/style.css')).toContain('src: url("fonts/NotoNaskhArabic-Regular.woff2")')
    expect(entries.get('OEBPS/style.css')).not.toMatch(/(^|[;{\s])direction\s*:/)
    // Whole Arabic block kept, Latin cut to what the book uses: far smaller than the font files.
    expect(bytes.length).toBeLessThan(600_000)
  })
})

describe('e-book errors', () => {
  it('refuses a remote image with a positioned message', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'press-epub-errors-'))
    mkdirSync(path.join(folder, 'remote'))
    writeFileSync(
      path.join(folder, 'remote', 'index.md'),
      [
        '---',
        'title: ورقة',
        'authors: [كاتب]',
        'date: 2024-10-31',
        '---',
        '',
        '![خريطة](https://example.org/map.png)'
      ].join('\n')
    )
    const result = await build({
      paths: [path.join(folder, 'remote')],
      out: path.join(folder, 'dist'),
      formats: ['epub'],
      cwd: folder
    })
    expect(result.ok).toBe(false)
    expect(result.results[0]!.file!.messages.map(String)).toEqual([
      'remote/index.md:7:1: Remote image `https://example.org/map.png`: save the file beside the manuscript and refer to it by its name, since builds never use the network'
    ])
  })

  it('warns about an image without alternative text and then claims no conformance', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'press-epub-alt-'))
    writeFileSync(
      path.join(folder, 'index.md'),
      ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31', '---', '', '![](chart.png)'].join('\n')
    )
    writeFileSync(path.join(folder, 'chart.png'), readFileSync(path.join(sample, 'chart.png')))
    const result = await build({paths: [folder], out: path.join(folder, 'dist'), formats: ['epub'], cwd: folder})
    expect(result.ok).toBe(true)
    expect(result.results[0]!.file!.messages.map((message) => message.ruleId)).toEqual(['image-alt'])
    const built = await epubEntries(path.join(folder, 'dist', `${path.basename(folder)}.epub`))
    expect(built.get('OEBPS/content.opf')).not.toContain('dcterms:conformsTo')
    expect(built.get('OEBPS/content.opf')).not.toContain('alternativeText')
    expect([...built.values()].join('')).not.toContain('image-placeholder')
  })
})
