import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'puppeteer'
import type {Brand} from '../../brand/brand.js'
import type {Document} from '../../document/model.js'
import {geometryOf} from '../pdf/geometry.js'
import {printHtml} from '../pdf/print.js'

/** Width of the cover image in pixels: sharp on a tablet, small enough for the book. */
const coverWidth = 1400

/**
 * The e-book's cover is the print edition's cover, drawn by the same browser from the same page, so the
 * two editions carry one design.
 */
export async function renderCover(browser: Browser, document: Document, brand: Brand): Promise<Uint8Array> {
  const geometry = geometryOf(document, brand)
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hammurabi-press-cover-'))
  const page = await browser.newPage()
  try {
    const file = path.join(folder, 'index.html')
    await writeFile(file, printHtml(document, brand, geometry))
    const width = Math.round(geometry.trimWidth * 96 / 25.4)
    const height = Math.round(geometry.trimHeight * 96 / 25.4)
    await page.setViewport({width, height, deviceScaleFactor: coverWidth / width})
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    await page.evaluate(async () => {
      // The page's own document (this function runs in the browser).
      const fonts = window.document.fonts
      await Promise.all([...fonts].map((face) => face.load()))
      await fonts.ready
    })
    const cover = await page.$('.cover')
    if (!cover) throw new Error('The template has no cover')
    // The viewport is the cover's size: capturing beyond it would resize the page mid-capture.
    return await cover.screenshot({type: 'png', captureBeyondViewport: false})
  } finally {
    await page.close()
    await rm(folder, {recursive: true, force: true})
  }
}
