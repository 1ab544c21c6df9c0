import {PDFiumLibrary} from '@hyzyla/pdfium'
import sharp from 'sharp'

/** Width of the cover image in pixels: sharp on a tablet, small enough for an e-book. */
export const coverWidth = 1400

/** The trim and bleed of the page to draw, in millimetres. */
export interface CoverBox {
  trimWidth: number
  trimHeight: number
  bleed: number
}

let pdfium: Promise<PDFiumLibrary> | undefined

// Each cover is drawn once: nothing for sharp's cache of recent operations to keep.
sharp.cache(false)

/** Starts PDFium, a WebAssembly module: compiling it is most of the first cover's cost. */
export function startPdfium(): Promise<PDFiumLibrary> {
  return (pdfium ??= PDFiumLibrary.init())
}

/**
 * Draws the first page of a PDF as a JPEG `coverWidth` pixels wide, the bleed trimmed off. PDFium draws
 * the glyphs the PDF embeds, so the image is the printed cover to the glyph.
 */
export async function rasterizeCover(pdf: Uint8Array, box: CoverBox): Promise<Uint8Array> {
  const library = await startPdfium()
  // Pixels per millimetre; the page is drawn to exactly the trim's pixels plus the bleed's.
  const scale = coverWidth / box.trimWidth
  const bleed = Math.round(box.bleed * scale)
  const height = Math.round(box.trimHeight * scale)
  const document = await library.loadDocument(pdf)
  try {
    // PDFium's own bitmap: RGBA, opaque on white.
    const bitmap = await document.getPage(0).render({scale: 1, width: coverWidth + 2 * bleed, height: height + 2 * bleed, render: 'bitmap'})
    return await sharp(bitmap.data, {raw: {width: bitmap.width, height: bitmap.height, channels: 4}})
      .extract({left: bleed, top: bleed, width: coverWidth, height})
      .removeAlpha()
      .jpeg({quality: 90})
      .toBuffer()
  } finally {
    document.destroy()
  }
}
