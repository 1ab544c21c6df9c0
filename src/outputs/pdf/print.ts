import type {Element} from 'hast'
import {createHash} from 'node:crypto'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Page, PDFOptions} from 'puppeteer'
import {isolateText} from '../../arabic/direction.js'
import {brandCss, stylesheetsFor, type Brand} from '../../brand/brand.js'
import type {Document} from '../../model/types.js'
import {composeParts, publication} from '../../parts/pages.js'
import {pageParts, shellPage, type PageOptions, type PageParts} from '../shared/page.js'
import type {Geometry} from './geometry.js'
import {paginate} from './page-script.js'
import type {LayoutResult} from './paginate.js'
import {allowOnly, isolate, refused} from './isolation.js'
import {markTextLayer} from './text-layer.js'
import {markWrappedWords} from './wrapped-words.js'
import {spanDashCompounds} from './dash-compounds.js'
import {markCodeLines} from './code-lines.js'

const policy = "default-src 'none'; style-src file: 'unsafe-inline'; font-src file:; img-src file: data:"

/** What a tab keeps loaded from one publication to the next: the brand's stylesheets and font faces. */
export interface Shell {
  html: string
  /** Same key, same shell. */
  key: string
  /** The font faces the shell declares, as CSS font shorthands (to load them before they are needed). */
  faces: string[]
}

/**
 * The print edition's page, in the halves a tab swaps (see `loadPublication`): the brand's shell and this
 * publication's own parts.
 */
export interface PrintPage {
  shell: Shell
  parts: PageParts
}

/** Made once per brand: every publication asks for it. */
const shellOf = new WeakMap<Brand, Shell>()

export function printShell(brand: Brand): Shell {
  let shell = shellOf.get(brand)
  if (!shell) {
    const options = shellOptions(brand)
    shell = {
      html: shellPage({...options, lang: 'ar', dir: 'rtl'}),
      key: createHash('sha256')
        .update(JSON.stringify([options.stylesheets, options.inlineCss, options.contentSecurityPolicy]))
        .digest('hex'),
      faces: brand.data.fonts.map(
        (font) => `${font.style ?? 'normal'} ${font.weight} 16px ${JSON.stringify(font.family)}`
      )
    }
    shellOf.set(brand, shell)
  }
  return shell
}

export function printPage(document: Document, brand: Brand, geometry: Geometry): PrintPage {
  const {parts, options} = printEdition(document, brand, geometry)
  return {shell: printShell(brand), parts: pageParts(document, parts, options)}
}

export function shellOptions(brand: Brand): PageOptions {
  const fileUrl = (file: string) => pathToFileURL(file).href
  return {
    stylesheets: stylesheetsFor(brand, 'print').map(fileUrl),
    inlineCss: brandCss(brand, (file) => fileUrl(path.join(brand.fontsFolder, file))),
    contentSecurityPolicy: policy,
    imageUrl: (src) => src,
    medium: 'print'
  }
}

/** The same parts as the web page, with the print stylesheets and file URLs. */
function printEdition(document: Document, brand: Brand, geometry: Geometry): {parts: Element[]; options: PageOptions} {
  const images = new Map(document.assets.map((asset) => [asset.src, pathToFileURL(asset.path).href]))
  // Marked on a copy: the document's tree is shared with the other outputs.
  const parts = structuredClone(publication(composeParts(document, brand, {pageNumbers: true})))
  markTextLayer(parts, document.dir)
  spanDashCompounds(parts)
  markWrappedWords(parts)
  markCodeLines(parts)
  return {
    parts,
    options: {
      ...shellOptions(brand),
      publicationCss: pageCss(document, brand, geometry),
      imageUrl: (src) => images.get(src) ?? src
    }
  }
}

/**
 * The page box, written from the document and brand: size (with bleed), mirrored margins, running heads
 * (the centre's name at the outer edge, the short title at the inner one) and folios in the document's
 * digits. Margin boxes name their font themselves: they inherit nothing from the body.
 */
function pageCss(document: Document, brand: Brand, geometry: Geometry): string {
  const text = {dir: document.dir, digits: document.meta.digits}
  const heads = {outer: brand.data.name.short, inner: headText(runningTitle(document.meta), text)}
  return pageBoxCss(brand, geometry, text, heads)
}

/** The words of the running heads (plain text, see `headText`): at the outer edge of the page, and at the inner one. */
export interface RunningHeads {
  outer: string
  inner: string
}

export interface PageText {
  dir: 'rtl' | 'ltr'
  digits: Document['meta']['digits']
}

