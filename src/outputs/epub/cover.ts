import type {Page} from 'puppeteer'
import type {Brand} from '../../brand/brand.js'
import type {Document} from '../../document/model.js'
import {geometryOf} from '../pdf/geometry.js'
import {captureCover, loadPublication, marginFontsOf, printHtml} from '../pdf/print.js'

/**
 * The e-book's cover is the print edition's cover, drawn by the same browser from the same page, so the
 * two editions carry one design. (When the PDF is built too, it is captured during that print instead.)
 */
export async function renderCover(page: Page, document: Document, brand: Brand): Promise<Uint8Array> {
  const geometry = geometryOf(document, brand)
  const cleanUp = await loadPublication(page, printHtml(document, brand, geometry), geometry, 60_000, marginFontsOf(brand), [document.folder, brand.folder, brand.fontsFolder], true)
  try {
    return await captureCover(page)
  } finally {
    await cleanUp()
  }
}
