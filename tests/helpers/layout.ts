import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {loadBrand} from '../../src/brand/brand.js'
import {projectFolder} from '../../src/build/build.js'
import {resolveBuildOptions} from '../../src/config/options.js'
import {manuscriptAt, readManuscript} from '../../src/manuscript/read.js'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {geometryOf} from '../../src/outputs/pdf/geometry.js'
import {printPage, printPdf} from '../../src/outputs/pdf/print.js'
import {createDocument} from '../../src/pipeline/document.js'

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
}

export interface LaidOut {
  pages: LaidOutPage[]
  /** The PDF Chromium printed from that layout (not post-processed: the same pages and text). */
  pdf: string
}

/**
 * Prints a manuscript as the build does (same pipeline, template, geometry and pagination), then reads the
 * paginated page through the same DevTools connection: each page's blocks with their line counts, list
 * numbers and table rows, which the PDF alone does not say.
 */
export async function layOut(manuscriptFile: string, pdfFile: string): Promise<LaidOut> {
  const brand = await loadBrand(path.join(projectFolder, 'templates', 'hammurabi'), path.join(projectFolder, 'fonts'))
  const manuscript = manuscriptAt(manuscriptFile)
  const file = await readManuscript(manuscript, manuscript.folder)
  const document = await createDocument(manuscript, file, brand.data.labels)
  if (!document) throw new Error(`${manuscriptFile} does not build: ${file.messages.map(String).join('; ')}`)
  const geometry = geometryOf(document, brand)
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    const printed = await printPdf(page, printPage(document, brand, geometry), geometry, {
      folders: [document.folder, brand.folder, brand.fontsFolder],
      timeout: resolveBuildOptions({}).timeout * 1000
    })
    writeFileSync(pdfFile, printed.pdf)
    const pages = await page.evaluate(describePages)
    return {pages, pdf: pdfFile}
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
    const block: LaidOutBlock = {tag: element.tagName.toLowerCase(), classes: [...element.classList], text: flat(element.textContent), lines: lineCount(element)}
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
  return [...document.querySelectorAll('.page, .sheet')].map((box, index) => {
    const sheet = box.classList.contains('sheet')
    return {
      number: index + 1,
      part: sheet ? (box.closest<HTMLElement>('[data-flow]')?.dataset.flow ?? '') : [...box.classList].find((name) => name !== 'page') ?? '',
      blocks: sheet ? [...box.querySelector('.sheet-body')!.children].map(describe) : [],
      text: flat((box as HTMLElement).innerText)
    }
  })
}
