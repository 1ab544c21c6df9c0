import {parentPort} from 'node:worker_threads'
import {rasterizeCover, startPdfium, type CoverBox} from './cover-raster.js'

/** The cover thread: draws covers one after another, off the thread that drives the browser. */
export interface CoverRequest {
  id: number
  pdf: Uint8Array
  box: CoverBox
}

export type CoverReply = {id: number; jpeg: Uint8Array} | {id: number; error: string}

// Compiled while the browser prints the first document.
startPdfium().catch(() => undefined)

parentPort?.on('message', (request: CoverRequest) => {
  rasterizeCover(request.pdf, request.box).then(
    (jpeg) => parentPort?.postMessage({id: request.id, jpeg} satisfies CoverReply, [jpeg.buffer as ArrayBuffer]),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error)
      } satisfies CoverReply)
  )
})
