import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import {millimetre} from '../outputs/pdf/geometry.js'
import {writeAtomically} from '../run/write.js'

/** Width of a card's cover in pixels: twice the 10rem it is shown at, for sharp screens. */
export const thumbnailWidth = 320

export interface DrawnThumbnail {
  jpeg: Uint8Array
  width: number
  height: number
}

/**
 * A publication's cover, small: its PDF's first page drawn by PDFium as the e-book's cover is, then made
 * `thumbnailWidth` pixels wide. Kept in `cacheFolder` under the PDF's hash, so an unchanged PDF is
 * never drawn twice.
 */
export async function thumbnailOf(pdfFile: string, cacheFolder: string): Promise<DrawnThumbnail> {
  const pdf = await readFile(pdfFile)
  const key = createHash('sha256').update(pdf).digest('hex')
  const cached = path.join(cacheFolder, 'thumbnails', `${key}-${thumbnailWidth}.jpg`)
  const kept = await readFile(cached).catch(() => undefined)
  const jpeg = kept ?? (await drawThumbnail(pdf))
  if (!kept) await writeAtomically(cached, jpeg)
  const {width, height} = await sharp(jpeg).metadata()
  return {jpeg, width: width ?? thumbnailWidth, height: height ?? thumbnailWidth}
}

/** pdf-lib and PDFium loaded only when a cover is to be drawn: a warm run draws none. */
async function drawThumbnail(pdf: Uint8Array): Promise<Uint8Array> {
  const [{PDFDocument}, {rasterizeCover}] = await Promise.all([
    import('pdf-lib'),
    import('../outputs/cover/cover-raster.js')
  ])
  const document = await PDFDocument.load(pdf, {updateMetadata: false})
  const {width, height} = document.getPage(0).getSize()
  const cover = await rasterizeCover(pdf, {trimWidth: width / millimetre, trimHeight: height / millimetre, bleed: 0})
  return sharp(cover).resize({width: thumbnailWidth}).jpeg({quality: 80, mozjpeg: true}).toBuffer()
}
