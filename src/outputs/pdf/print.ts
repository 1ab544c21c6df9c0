import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'puppeteer'
import {brandCss, stylesheetsFor, type Brand} from '../../brand/brand.js'
import type {Document} from '../../document/model.js'
import {composeParts, publication} from '../../document/pages.js'
import {htmlPage} from '../html/page.js'
import type {Geometry} from './geometry.js'
import {paginate, type LayoutResult} from './paginate.js'
import {markTextLayer} from './text-layer.js'

const policy = "default-src 'none'; style-src file: 'unsafe-inline'; font-src file:; img-src file: data:"

/** The print edition's HTML: the same parts as the web page, with the print stylesheets and file URLs. */
export function printHtml(document: Document, brand: Brand, geometry: Geometry): string {
  const fileUrl = (file: string) => pathToFileURL(file).href
  const images = new Map(document.assets.map((asset) => [asset.src, fileUrl(asset.path)]))
  // Marked on a copy: the document's tree is shared with the other outputs.
  const parts = structuredClone(publication(composeParts(document, brand, {pageNumbers: true})))
  markTextLayer(parts)
  return htmlPage(document, parts, {
    stylesheets: stylesheetsFor(brand, 'print').map(fileUrl),
    inlineCss: brandCss(brand, (file) => fileUrl(path.join(brand.fontsFolder, file))) + pageCss(document, brand, geometry),
    contentSecurityPolicy: policy,
    imageUrl: (src) => images.get(src) ?? src,
    medium: 'print'
  })
}

/**
 * The page box, written from the document and brand: size (with bleed), mirrored margins, running heads
 * (the centre's name at the outer edge, the short title at the inner one) and folios in the document's
 * digits. Margin boxes name their font themselves: they inherit nothing from the body.
 */
function pageCss(document: Document, brand: Brand, geometry: Geometry): string {
  const {trimWidth, trimHeight, bleed, margins} = geometry
  const mm = (value: number) => `${Math.round(value * 100) / 100}mm`
  const digits = document.meta.digits === 'arabic-indic' ? 'arabic-indic' : 'decimal'
  const font = brand.data.typography.display.map((name) => JSON.stringify(name)).join(', ')
  const title = cssString(runningTitle(document))
  const centre = cssString(brand.data.name.short)
  const colour = brand.data.colors.primary ?? 'black'
  const accent = brand.data.colors.accent ?? colour
  const head = `font-family: ${font}; font-size: 8.5pt; color: ${colour}; vertical-align: bottom; padding-bottom: 2mm; margin-bottom: 8mm; border-bottom: 0.5pt solid ${accent};`
  const folio = `content: counter(page, ${digits}); font-family: ${font}; font-size: 9.5pt; color: ${colour}; vertical-align: top; padding-top: 5mm;`
  const side = (outer: 'left' | 'right') => {
    const inner = outer === 'left' ? 'right' : 'left'
    return [
      `@page :${outer} {`,
      `  margin-${outer}: ${mm(margins.outer + bleed)}; margin-${inner}: ${mm(margins.inner + bleed)};`,
      `  @top-${outer} { content: ${centre}; ${head} text-align: ${outer}; }`,
      `  @top-center { content: ""; ${head} }`,
      `  @top-${inner} { content: ${title}; ${head} text-align: ${inner}; }`,
      `  @bottom-center { ${folio} }`,
      '}'
    ].join('\n')
  }
  const bare = '@top-left { content: none; border: 0; } @top-center { content: none; border: 0; } @top-right { content: none; border: 0; } @bottom-center { content: none; }'
  return [
    `@page { size: ${mm(trimWidth + 2 * bleed)} ${mm(trimHeight + 2 * bleed)}; margin-top: ${mm(margins.top + bleed)}; margin-bottom: ${mm(margins.bottom + bleed)}; }`,
    side('left'),
    side('right'),
    `@page cover { margin: 0; ${bare} }`,
    `@page back { margin: 0; ${bare} }`,
    `@page front { ${bare} }`,
    ':root {',
    `  --page-width: ${mm(trimWidth + 2 * bleed)};`,
    `  --page-height: ${mm(trimHeight + 2 * bleed)};`,
    `  --bleed: ${mm(bleed)};`,
    // A hair under the text area, so rounding never pushes a sheet onto a page of its own.
    `  --sheet-height: ${mm(trimHeight - margins.top - margins.bottom - 0.3)};`,
    `  --text-width: ${mm(trimWidth - margins.inner - margins.outer)};`,
    `  --front-height: ${mm(trimHeight - margins.top - margins.bottom - 1)};`,
    '}'
  ].join('\n') + '\n'
}

/** The running head's title: the short title, or the title up to its colon, or the title. */
function runningTitle(document: Document): string {
  const {shortTitle, title} = document.meta
  return shortTitle ?? title.split(/[:：]/)[0]!.trim()
}

function cssString(text: string): string {
  return `"${text.replace(/\s+/g, ' ').replace(/["\\]/g, (character) => `\\${character}`)}"`
}

export interface PrintOptions {
  /** Milliseconds a document may take to load, lay out and print. */
  timeout?: number
  /** Keep the laid-out page's HTML (the benchmark prints it again with a bare Puppeteer call). */
  keepHtml?: boolean
}

export interface Printed {
  pdf: Uint8Array
  layout: LayoutResult
  /** Milliseconds spent in each step. */
  timings: {load: number; fonts: number; layout: number; print: number}
  html?: string
}

/**
 * Prints HTML with Chromium. The page is loaded from a file URL (web fonts set by `setContent` are lost),
 * every font face is loaded before anything is measured (Chromium prints a face still loading, margin
 * boxes included, in a fallback font without a word), then the pages are laid out and printed.
 */
export async function printPdf(browser: Browser, html: string, geometry: Geometry, options: PrintOptions = {}): Promise<Printed> {
  const timeout = options.timeout ?? 60_000
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hammurabi-press-'))
  const page = await browser.newPage()
  try {
    const file = path.join(folder, 'index.html')
    let time = performance.now()
    const lap = () => {
      const now = performance.now()
      const elapsed = now - time
      time = now
      return elapsed
    }
    await writeFile(file, html)
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load', timeout})
    const load = lap()
    await page.evaluate(async () => {
      await Promise.all([...document.fonts].map((face) => face.load()))
      await document.fonts.ready
    })
    const fonts = lap()
    await page.emulateMediaType('print')
    const marginTop = (geometry.margins.top + geometry.bleed) * 96 / 25.4
    const layout = await page.evaluate(paginate, {marginTop})
    const laidOut = lap()
    const final = options.keepHtml ? await page.content() : undefined
    time = performance.now()
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      // Chromium writes Arabic bookmark titles with their words reversed: post-processing writes its own.
      outline: false,
      timeout
    })
    return {pdf, layout, timings: {load, fonts, layout: laidOut, print: lap()}, ...(final === undefined ? {} : {html: final})}
  } finally {
    await page.close()
    await rm(folder, {recursive: true, force: true})
  }
}
