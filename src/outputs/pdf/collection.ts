import type {Element} from 'hast'
import {pathToFileURL} from 'node:url'
import type {Page} from 'puppeteer'
import {visit} from 'unist-util-visit'
import type {Brand} from '../../brand/brand.js'
import type {Collection, Document} from '../../model/types.js'
import {collectionPublication, composeCollection} from '../../parts/collection.js'
import {pagePartsOf} from '../shared/page.js'
import {spanDashCompounds} from './dash-compounds.js'
import {markCodeLines} from './code-lines.js'
import {geometryFor, type Geometry} from './geometry.js'
import {
  bareHeads,
  bareMargins,
  headText,
  namedPageCss,
  pageBoxCss,
  pdfOptions,
  printPdf,
  printShell,
  runningTitle,
  shellOptions,
  type PrintOptions,
  type PrintPage,
  type Printed
} from './print.js'
import {markTextLayer} from './text-layer.js'
import type {LayoutResult} from './paginate.js'
import {markWrappedWords} from './wrapped-words.js'

/** A collection prints on its own page size, or the template's, whatever its papers ask for alone. */
export function collectionGeometry(collection: Collection, brand: Brand, bleed = 0): Geometry {
  return geometryFor(collection.meta.pageSize, brand, bleed)
}

/**
 * The collection's print page: its parts in a row, as a paper's are (see `printPage`), each paper on
 * pages named after it (`paper-1` …) that carry its own running heads.
 */
export function collectionPrintPage(collection: Collection, brand: Brand, geometry: Geometry): PrintPage {
  const composed = composeCollection(collection, brand, {pageNumbers: true})
  for (const [index, paper] of composed.papers.entries()) linkImages(paper, collection.papers[index]!)
  // Marked on a copy: the papers' trees are shared with the other outputs.
  const parts = structuredClone(collectionPublication(composed))
  markTextLayer(parts, collection.dir)
  spanDashCompounds(parts)
  markWrappedWords(parts)
  markCodeLines(parts)
  const {meta} = collection
  const base = pageBoxCss(
    brand,
    geometry,
    {dir: collection.dir, digits: meta.digits},
    {
      outer: brand.data.name.short,
      inner: headText(runningTitle(meta), {dir: collection.dir, digits: meta.digits})
    }
  )
  return {
    shell: printShell(brand),
    parts: pagePartsOf(
      {
        lang: meta.lang,
        dir: collection.dir,
        title: meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title,
        digits: meta.digits
      },
      parts,
      {...shellOptions(brand), publicationCss: base + papersCss(collection, brand), imageUrl: (src) => src}
    )
  }
}

/**
 * Each paper's pages by name, headed with the paper's short title at the inner edge and the collection's at
 * the outer one, but its first page, which opens under its citation line with no head, as a journal sets
 * an article; blank pages (a verso left empty before a paper) with neither head nor folio.
 */
function papersCss(collection: Collection, brand: Brand): string {
  const text = {dir: collection.dir, digits: collection.meta.digits}
  const outer = headText(runningTitle(collection.meta), text)
  const rules = collection.papers.map((document, index) => {
    const name = `paper-${index + 1}`
    const inner = headText(runningTitle(document.meta), {dir: document.dir, digits: document.meta.digits})
    const paper = `.paper[data-paper="${index + 1}"]`
    return [
      `${paper} { page: ${name}; }`,
      namedPageCss(name, brand, text, {outer, inner}),
      `${paper} .sheet:first-child { page: ${name}-opening; }`,
      `@page ${name}-opening { ${bareHeads} }`
    ].join('\n')
  })
  return [...rules, `.blank-page { page: blank; }`, `@page blank { ${bareMargins} }`].join('\n') + '\n'
}

/** A paper's images by their files: two papers may name different images alike. */
function linkImages(paper: Element, document: Document): void {
  const files = new Map(document.assets.map((asset) => [asset.src, pathToFileURL(asset.path).href]))
  visit(paper, 'element', (element: Element) => {
    const src = element.properties.src
    if (element.tagName === 'img' && typeof src === 'string' && files.has(src)) element.properties.src = files.get(src)!
  })
}

export interface PrintedCollection extends Printed {
  /** Each paper's pages, printed alone from the same laid-out page (see `printOffprint`): the same folios and heads. */
  offprints: Uint8Array[]
}

export interface CollectionPrintOptions extends PrintOptions {
  /**
   * Given the collection's PDF (`paper` undefined), then each offprint, as soon as it is printed: its
   * post-processing can run while the browser prints the next.
   */
  printed?: ((pdf: Uint8Array, layout: LayoutResult, paper: number | undefined) => void) | undefined
}

/** Prints the collection, then each paper's pages from the same layout. */
export async function printCollection(
  page: Page,
  publication: PrintPage,
  geometry: Geometry,
  options: CollectionPrintOptions
): Promise<PrintedCollection> {
  const printed = await printPdf(page, publication, geometry, options)
  options.printed?.(printed.pdf, printed.layout, undefined)
  const offprints: Uint8Array[] = []
  for (const [index, {first}] of (printed.layout.papers ?? []).entries()) {
    const offprint = await printOffprint(page, index + 1, first, options.timeout)
    options.printed?.(offprint, printed.layout, index)
    offprints.push(offprint)
  }
  return {...printed, offprints}
}

/**
 * A paper's pages, printed from the laid-out collection with the rest of it hidden and the page counter
 * started at its first folio: its sheets are laid out already, so its pages are the collection's, folios and
 * running heads included. Asking Chromium for the paper's page range instead prints the same pages but lays
 * out the whole collection again for each paper (ten papers: ten times the whole book).
 */
async function printOffprint(page: Page, paper: number, first: number, timeout: number): Promise<Uint8Array> {
  await page.evaluate(showOnly, paper, first)
  try {
    return await page.pdf(pdfOptions(timeout))
  } finally {
    await page.evaluate(() => window.document.getElementById('offprint-css')?.remove())
  }
}

/** Hides all but one paper of the collection, its first page numbered `first`. Runs in the browser. */
function showOnly(paper: number, first: number): void {
  const style = window.document.createElement('style')
  style.id = 'offprint-css'
  style.textContent = `body > :not([data-paper="${paper}"]) { display: none !important; } html { counter-reset: page ${first - 1}; }`
  window.document.head.append(style)
}
