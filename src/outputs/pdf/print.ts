import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'puppeteer'
import {brandCss, stylesheetsFor, type Brand} from '../../brand/brand.js'
import type {Document} from '../../document/model.js'
import {composeParts, publication} from '../../document/pages.js'
import {htmlPage} from '../html/page.js'

const policy = "default-src 'none'; style-src file: 'unsafe-inline'; font-src file:; img-src file: data:"

/** The print edition's HTML: the same parts as the web page, with the print stylesheets and file URLs. */
export function printHtml(document: Document, brand: Brand): string {
  const fileUrl = (file: string) => pathToFileURL(file).href
  const images = new Map(document.assets.map((asset) => [asset.src, fileUrl(asset.path)]))
  return htmlPage(document, publication(composeParts(document, brand)), {
    stylesheets: stylesheetsFor(brand, 'print').map(fileUrl),
    inlineCss: brandCss(brand, (file) => fileUrl(path.join(brand.fontsFolder, file))) + pageCss(document, brand),
    contentSecurityPolicy: policy,
    imageUrl: (src) => images.get(src) ?? src,
    medium: 'print'
  })
}

/** Page sizes in millimetres, width × height. */
export const pageSizes = {
  A4: [210, 297],
  A5: [148, 210],
  B5: [176, 250],
  Letter: [215.9, 279.4]
} as const

/** What the page box needs from the document and brand: its size, and folios in the document's digits. */
function pageCss(document: Document, brand: Brand): string {
  const [width, height] = pageSizes[brand.data.page.size]
  const digits = document.meta.digits === 'arabic-indic' ? 'arabic-indic' : 'decimal'
  return [
    `@page { size: ${width}mm ${height}mm; @bottom-center { content: counter(page, ${digits}); } }`,
    '@page cover { @bottom-center { content: none; } }',
    '@page back { @bottom-center { content: none; } }',
    '@page front { @bottom-center { content: none; } }',
    `:root { --page-width: ${width}mm; --page-height: ${height}mm; }`
  ].join('\n') + '\n'
}

export interface PrintOptions {
  /** Milliseconds a document may take to load and print. */
  timeout?: number
}

/**
 * Prints HTML with Chromium. The page is loaded from a file URL (web fonts set by `setContent` are lost)
 * and every font face is loaded before printing: Chromium prints a face that is still loading, margin
 * boxes included, in a fallback font without a word of warning.
 */
export async function printPdf(browser: Browser, html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? 60_000
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hammurabi-press-'))
  const page = await browser.newPage()
  try {
    const file = path.join(folder, 'index.html')
    await writeFile(file, html)
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load', timeout})
    await page.evaluate(async () => {
      await Promise.all([...document.fonts].map((face) => face.load()))
      await document.fonts.ready
    })
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout
    })
  } finally {
    await page.close()
    await rm(folder, {recursive: true, force: true})
  }
}
