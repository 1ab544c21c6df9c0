import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {loadBrand} from '../../src/brand/brand.js'
import {projectFolder} from '../../src/run/build.js'
import {resolveBuildOptions} from '../../src/config/options.js'
import {manuscriptAt, readManuscript} from '../../src/manuscript/read.js'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {geometryOf} from '../../src/outputs/pdf/geometry.js'
import {printPage, printPdf} from '../../src/outputs/pdf/print.js'
import {createDocument} from '../../src/pipeline/create-document.js'

/** A block of a page as laid out: what the pagination tests look at. */
export interface LaidOutBlock {
  tag: string
  classes: string[]
  text: string
  /** Line boxes of its text. */
  lines: number
  /** An ordered list's first number. */
  start?: number
  /** A list's items: their classes, text and marker (`none` when they show none). */
  items?: Array<{classes: string[]; text: string; marker: string}>
  /** A table's header row and its body rows, as text. */
  header?: string
  rows?: string[]
}

export interface LaidOutPage {
  /** 1-based, as printed. */
  number: number
  /** The flow a sheet belongs to (`body`, `abstract`, `contents`), or the fixed page's class (`rights-page` …). */
  part: string
  /** A sheet's blocks, in order (fixed pages have none). */
  blocks: LaidOutBlock[]
  text: string
  /** A sheet's height, and the height its text and notes take, in CSS pixels (0 on fixed pages). */
  height: number
  filled: number
  /** The notes called in a sheet's text, each once, in order of their calls. */
  calls: string[]
  /** The notes at a sheet's foot, in order: `continued` when it is the rest of a note begun on the page before. */
  notes: Array<{id: string; continued: boolean}>
}

/** An entry of the contents: the number printed beside it and the page its heading is on. */
export interface ContentsEntry {
  heading: string
  folio: string
  page: number
}

export interface LaidOut {
  pages: LaidOutPage[]
  contents: ContentsEntry[]
  /** One page's text area as the geometry gives it, in CSS pixels. */
  textArea: number
  /** The PDF Chromium printed from that layout (not post-processed: the same pages and text). */
  pdf: string
}

export interface LayOutOptions {
  /**
   * The publication's HTML instead of the manuscript's (its flows, and the notes they call, at least):
   * a small fixture, printed with the manuscript's front matter, template and geometry.
   */
  body?: string
}

/**
 * Prints a manuscript as the build does (same pipeline, template, geometry and pagination), then reads the
 * paginated page through the same DevTools connection: each page's blocks with their line counts, list
 * numbers and table rows, which the PDF alone does not say.
 */
export async function layOut(manuscriptFile: string, pdfFile: string, options: LayOutOptions = {}): Promise<LaidOut> {
  const brand = await loadBrand(path.join(projectFolder, 'templates', 'hammurabi'), path.join(projectFolder, 'fonts'))
  const manuscript = manuscriptAt(manuscriptFile)
  const file = await readManuscript(manuscript, manuscript.folder)
  const document = await createDocument(manuscript, file, brand.data.labels)
  if (!document) throw new Error(`${manuscriptFile} does not build: ${file.messages.map(String).join('; ')}`)
  const geometry = geometryOf(document, brand)
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    const publication = printPage(document, brand, geometry)
    if (options.body !== undefined) publication.parts.body = options.body
    const printed = await printPdf(page, publication, geometry, {
      folders: [document.folder, brand.folder, brand.fontsFolder],
      timeout: resolveBuildOptions({}).timeout * 1000
    })
    writeFileSync(pdfFile, printed.pdf)
    const pages = await page.evaluate(describePages)
    const contents = await page.evaluate(describeContents)
    const textArea = ((geometry.trimHeight - geometry.margins.top - geometry.margins.bottom) * 96) / 25.4
    return {pages, contents, textArea, pdf: pdfFile}
  } finally {
    await browser.close()
  }
}

/** Runs in the page, handed to `page.evaluate`: it must stand alone. */
function describePages(): LaidOutPage[] {
  const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
  // Lines: text boxes that do not overlap vertically (a raised note call shares its line's box).
  const lineCount = (element: Element): number => {
    const boxes: DOMRect[] = []
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node)
      for (const box of range.getClientRects()) if (box.width > 0 && box.height > 0) boxes.push(box)
    }
    boxes.sort((a, b) => a.top - b.top)
    let lines = 0
    let bottom = Number.NEGATIVE_INFINITY
    for (const box of boxes) {
      if (box.top >= bottom - 1) {
        lines++
        bottom = box.bottom
      } else {
        bottom = Math.max(bottom, box.bottom)
      }
    }
    return lines
  }
  const describe = (element: Element): LaidOutBlock => {
    const block: LaidOutBlock = {
      tag: element.tagName.toLowerCase(),
      classes: [...element.classList],
      text: flat(element.textContent),
      lines: lineCount(element)
    }
    if (element instanceof HTMLOListElement) block.start = element.start
    if (element instanceof HTMLOListElement || element instanceof HTMLUListElement) {
      block.items = [...element.querySelectorAll(':scope > li')].map((item) => ({
        classes: [...item.classList],
        text: flat(item.textContent),
        marker: getComputedStyle(item, '::marker').content
      }))
    }
    if (element instanceof HTMLTableElement) {
      block.header = flat(element.tHead?.textContent ?? '')
      block.rows = [...(element.tBodies[0]?.rows ?? [])].map((row) => flat(row.textContent))
    }
    return block
  }
  const calls = (body: Element | null): string[] => [
    ...new Set(
      [...(body?.querySelectorAll('a[data-footnote-ref]') ?? [])].map((call) =>
        decodeURIComponent(call.getAttribute('href')!.slice(1))
      )
    )
  ]
  const notes = (foot: HTMLElement | null) =>
    foot && !foot.hidden
      ? [...foot.querySelectorAll<HTMLElement>('li.note')].map((note) => ({
          id: note.dataset.note ?? note.id,
          continued: note.classList.contains('note-continued')
        }))
      : []
  return [...document.querySelectorAll<HTMLElement>('.page, .sheet')].map((box, index) => {
    const sheet = box.classList.contains('sheet')
    const body = box.querySelector<HTMLElement>('.sheet-body')
    const foot = box.querySelector<HTMLElement>('.sheet-notes')
    return {
      number: index + 1,
      part: sheet
        ? (box.closest<HTMLElement>('[data-flow]')?.dataset.flow ?? '')
        : ([...box.classList].find((name) => name !== 'page') ?? ''),
      blocks: sheet ? [...body!.children].map(describe) : [],
      text: flat(box.innerText),
      height: sheet ? box.getBoundingClientRect().height : 0,
      filled: sheet
        ? body!.getBoundingClientRect().height + (foot!.hidden ? 0 : foot!.getBoundingClientRect().height)
        : 0,
      calls: sheet ? calls(body) : [],
      notes: sheet ? notes(foot) : []
    }
  })
}

/** Runs in the page: each contents entry, its printed number and the page its heading is on. */
function describeContents(): ContentsEntry[] {
  const boxes = [...document.querySelectorAll('.page, .sheet')]
  return [...document.querySelectorAll<HTMLElement>('.toc-page')].map((folio) => {
    const link = folio.closest('a')!
    const heading = document.getElementById(decodeURIComponent(link.getAttribute('href')!.slice(1)))!
    const box = heading.closest('.page, .sheet')!
    return {heading: (heading.textContent ?? '').trim(), folio: folio.textContent ?? '', page: boxes.indexOf(box) + 1}
  })
}
