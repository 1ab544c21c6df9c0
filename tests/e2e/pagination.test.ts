import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import {beforeAll, describe, expect, it} from 'vitest'
import {layOut, type LaidOut, type LaidOutBlock, type LaidOutPage} from '../helpers/layout.js'
import {pdfPageCount, pdfText, plainArabic} from '../helpers/tools.js'

/**
 * The README's pagination claims, checked on the page as laid out (through the same DevTools connection the
 * printer uses: line boxes, list numbers and table rows) and on the PDF printed from it. Notes at the foot
 * of their call's page are checked in print.test.ts.
 */

const headingLevels = [2, 3, 4, 5, 6, 3, 4, 5, 6, 4, 5, 6]
let sentences = 0

/** Numbered sentences, so that where a paragraph was cut shows in the text. */
function paragraph(count: number): string {
  return Array.from(
    {length: count},
    () => `هذه هي الجملة ${++sentences} من نص الاختبار، وهي تصف جانباً من الموضوع وصفاً موجزاً.`
  ).join(' ')
}

function paragraphs(...counts: number[]): string[] {
  return counts.flatMap((count) => [paragraph(count), ''])
}

/** A run of headings with nothing between them: `##`, `###` … `######`, then back up, `size` of them. */
function headingRun(name: string, size: number): string[] {
  return headingLevels.slice(0, size).flatMap((level, index) => [`${'#'.repeat(level)} عنوان ${name}-${index + 1}`, ''])
}

const frontMatter = (title: string, ...extra: string[]) => [
  '---',
  `title: ${title}`,
  'authors: [باحث المركز]',
  'date: 2025-01-15',
  ...extra,
  '---',
  ''
]

/** Text, runs of headings at different heights of a page, a long list, a long table, a figure after headings. */
function flowingPaper(): string {
  sentences = 0
  const item = (index: number) =>
    `${index}. البند ${index}: ${Array.from({length: 6 + ((index * 5) % 9)}, () => 'يشرح هذا البند وجهاً من وجوه المسألة').join('، ')}.`
  return [
    ...frontMatter('ورقة لاختبار تقسيم الصفحات', 'keywords: [تقسيم الصفحات, العناوين, القوائم]'),
    ...paragraphs(7, 3, 11, 5),
    ...headingRun('أ', 12),
    ...paragraphs(9, 4, 13),
    ...Array.from({length: 30}, (_, index) => item(index + 1)),
    '',
    ...paragraphs(6, 8, 3),
    ...headingRun('ب', 6),
    ...paragraphs(10, 5, 12, 4),
    '| البند | القيمة |',
    '| --- | --- |',
    ...Array.from({length: 40}, (_, index) => `| صف ${index + 1} | ${(index + 1) * 7} |`),
    '',
    ...paragraphs(6, 9),
    ...headingRun('ج', 3),
    '![شكل بعد العناوين](chart.png)',
    '',
    ...paragraphs(8, 5, 11),
    ...headingRun('د', 12),
    ...paragraphs(9, 7, 4, 12, 6)
  ].join('\n')
}

/**
 * A run of headings taller than what a page has left beside the tall figure after it; then a list whose
 * second item is taller than a page.
 */
function crowdedPaper(): string {
  sentences = 0
  const long = Array.from({length: 160}, () => 'يطول هذا البند أكثر من صفحة كاملة').join('، ')
  return [
    ...frontMatter('ورقة عناوين قبل شكل طويل'),
    ...paragraphs(9, 6),
    ...headingRun('هـ', 12),
    '![شكل طويل](tall.png)',
    '',
    ...paragraphs(8, 5),
    '1. البند 1: بند قصير.',
    `2. البند 2: ${long}.`,
    '3. البند 3: بند قصير.',
    ''
  ].join('\n')
}

/**
 * Sections whose paragraphs call notes, one note longer than a page's foot can hold; a contents page in
 * Arabic-Indic digits; a code block and an address, each longer than a page.
 */
function annotatedPaper(): string {
  sentences = 0
  const notes: string[] = []
  const call = () => {
    const number = notes.length + 1
    const long =
      number === 4
        ? Array.from({length: 300}, () => 'هامش طويل يمتد على أسطر كثيرة').join('، ')
        : `نص الهامش رقم ${number}`
    notes.push(`[^n${number}]: ${long}.`)
    return `[^n${number}]`
  }
  const section = (index: number) => [
    `## القسم ${index}`,
    '',
    ...[5, 9, 4].flatMap((count) => [paragraph(count) + call(), ''])
  ]
  const address = `https://example.org/${Array.from({length: 500}, (_, index) => `part${index + 1}`).join('/')}`
  return [
    ...frontMatter('ورقة الهوامش والفهرس', 'toc: true', 'digits: arabic-indic'),
    ...section(1),
    ...section(2),
    '```',
    ...Array.from({length: 90}, (_, index) => `const line${index + 1} = ${index + 1}`),
    '```',
    '',
    ...section(3),
    address,
    '',
    ...section(4),
    ...section(5),
    ...notes
  ].join('\n')
}