/**
 * The page box of a publication: its text pages headed by `heads`; `named` pages (`@page paper-1`, written
 * by `namedPageCss`) after the rest.
 */
export function pageBoxCss(
  brand: Brand,
  geometry: Geometry,
  text: PageText,
  heads: RunningHeads,
  named: string[] = []
): string {
  const {trimWidth, trimHeight, bleed, margins} = geometry
  const mm = (value: number) => `${Math.round(value * 100) / 100}mm`
  const {head, folio} = marginStyles(brand, text)
  const side = (outer: 'left' | 'right') => {
    const inner = outer === 'left' ? 'right' : 'left'
    return [
      `@page :${outer} {`,
      `  margin-${outer}: ${mm(margins.outer + bleed)}; margin-${inner}: ${mm(margins.inner + bleed)};`,
      `  @top-${outer} { content: ${cssString(heads.outer)}; ${head} text-align: ${outer}; }`,
      `  @top-center { content: ""; ${head} }`,
      `  @top-${inner} { content: ${cssString(heads.inner)}; ${head} text-align: ${inner}; }`,
      `  @bottom-center { ${folio} }`,
      '}'
    ].join('\n')
  }
  return (
    [
      `@page { size: ${mm(trimWidth + 2 * bleed)} ${mm(trimHeight + 2 * bleed)}; margin-top: ${mm(margins.top + bleed)}; margin-bottom: ${mm(margins.bottom + bleed)}; }`,
      side('left'),
      side('right'),
      `@page cover { margin: 0; ${bareMargins} }`,
      `@page back { margin: 0; ${bareMargins} }`,
      `@page front { ${bareMargins} }`,
      ...named,
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
  )
}

/** A page with no running head and no folio (still counted). */
export const bareHeads =
  '@top-left { content: none; border: 0; } @top-center { content: none; border: 0; } @top-right { content: none; border: 0; }'

export const bareMargins = `${bareHeads} @bottom-center { content: none; }`

/** The running heads of the pages named `name` (a paper's, in a collection): on left and right pages, mirrored. */
export function namedPageCss(name: string, brand: Brand, text: PageText, heads: RunningHeads): string {
  const {head} = marginStyles(brand, text)
  return (['left', 'right'] as const)
    .map((outer) => {
      const inner = outer === 'left' ? 'right' : 'left'
      return [
        `@page ${name}:${outer} {`,
        `  @top-${outer} { content: ${cssString(heads.outer)}; ${head} text-align: ${outer}; }`,
        `  @top-${inner} { content: ${cssString(heads.inner)}; ${head} text-align: ${inner}; }`,
        '}'
      ].join('\n')
    })
    .join('\n')
}

function marginStyles(brand: Brand, text: PageText): {head: string; folio: string} {
  const digits = text.digits === 'arabic-indic' ? 'arabic-indic' : 'decimal'
  const font = brand.data.typography.display.map((name) => JSON.stringify(name)).join(', ')
  const colour = brand.data.colors.primary ?? 'black'
  const accent = brand.data.colors.accent ?? colour
  return {
    head: `font-family: ${font}; font-size: 8.5pt; color: ${colour}; vertical-align: bottom; padding-bottom: 2mm; margin-bottom: 8mm; border-bottom: 0.5pt solid ${accent};`,
    folio: `content: counter(page, ${digits}); font-family: ${font}; font-size: 9.5pt; color: ${colour}; vertical-align: top; padding-top: 5mm;`
  }
}

/** Margin boxes hold plain text: its Latin phrases are isolated with Unicode's marks. */
export function headText(words: string, text: PageText): string {
  return isolateText(words, text.dir, {numbers: text.digits !== 'arabic-indic'})
}

/** The running head's title: the short title, or the title up to its colon, or the title. */
export function runningTitle(meta: {shortTitle?: string | undefined; title: string}): string {
  const {shortTitle, title} = meta
  return shortTitle ?? title.split(/[:：]/)[0]!.trim()
}

function cssString(text: string): string {
  return `"${text.replace(/\s+/g, ' ').replace(/["\\]/g, (character) => `\\${character}`)}"`
}

export interface LoadOptions {
  /** The only folders the page may read from: the manuscript's, the template's, the fonts'. */
  folders: string[]
  /** Milliseconds a document may take to load. */
  timeout: number
}

export interface PrintOptions extends LoadOptions {
  /** Keep the laid-out page's HTML (the benchmark prints it again with a bare Puppeteer call). */
  keepHtml?: boolean
}

export interface Printed {
  pdf: Uint8Array
  layout: LayoutResult
  /** Milliseconds spent in each step: loading the shell (first use of a tab), the publication, layout, print. */
  timings: {shell: number; load: number; layout: number; print: number}
  html?: string
  /** Requests the page made and was refused (none, unless something slipped past the sanitizer). */
  refused: string[]
}

/** The shell each tab holds, by its key. */
const shells = new WeakMap<Page, string>()

/**
 * Makes a tab hold the brand's shell, every font face loaded: done once per tab, ahead of the first
 * publication when the tab is opened (see the renderer). Every face, since Chromium prints a face that is
 * still loading in a fallback font without a word, and margin boxes (running heads, folios) are laid out
 * only when printing, too late to ask for theirs. From a file URL, since web fonts given to `setContent`
 * are lost; the file is gone once the page has loaded.
 */
export async function loadShell(page: Page, shell: Shell, options: LoadOptions): Promise<void> {
  if (shells.get(page) === shell.key) return
  shells.delete(page)
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hammurabi-press-'))
  try {
    const file = path.join(folder, 'index.html')
    await writeFile(file, shell.html)
    await isolate(page)
    allowOnly(page, [folder, ...options.folders])
    await page.emulateMediaType('print')
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load', timeout: options.timeout})
    await page.evaluate(async (faces: string[]) => {
      await Promise.all(faces.map((face) => window.document.fonts.load(face, 'م a 1')))
    }, shell.faces)
  } finally {
    await rm(folder, {recursive: true, force: true})
  }
  shells.set(page, shell.key)
}

/**
 * Loads a publication into a tab. The tab keeps the brand's shell loaded (stylesheets, font faces) from
 * one publication to the next and swaps in only what is the publication's own: loading a page anew
 * parses and sanitizes every font again and takes about twice as long to print.
 */
export async function loadPublication(
  page: Page,
  publication: PrintPage,
  geometry: Geometry,
  options: LoadOptions
): Promise<{shell: number}> {
  const {timeout} = options
  const start = performance.now()
  // The viewport is the trim size: the width the text is laid out at on screen, as in print.
  const viewport = {
    width: Math.round((geometry.trimWidth * 96) / 25.4),
    height: Math.round((geometry.trimHeight * 96) / 25.4),
    deviceScaleFactor: 1
  }
  const current = page.viewport()
  if (current?.width !== viewport.width || current.height !== viewport.height || current.deviceScaleFactor !== 1) {
    await page.setViewport(viewport)
  }
  await loadShell(page, publication.shell, {folders: options.folders, timeout})
  const shell = performance.now() - start
  allowOnly(page, options.folders)
  await page.evaluate(fillPage, publication.parts)
  return {shell}
}

/** Swaps a publication into the shell and waits for its images. Runs in the browser. */
async function fillPage(parts: PageParts): Promise<void> {
  const {documentElement: root, body} = window.document
  root.lang = parts.lang
  root.dir = parts.dir
  window.document.title = parts.title
  window.document.getElementById('publication-css')!.textContent = parts.publicationCss
  body.className = parts.bodyClass
  body.innerHTML = parts.body
  window.scrollTo(0, 0)
  await Promise.all([...window.document.images].map((image) => image.decode().catch(() => undefined)))
  await window.document.fonts.ready
}

/** How a laid-out page is printed (a publication, or an offprint with the rest of its collection hidden). */
export function pdfOptions(timeout: number): PDFOptions {
  return {
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    // Chromium writes Arabic bookmark titles with their words reversed: post-processing writes its own.
    outline: false,
    timeout
  }
}

/** Prints a publication: load, paginate, print. */
export async function printPdf(
  page: Page,
  publication: PrintPage,
  geometry: Geometry,
  options: PrintOptions
): Promise<Printed> {
  const {timeout} = options
  let time = performance.now()
  const lap = () => {
    const now = performance.now()
    const elapsed = now - time
    time = now
    return elapsed
  }
  const {shell} = await loadPublication(page, publication, geometry, options)
  const loaded = lap()
  const marginTop = ((geometry.margins.top + geometry.bleed) * 96) / 25.4
  const layout = await paginate(page, {marginTop})
  const laidOut = lap()
  const final = options.keepHtml ? await page.content() : undefined
  time = performance.now()
  const pdf = await page.pdf(pdfOptions(timeout))
  return {
    pdf,
    layout,
    refused: refused(page),
    timings: {shell, load: loaded - shell, layout: laidOut, print: lap()},
    ...(final === undefined ? {} : {html: final})
  }
}
