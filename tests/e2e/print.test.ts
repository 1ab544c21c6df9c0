import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import {beforeAll, describe, expect, it} from 'vitest'
import {build, projectFolder} from '../../src/run/build.js'
import {box, destinationPages, flatten, loadPdf, outline} from '../helpers/pdf.js'
import {pdfPageCount, pdfText, plainArabic} from '../helpers/tools.js'

/**
 * A long paper made for the print checks: seven sections, twenty notes (one of them longer than half a
 * page), a figure, a table long enough to run over a page, lists. Built once with the real Chromium.
 */
function longPaper(): string {
  const sentence =
    'تتناول هذه الفقرة جانباً من جوانب الموضوع بالتحليل والمقارنة، وتعرض ما توصلت إليه الدراسات السابقة من نتائج'
  const paragraph = (n: number) => Array.from({length: 5 + (n % 4)}, () => sentence).join('، ') + '.'
  const lines = [
    '---',
    'title: ورقة طويلة لاختبار الطباعة',
    'shortTitle: ورقة الاختبار',
    'authors: [باحث المركز]',
    'date: 2025-01-15',
    'numbering: ordinal',
    'keywords: [اختبار, طباعة]',
    'abstract: ملخص الورقة.',
    '---',
    '',
    paragraph(0) + '[^n0]',
    ''
  ]
  let note = 1
  for (let section = 1; section <= 7; section++) {
    lines.push(`## القسم رقم ${section}`, '')
    if (section === 3) lines.push(`### فرع من القسم ${section}`, '')
    for (let p = 0; p < 3; p++) lines.push(paragraph(section + p) + `[^n${note++}]`, '')
    if (section === 2) {
      lines.push(
        '| البند | القيمة |',
        '| --- | --- |',
        ...Array.from({length: 45}, (_, i) => `| بند ${i + 1} | ${i * 3} |`),
        '',
        ': جدول طويل',
        ''
      )
    }
    if (section === 4) lines.push('![شكل للاختبار](chart.png)', '', '1. أولاً في القائمة.', '2. ثانياً في القائمة.', '')
  }
  lines.push('## الخاتمة {-}', '', 'خلاصة القول.', '')
  lines.push('[^n0]: هامش المقدمة.')
  for (let n = 1; n < note; n++) {
    lines.push(
      n === 5
        ? `[^n${n}]: ${Array.from({length: 110}, () => 'هامش طويل جداً يمتد على أسطر كثيرة ليختبر انتقال الهامش إلى الصفحة التالية').join('، ')}.`
        : `[^n${n}]: نص الهامش رقم ${n}.`
    )
  }
  return lines.join('\n')
}

const work = mkdtempSync(path.join(os.tmpdir(), 'press-print-'))
const folder = path.join(work, 'long-paper')
const pdfFile = path.join(work, 'out', 'long-paper.pdf')

beforeAll(async () => {
  mkdirSync(folder)
  writeFileSync(path.join(folder, 'index.md'), longPaper())
  writeFileSync(
    path.join(folder, 'chart.png'),
    readFileSync(path.join(projectFolder, 'tests/fixtures/manuscripts/sample-paper/chart.png'))
  )
  const result = await build({paths: [folder], out: path.join(work, 'out'), formats: ['pdf'], cwd: work})
  expect(result.results[0]!.file!.messages.map(String)).toEqual([])
  expect(result.ok).toBe(true)
}, 300_000)

