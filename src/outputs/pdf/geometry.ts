import type {Brand} from '../../brand/brand.js'
import type {Document} from '../../model/types.js'

/** Trim sizes in millimetres, width × height. */
export const pageSizes = {
  A4: [210, 297],
  A5: [148, 210],
  B5: [176, 250],
  Letter: [215.9, 279.4]
} as const

export type PageSize = keyof typeof pageSizes

/** The printed page, in millimetres: the trim, the bleed around it, and the text area's margins. */
export interface Geometry {
  size: PageSize
  trimWidth: number
  trimHeight: number
  bleed: number
  margins: {top: number; bottom: number; inner: number; outer: number}
}

export const millimetre = 72 / 25.4

/**
 * The page a document prints on: its own size if the front matter names one, else the brand's; margins
 * as the brand sets them for its size, scaled with the page for others.
 */
export function geometryOf(document: Document, brand: Brand, bleed = 0): Geometry {
  return geometryFor(document.meta.pageSize, brand, bleed)
}

/** The page of a publication that names `pageSize`, or not (a paper, a collection). */
export function geometryFor(pageSize: PageSize | undefined, brand: Brand, bleed = 0): Geometry {
  const size = pageSize ?? brand.data.page.size
  const [trimWidth, trimHeight] = pageSizes[size]
  const scale = trimWidth / pageSizes[brand.data.page.size][0]
  const round = (value: number) => Math.round(value * scale * 10) / 10
  const {top, bottom, inner, outer} = brand.data.page.margins
  return {
    size,
    trimWidth,
    trimHeight,
    bleed,
    margins: {top: round(top), bottom: round(bottom), inner: round(inner), outer: round(outer)}
  }
}
