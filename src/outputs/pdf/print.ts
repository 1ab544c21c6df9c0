import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Page} from 'puppeteer'
import {brandCss, stylesheetsFor, type Brand} from '../../brand/brand.js'
import type {Document} from '../../document/model.js'
import {composeParts, publication} from '../../document/pages.js'
import {htmlPage} from '../html/page.js'
import type {Geometry} from './geometry.js'
import {paginate, type LayoutResult} from './paginate.js'
import {allowOnly, isolate, refused} from './isolation.js'
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

/** The faces margin boxes print with: the display families, regular. */
export function marginFontsOf(brand: Brand): string[] {
  return brand.data.typography.display.map((family) => `400 10pt ${JSON.stringify(family)}`)
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
  /** CSS font shorthands of the faces the margin boxes use (running heads, folios). */
  marginFonts: string[]
  /** The only folders the page may read from: the manuscript's, the template's, the fonts'. */
  folders: string[]
  /** Milliseconds a document may take to load, lay out and print. */
  timeout?: number
  /** Keep the laid-out page's HTML (the benchmark prints it again with a bare Puppeteer call). */
  keepHtml?: boolean
  /** Also draw the cover as an image (the e-book's cover, a JPEG), from the same page load. */
  cover?: boolean
}

export interface Printed {
  pdf: Uint8Array
  layout: LayoutResult
  /** Milliseconds spent in each step. */
  timings: {load: number; fonts: number; cover: number; layout: number; print: number}
  cover?: Uint8Array
  html?: string
  /** Requests the page made and was refused (none, unless something slipped past the sanitizer). */
  refused: string[]
}

/** Width of the cover image in pixels: sharp on a tablet, small enough for an e-book. */
const coverWidth = 1400

/**
 * Loads a publication's print HTML into a tab (the tab is reused from one document to the next, which
 * is much cheaper than a new one): from a file URL, since web fonts given to `setContent` are lost; then
 * every font face is loaded before anything is measured or drawn, since Chromium prints a face that is
 * still loading, margin boxes included, in a fallback font without a word.
 */
export async function loadPublication(page: Page, html: string, geometry: Geometry, timeout: number, marginFonts: string[], folders: string[], cover: boolean): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hammurabi-press-'))
  const file = path.join(folder, 'index.html')
  await writeFile(file, html)
  await isolate(page)
  allowOnly(page, [folder, ...folders])
  // The viewport is the trim size, so that the cover can be captured as it is; drawn at the e-book's
  // width only when it is to be captured (a denser viewport makes every load slower).
  const width = Math.round(geometry.trimWidth * 96 / 25.4)
  const height = Math.round(geometry.trimHeight * 96 / 25.4)
  const viewport = {width, height, deviceScaleFactor: cover ? coverWidth / width : 1}
  const current = page.viewport()
  if (current?.width !== viewport.width || current.height !== viewport.height || current.deviceScaleFactor !== viewport.deviceScaleFactor) {
    await page.setViewport(viewport)
  }
  await page.emulateMediaType('print')
  await page.goto(pathToFileURL(file).href, {waitUntil: 'load', timeout})
  await page.evaluate(async (marginFonts: string[]) => {
    // The page's own document: this function runs in the browser.
    const fonts = window.document.fonts
    // Layout asks for the faces the text uses; margin boxes are laid out only when printing, so the
    // faces of running heads and folios are asked for here.
    void window.document.body.offsetHeight
    await Promise.all(marginFonts.map((font) => fonts.load(font, 'م a 1')))
    await fonts.ready
  }, marginFonts)
  return () => rm(folder, {recursive: true, force: true})
}

/** The cover, as the e-book's cover image. */
export async function captureCover(page: Page): Promise<Uint8Array> {
  const box = await page.evaluate(() => {
    const cover = window.document.querySelector('.cover')?.getBoundingClientRect()
    return cover ? {x: cover.x, y: cover.y, width: cover.width, height: cover.height} : undefined
  })
  if (!box) throw new Error('The template has no cover')
  // A clip of the page, not an element screenshot: that one waits to scroll the element into view,
  // which never happens in a background tab. Within the viewport, so the page is not resized mid-capture.
  // JPEG: a third of the time of PNG to encode at this size, and a fifth of the bytes.
  return page.screenshot({type: 'jpeg', quality: 90, clip: box, captureBeyondViewport: false})
}

/** Prints a publication: load, (cover,) paginate, print. */
export async function printPdf(page: Page, html: string, geometry: Geometry, options: PrintOptions): Promise<Printed> {
  const timeout = options.timeout ?? 60_000
  let time = performance.now()
  const lap = () => {
    const now = performance.now()
    const elapsed = now - time
    time = now
    return elapsed
  }
  const cleanUp = await loadPublication(page, html, geometry, timeout, options.marginFonts, options.folders, options.cover ?? false)
  try {
    const loaded = lap()
    const cover = options.cover ? await captureCover(page) : undefined
    const covered = lap()
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
    return {
      pdf,
      layout,
      refused: refused(page),
      timings: {load: loaded, fonts: 0, cover: covered, layout: laidOut, print: lap()},
      ...(cover ? {cover} : {}),
      ...(final === undefined ? {} : {html: final})
    }
  } finally {
    await cleanUp()
  }
}