describe('the print edition', () => {
  it('puts every note on the page of its call', async () => {
    const pdf = await loadPdf(pdfFile)
    const dests = destinationPages(pdf)
    const notes = [...dests.keys()].filter((name) => /^fn-/.test(name))
    expect(notes.length).toBe(22)
    for (const note of notes) {
      const call = dests.get(note.replace(/^fn-/, 'fnref-'))
      expect(call, note).toBeGreaterThan(0)
      expect(dests.get(note), note).toBe(call)
    }
  })

  it('continues a note too long for its page at the foot of the next', () => {
    const pages = pdfPageCount(pdfFile)
    const withLongNote = Array.from({length: pages}, (_, index) => index + 1).filter((page) =>
      plainArabic(pdfText(pdfFile, {first: page, last: page})).includes('هامش طويل جدا')
    )
    expect(withLongNote.length).toBe(2)
    expect(withLongNote[1]).toBe(withLongNote[0]! + 1)
    // At the foot: below every line of the text on both pages.
    for (const page of withLongNote) {
      const lines = pdfText(pdfFile, {first: page, last: page, layout: true}).split('\n').map(plainArabic)
      const lastOfText = lines.findLastIndex((line) => line.includes('تتناول'))
      expect(lastOfText, `page ${page}`).toBeGreaterThan(-1)
      expect(
        lines.findIndex((line) => line.includes('هامش طويل جدا')),
        `page ${page}`
      ).toBeGreaterThan(lastOfText)
    }
  })

  it('numbers every contents entry with the page its heading is on', () => {
    const contentsPage = 5
    const layout = pdfText(pdfFile, {first: contentsPage, last: contentsPage, layout: true})
    const entries = layout
      .split('\n')
      .map((line) => /^\s*(\d+)\s{2,}(\S.*?)\s*$/.exec(line))
      .filter((match) => match !== null)
    expect(entries.length).toBe(9)
    const pages = pdfPageCount(pdfFile)
    const pageTexts = Array.from({length: pages}, (_, index) =>
      plainArabic(pdfText(pdfFile, {first: index + 1, last: index + 1}))
    )
    for (const [, number, title] of entries) {
      // The heading's words, without its number (pdftotext puts the colon after the number at either end).
      const words = plainArabic(title!)
        .replace(/^[^:]*:\s*/, '')
        .trim()
      const found = pageTexts.findIndex((text, index) => index >= contentsPage && text.includes(words))
      expect(found + 1, title).toBe(Number(number))
    }
  })

  it('writes bookmarks with the headings’ words in order, opening at their pages', async () => {
    const pdf = await loadPdf(pdfFile)
    const items = outline(pdf)
    const titles = items.map((item) => item.title)
    expect(titles.slice(0, 3)).toEqual(['ورقة طويلة لاختبار الطباعة', 'الملخص', 'المحتويات'])
    expect(titles).toContain('أولاً: القسم رقم 1')
    expect(titles.at(-1)).toBe('الخاتمة')
    const third = items.find((item) => item.title === 'ثالثاً: القسم رقم 3')!
    expect(third.children.map((child) => child.title)).toEqual(['فرع من القسم 3'])
    for (const item of flatten(items)) {
      const text = plainArabic(pdfText(pdfFile, {first: item.page, last: item.page}))
      expect(text, item.title).toContain(plainArabic(item.title).replace(/^\S+: /, ''))
    }
  })

  it('sets language, document information and XMP, and no reading direction', async () => {
    const bytes = readFileSync(pdfFile, 'latin1')
    expect(bytes).toContain('/Lang (ar)')
    expect(bytes).not.toContain('/Direction')
    const pdf = await loadPdf(pdfFile)
    expect(pdf.getTitle()).toBe('ورقة طويلة لاختبار الطباعة')
    expect(pdf.getAuthor()).toBe('باحث المركز')
    expect(pdf.getSubject()).toBe('ملخص الورقة.')
    expect(pdf.getKeywords()).toBe('اختبار طباعة')
    expect(pdf.getCreator()).toBe('Hammurabi Press')
    const xmp = readFileSync(pdfFile, 'utf8')
    expect(xmp).toContain('<rdf:li xml:lang="x-default">ورقة طويلة لاختبار الطباعة</rdf:li>')
    expect(xmp).toContain('<xmp:CreateDate>2025-01-15T00:00:00Z</xmp:CreateDate>')
    expect(xmp).toContain('<rdf:li>باحث المركز</rdf:li>')
  })

  it('repeats the header row of a table that runs over a page', () => {
    const pages = pdfPageCount(pdfFile)
    const withHeader = Array.from({length: pages}, (_, index) => index + 1).filter((page) =>
      /البند\s+القيمة|القيمة\s+البند/.test(pdfText(pdfFile, {first: page, last: page}))
    )
    expect(withHeader.length).toBeGreaterThanOrEqual(2)
  })

  it('prints running heads and folios on text pages only', () => {
    const pages = pdfPageCount(pdfFile)
    const lines = (page: number) =>
      pdfText(pdfFile, {first: page, last: page})
        .trim()
        .split('\n')
        .map((line) => line.trim())
    // Abstract, contents and body: the centre's name and the short title above, the folio last.
    for (let page = 4; page < pages; page++) {
      const text = lines(page)
      expect(text.join(' '), `page ${page}`).toContain('مركز حمورابي')
      expect(text.join(' '), `page ${page}`).toContain('ورقة الاختبار')
      expect(text.at(-1), `page ${page}`).toBe(String(page))
    }
    // Cover, title, rights and back pages: neither (the cover and back page name the centre in full).
    for (const page of [1, 2, 3, pages]) {
      expect(lines(page).join(' '), `page ${page}`).not.toContain('ورقة الاختبار')
      expect(lines(page), `page ${page}`).not.toContain(String(page))
    }
  })

  it('has no blank page', () => {
    const pages = pdfPageCount(pdfFile)
    for (let page = 1; page <= pages; page++) {
      expect(pdfText(pdfFile, {first: page, last: page}).trim().length, `page ${page}`).toBeGreaterThan(10)
    }
  })

  it('prints with bleed: trim and bleed boxes 3 mm apart, and crop marks', async () => {
    const out = path.join(work, 'bleed')
    const result = await build({paths: [folder], out, formats: ['pdf'], cwd: work, bleed: 3})
    expect(result.ok).toBe(true)
    const pdf = await loadPdf(path.join(out, 'long-paper.pdf'))
    expect(
      await cropMarks(
        path.join(out, 'long-paper.pdf'),
        box(pdf, 0, 'MediaBox'),
        box(pdf, 0, 'BleedBox'),
        box(pdf, 0, 'TrimBox')
      )
    ).toEqual({
      marks: ['left bottom', 'left top', 'right bottom', 'right top'].flatMap((corner) => [
        `${corner} across`,
        `${corner} down`
      ]),
      strays: 0
    })
    const mm3 = (3 * 72) / 25.4
    for (const index of [0, 5, pdf.getPageCount() - 1]) {
      const trim = box(pdf, index, 'TrimBox')
      const bleed = box(pdf, index, 'BleedBox')
      const media = box(pdf, index, 'MediaBox')
      expect(trim[0]! - bleed[0]!).toBeCloseTo(mm3, 1)
      expect(trim[1]! - bleed[1]!).toBeCloseTo(mm3, 1)
      expect(bleed[2]! - trim[2]!).toBeCloseTo(mm3, 1)
      expect(bleed[3]! - trim[3]!).toBeCloseTo(mm3, 1)
      // A4 trim.
      expect(trim[2]! - trim[0]!).toBeCloseTo(595.28, 0)
      expect(trim[3]! - trim[1]!).toBeCloseTo(841.89, 0)
      expect(media[0]!).toBeLessThan(bleed[0]!)
    }
    expect(pdf.getPageCount()).toBe(pdfPageCount(pdfFile))
  })

  it('follows the page size of the front matter', async () => {
    const a5 = path.join(work, 'a5-paper')
    mkdirSync(a5)
    writeFileSync(path.join(a5, 'index.md'), longPaper().replace('date: 2025-01-15', 'date: 2025-01-15\npageSize: A5'))
    writeFileSync(path.join(a5, 'chart.png'), readFileSync(path.join(folder, 'chart.png')))
    const result = await build({paths: [a5], out: path.join(work, 'a5'), formats: ['pdf'], cwd: work})
    expect(result.ok).toBe(true)
    const pdf = await loadPdf(path.join(work, 'a5', 'a5-paper.pdf'))
    const {width, height} = pdf.getPage(0).getSize()
    expect(width).toBeCloseTo(419.53, 0)
    expect(height).toBeCloseTo(595.28, 0)
    expect(pdf.getPageCount()).toBeGreaterThan(pdfPageCount(pdfFile))
  })
})