/** A flow holding text of its own before its paragraphs, which only hand-written HTML can have. */
function strayTextBody(): string {
  sentences = 0
  const paragraphs = Array.from({length: 12}, () => `<p>${paragraph(6)}</p>`).join('\n')
  return `<main class="body" id="text" data-flow="body">\nنص خارج الفقرات\n${paragraphs}\n</main>`
}

const work = mkdtempSync(path.join(os.tmpdir(), 'press-pagination-'))
let flowing: LaidOut
let crowded: LaidOut
let annotated: LaidOut
let stray: LaidOut
/** Sentences the paragraphs of the stray-text fixture have. */
let straySentences = 0
/** Sentences the flowing paper has. */
let flowingSentences = 0

beforeAll(async () => {
  const chart = await sharp({create: {width: 640, height: 320, channels: 3, background: '#14284b'}})
    .png()
    .toBuffer()
  const tall = await sharp({create: {width: 400, height: 900, channels: 3, background: '#b8924a'}})
    .png()
    .toBuffer()
  const flowingText = flowingPaper()
  flowingSentences = sentences
  for (const [name, text, image, data] of [
    ['flowing', flowingText, 'chart.png', chart],
    ['crowded', crowdedPaper(), 'tall.png', tall]
  ] as const) {
    mkdirSync(path.join(work, name))
    writeFileSync(path.join(work, name, 'index.md'), text)
    writeFileSync(path.join(work, name, image), data)
  }
  mkdirSync(path.join(work, 'annotated'))
  writeFileSync(path.join(work, 'annotated', 'index.md'), annotatedPaper())
  flowing = await layOut(path.join(work, 'flowing', 'index.md'), path.join(work, 'flowing.pdf'))
  crowded = await layOut(path.join(work, 'crowded', 'index.md'), path.join(work, 'crowded.pdf'))
  annotated = await layOut(path.join(work, 'annotated', 'index.md'), path.join(work, 'annotated.pdf'))
  const body = strayTextBody()
  straySentences = sentences
  stray = await layOut(path.join(work, 'crowded', 'index.md'), path.join(work, 'stray.pdf'), {body})
}, 300_000)

const bodyPages = (laidOut: LaidOut) => laidOut.pages.filter((page) => page.part === 'body')
const sheets = (laidOut: LaidOut) => laidOut.pages.filter((page) => page.part !== '' && page.blocks.length > 0)
/** The numbered sentences of the PDF's pages, in the order they are printed. */
const printedSentences = (laidOut: LaidOut, pages: LaidOutPage[]) => {
  const text = pages.map((page) => plainArabic(pdfText(laidOut.pdf, {first: page.number, last: page.number}))).join(' ')
  return [...text.matchAll(/الجملة (\d+)/g)].map((match) => Number(match[1]))
}
const arabicIndic = (value: number) =>
  String(value).replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)))
const isHeading = (block: LaidOutBlock) => /^h[1-6]$/.test(block.tag)
/** Consecutive pages of the body, each with the next. */
const pageBreaks = (laidOut: LaidOut): Array<[LaidOutPage, LaidOutPage]> =>
  bodyPages(laidOut)
    .slice(0, -1)
    .map((page, index) => [page, bodyPages(laidOut)[index + 1]!])

