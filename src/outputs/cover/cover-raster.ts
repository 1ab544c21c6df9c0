import {PDFiumLibrary, PDFiumModule} from '@hyzyla/pdfium'
import sharp from 'sharp'

/** Width of the cover image in pixels: sharp on a tablet, small enough for an e-book. */
export const coverWidth = 1400

/** The trim and bleed of the page to draw, in millimetres. */
export interface CoverBox {
  trimWidth: number
  trimHeight: number
  bleed: number
}

type PDFium = Awaited<ReturnType<typeof PDFiumModule>>

let pdfium: Promise<PDFium> | undefined

// Each cover is drawn once: nothing for sharp's cache of recent operations to keep.
sharp.cache(false)

/** Starts PDFium, a WebAssembly module: compiling it is most of the first cover's cost. */
export function startPdfium(): Promise<PDFium> {
  return (pdfium ??= (async () => {
    // The library initializes PDFium; its C functions are then called directly (see `drawFirstPage`).
    let module: PDFium | undefined
    await PDFiumLibrary.initBase({vendor: async (options) => (module = await PDFiumModule(options))})
    return module!
  })())
}

/** PDFium's flags: draw annotations; bytes in RGB order rather than BGR. */
const renderFlags = 0x01 | 0x10
/** FPDFBitmap_BGR: three bytes a pixel, no alpha to strip. */
const bitmapFormat = 2

/** The memory pages are drawn into, kept from one cover to the next. */
let canvas: {pointer: number; bytes: number} | undefined

/** One cover at a time: the pixels handed to sharp live in PDFium's memory until the JPEG is made. */
let queue: Promise<unknown> = Promise.resolve()

/**
 * Draws the first page of a PDF as a JPEG `coverWidth` pixels wide, the bleed trimmed off. PDFium draws
 * the glyphs the PDF embeds, so the image is the printed cover to the glyph.
 */
export function rasterizeCover(pdf: Uint8Array, box: CoverBox): Promise<Uint8Array> {
  const drawn = queue.then(async () => {
    const module = await startPdfium()
    // Pixels per millimetre; the page is drawn to exactly the trim's pixels plus the bleed's.
    const scale = coverWidth / box.trimWidth
    const bleed = Math.round(box.bleed * scale)
    const height = Math.round(box.trimHeight * scale)
    const full = {width: coverWidth + 2 * bleed, height: height + 2 * bleed}
    const pixels = drawFirstPage(module, pdf, full.width, full.height)
    return sharp(pixels, {raw: {...full, channels: 3}})
      .extract({left: bleed, top: bleed, width: coverWidth, height})
      .jpeg({quality: 90})
      .toBuffer()
  })
  queue = drawn.catch(() => undefined)
  return drawn
}

/**
 * The first page drawn into the kept canvas, as RGB bytes over PDFium's memory: no bitmap is allocated,
 * copied or converted per cover (through the library's `render`, that cost more than the drawing).
 */
function drawFirstPage(module: PDFium, pdf: Uint8Array, width: number, height: number): Buffer {
  const bytes = width * height * 3
  if (!canvas || canvas.bytes < bytes) {
    if (canvas) module.wasmExports.free(canvas.pointer)
    canvas = {pointer: module.wasmExports.malloc(bytes), bytes}
    if (!canvas.pointer) throw new Error('PDFium is out of memory for the cover')
  }
  const source = module.wasmExports.malloc(pdf.length)
  if (!source) throw new Error('PDFium is out of memory for the PDF')
  try {
    module.HEAPU8.set(pdf, source)
    const document = module._FPDF_LoadMemDocument(source, pdf.length, 0)
    if (!document) throw new Error(`PDFium could not read the PDF (error ${module._FPDF_GetLastError()})`)
    try {
      const page = module._FPDF_LoadPage(document, 0)
      if (!page) throw new Error('PDFium could not read the first page')
      const bitmap = module._FPDFBitmap_CreateEx(width, height, bitmapFormat, canvas.pointer, width * 3)
      try {
        module._FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff)
        module._FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, renderFlags)
      } finally {
        module._FPDFBitmap_Destroy(bitmap)
        module._FPDF_ClosePage(page)
      }
    } finally {
      module._FPDF_CloseDocument(document)
    }
  } finally {
    module.wasmExports.free(source)
  }
  // Read after drawing: the memory may have grown, and moved, meanwhile.
  return Buffer.from(module.HEAPU8.buffer, canvas.pointer, bytes)
}