/**
 * The crop marks of a page, as drawn: rendered at 300 dpi, the slug (outside the bleed box) is looked at
 * where each trim corner's two marks must be, and half-way between corners, where nothing may be.
 */
async function cropMarks(
  file: string,
  media: number[],
  bleed: number[],
  trim: number[]
): Promise<{marks: string[]; strays: number}> {
  const image = path.join(mkdtempSync(path.join(os.tmpdir(), 'press-marks-')), 'page')
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', file, image])
  const {data, info} = await sharp(`${image}.png`).raw().toBuffer({resolveWithObject: true})
  const scale = 300 / 72
  // Some dark pixel within two pixels of a point given in PDF units.
  const inkNear = (x: number, y: number) => {
    const [column, row] = [Math.round((x - media[0]!) * scale), Math.round((media[3]! - y) * scale)]
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++)
        if (data[((row + dy) * info.width + column + dx) * info.channels]! < 160) return true
    return false
  }
  // The middle of the slug's width beyond each edge of the bleed box.
  const beyond = {
    left: (media[0]! + bleed[0]!) / 2,
    right: (bleed[2]! + media[2]!) / 2,
    bottom: (media[1]! + bleed[1]!) / 2,
    top: (bleed[3]! + media[3]!) / 2
  }
  const marks: string[] = []
  for (const [side, x] of [
    ['left', trim[0]!],
    ['right', trim[2]!]
  ] as const) {
    for (const [end, y] of [
      ['bottom', trim[1]!],
      ['top', trim[3]!]
    ] as const) {
      if (inkNear(beyond[side], y)) marks.push(`${side} ${end} across`)
      if (inkNear(x, beyond[end])) marks.push(`${side} ${end} down`)
    }
  }
  const middle = {x: (trim[0]! + trim[2]!) / 2, y: (trim[1]! + trim[3]!) / 2}
  const strays = [
    inkNear(middle.x, beyond.top),
    inkNear(middle.x, beyond.bottom),
    inkNear(beyond.left, middle.y),
    inkNear(beyond.right, middle.y)
  ].filter(Boolean).length
  return {marks, strays}
}