describe('pagination', () => {
  it('prints each laid-out page as one page of the PDF', () => {
    expect(pdfPageCount(flowing.pdf)).toBe(flowing.pages.length)
    expect(pdfPageCount(crowded.pdf)).toBe(crowded.pages.length)
    expect(pdfPageCount(annotated.pdf)).toBe(annotated.pages.length)
    expect(bodyPages(flowing).length).toBeGreaterThan(8)
  })

  it("makes every sheet one page's text area tall (less a hair), its text and notes inside it", () => {
    // The hair: 0.3 mm, so that rounding never pushes a sheet onto a page of its own.
    const hair = (0.3 * 96) / 25.4
    for (const laidOut of [flowing, annotated]) {
      expect(sheets(laidOut).length).toBeGreaterThanOrEqual(8)
      for (const page of sheets(laidOut)) {
        expect(Math.abs(page.height - (laidOut.textArea - hair)), `page ${page.number}: ${page.height}`).toBeLessThan(
          0.5
        )
        expect(page.filled, `page ${page.number}`).toBeLessThanOrEqual(page.height + 0.5)
      }
    }
  })

  it('puts at the foot of each sheet the notes called in its text, in the order of their calls, and no other', () => {
    const withNotes = sheets(annotated).filter((page) => page.notes.length > 0)
    expect(withNotes.length).toBeGreaterThanOrEqual(5)
    for (const page of sheets(annotated)) {
      expect(
        page.notes.filter((note) => !note.continued).map((note) => note.id),
        `page ${page.number}`
      ).toEqual(page.calls)
    }
    expect(sheets(annotated).flatMap((page) => page.calls)).toEqual(
      Array.from({length: 15}, (_, index) => `fn-n${index + 1}`)
    )
  })

  it('continues a note too long for its page first at the foot of the next sheet', () => {
    const continuing = sheets(annotated).filter((page) => page.notes.some((note) => note.continued))
    expect(continuing.length).toBeGreaterThanOrEqual(1)
    for (const page of continuing) {
      const before = annotated.pages[page.number - 2]!
      expect(page.notes[0]!.continued, `page ${page.number}`).toBe(true)
      expect(
        before.notes.map((note) => note.id),
        `page ${page.number}`
      ).toContain(page.notes[0]!.id)
      expect(
        page.notes.slice(1).some((note) => note.continued),
        `page ${page.number}`
      ).toBe(false)
    }
    expect(continuing[0]!.notes[0]!.id).toBe('fn-n4')
  })

  it('splits paragraphs between lines, with two lines at least on each side', () => {
    const splits = pageBreaks(flowing).filter(
      ([page, next]) => page.blocks.at(-1)!.tag === 'p' && next.blocks[0]!.classes.includes('split-end')
    )
    expect(splits.length).toBeGreaterThanOrEqual(3)
    for (const [page, next] of splits) {
      const [before, after] = [page.blocks.at(-1)!, next.blocks[0]!]
      expect(before.classes, `page ${page.number}`).toContain('split-start')
      expect(before.lines, `page ${page.number}: ${before.text.slice(-60)}`).toBeGreaterThanOrEqual(2)
      expect(after.lines, `page ${next.number}: ${after.text.slice(0, 60)}`).toBeGreaterThanOrEqual(2)
    }
    // Nothing lost or repeated where a page breaks: the printed sentences run 1, 2, 3 … in order.
    expect(printedSentences(flowing, bodyPages(flowing))).toEqual(
      Array.from({length: flowingSentences}, (_, index) => index + 1)
    )
  })

  it('splits a code block between lines, two at least on each side, every line once and in order', () => {
    const parts = bodyPages(annotated).flatMap((page) =>
      page.blocks.filter((block) => block.tag === 'pre').map((block) => ({page: page.number, block}))
    )
    expect(parts.length).toBeGreaterThanOrEqual(2)
    parts.forEach(({page, block}, index) => {
      expect(block.lines, `page ${page}`).toBeGreaterThanOrEqual(2)
      if (index > 0) expect(block.classes, `page ${page}`).toContain('split-end')
      if (index < parts.length - 1) expect(block.classes, `page ${page}`).toContain('split-start')
    })
    const numbers = [
      ...parts
        .map(({block}) => block.text)
        .join(' ')
        .matchAll(/const line(\d+) = \1/g)
    ].map((match) => Number(match[1]))
    expect(numbers).toEqual(Array.from({length: 90}, (_, index) => index + 1))
  })

  it('splits an address longer than a page between letters, two lines at least on each side, every letter once', () => {
    const parts = bodyPages(annotated).flatMap((page) =>
      page.blocks.filter((block) => /part\d+\//.test(block.text)).map((block) => ({page: page.number, block}))
    )
    expect(parts.length).toBeGreaterThanOrEqual(2)
    for (const {page, block} of parts) expect(block.lines, `page ${page}`).toBeGreaterThanOrEqual(2)
    expect(parts.map(({block}) => block.text.replace(/[\s\u200e\u200f]/g, '')).join('')).toBe(
      `https://example.org/${Array.from({length: 500}, (_, index) => `part${index + 1}`).join('/')}`
    )
  })

  it('splits lists only between items, the numbering going on from where it stopped', () => {
    const parts = bodyPages(flowing).flatMap((page) =>
      page.blocks.filter((block) => block.tag === 'ol').map((list) => ({page: page.number, list}))
    )
    expect(parts.length).toBeGreaterThanOrEqual(2)
    let next = 1
    for (const {page, list} of parts) {
      expect(list.start, `page ${page}`).toBe(next)
      for (const item of list.items!) {
        expect(item.classes, `page ${page}: ${item.text.slice(0, 30)}`).not.toContain('split-end')
        expect(item.marker, `page ${page}: ${item.text.slice(0, 30)}`).not.toBe('none')
        expect(
          item.text.startsWith(`البند ${next}:`),
          `page ${page}: item ${next} is «${item.text.slice(0, 30)}»`
        ).toBe(true)
        next++
      }
      expect(list.classes, `page ${page}`).not.toContain('split-start')
    }
    expect(next).toBe(31)
  })

  it('splits tables between rows, each part under the header row', () => {
    const parts = bodyPages(flowing).flatMap((page) => page.blocks.filter((block) => block.tag === 'table'))
    expect(parts.length).toBeGreaterThanOrEqual(2)
    for (const part of parts) {
      expect(part.header).toBe('البند القيمة')
      expect(part.rows!.length).toBeGreaterThanOrEqual(2)
    }
    expect(parts.flatMap((part) => part.rows)).toEqual(
      Array.from({length: 40}, (_, index) => `صف ${index + 1} ${(index + 1) * 7}`)
    )
  })

  it('never ends a page with a heading', () => {
    for (const page of bodyPages(flowing))
      expect(isHeading(page.blocks.at(-1)!), `page ${page.number}: ${page.blocks.at(-1)!.text}`).toBe(false)
  })

  it('moves a run of headings to a page whole', () => {
    for (const name of ['أ', 'ب', 'ج', 'د']) {
      const holding = bodyPages(flowing).filter((page) =>
        page.blocks.some((block) => isHeading(block) && block.text.startsWith(`عنوان ${name}-`))
      )
      expect(holding.length, name).toBe(1)
    }
  })

  it('never leaves a page holding only headings', () => {
    for (const page of bodyPages(flowing)) expect(page.blocks.every(isHeading), `page ${page.number}`).toBe(false)
  })

  it('keeps a run of headings on one page when what follows cannot share a page with it', () => {
    const holding = bodyPages(crowded).filter((page) => page.blocks.some(isHeading))
    expect(holding.length).toBe(1)
    expect(holding[0]!.blocks.filter(isHeading).map((block) => block.text)).toEqual(
      headingLevels.map((_, index) => `عنوان هـ-${index + 1}`)
    )
  })

  it('splits a list item taller than a page where it falls, the numbering going on', () => {
    const parts = bodyPages(crowded).flatMap((page) =>
      page.blocks.filter((block) => block.tag === 'ol').map((list) => ({page: page.number, list}))
    )
    expect(parts.length).toBeGreaterThanOrEqual(2)
    // Begun under the first item, not on a page of its own.
    expect(parts[0]!.list.items!.map((item) => item.text.slice(0, 8))).toEqual(['البند 1:', 'البند 2:'])
    for (const {list} of parts.slice(1)) {
      expect(list.start).toBe(2)
      // The rest of the item, with no second number.
      expect(list.items![0]!.classes).toContain('split-end')
      expect(list.items![0]!.marker).toBe('none')
    }
    expect(parts[0]!.list.items!.map((item) => item.marker)).not.toContain('none')
    expect(
      parts
        .at(-1)!
        .list.items!.map((item) => item.text.slice(0, 8))
        .at(-1)
    ).toBe('البند 3:')
  })

  it("numbers each contents entry with the page its heading is on, in the document's digits", () => {
    expect(annotated.contents.map((entry) => entry.heading)).toEqual(
      ['القسم 1', 'القسم 2', 'القسم 3', 'القسم 4', 'القسم 5'].map((heading) =>
        expect.stringContaining(heading.replace(/\d/, (digit) => arabicIndic(Number(digit))))
      )
    )
    for (const entry of annotated.contents) {
      expect(annotated.pages[entry.page - 1]!.part, entry.heading).toBe('body')
      expect(entry.folio, entry.heading).toBe(arabicIndic(entry.page))
    }
  })

  it('puts text lying directly in a flow in a paragraph of its own, printing every line of the pages after it', () => {
    expect(pdfPageCount(stray.pdf)).toBe(stray.pages.length)
    expect(stray.pages[0]!.blocks[0]).toMatchObject({tag: 'p', text: 'نص خارج الفقرات'})
    expect(printedSentences(stray, stray.pages)).toEqual(Array.from({length: straySentences}, (_, index) => index + 1))
    expect(stray.pages.length).toBeGreaterThanOrEqual(3)
  })

  it('puts keywords without an abstract on the rights page, not on a page of their own', () => {
    const withKeywords = flowing.pages.filter((page) => page.text.includes('تقسيم الصفحات، العناوين، القوائم'))
    expect(withKeywords.map((page) => page.part)).toEqual(['rights-page'])
    expect(withKeywords[0]!.text).toContain('حقوق النشر محفوظة')
    expect(flowing.pages.map((page) => page.part)).not.toContain('abstract')
    expect(
      plainArabic(pdfText(flowing.pdf, {first: withKeywords[0]!.number, last: withKeywords[0]!.number}))
    ).toContain('الكلمات المفتاحية')
  })
})
