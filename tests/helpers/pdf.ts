import {readFileSync} from 'node:fs'
import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString} from 'pdf-lib'

export async function loadPdf(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), {updateMetadata: false})
}

/** Named destinations → the 1-based page each points to. */
export function destinationPages(pdf: PDFDocument): Map<string, number> {
  const pages = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]))
  const result = new Map<string, number>()
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  for (const [name, value] of dests?.entries() ?? []) {
    const array = pdf.context.lookup(value) as PDFArray | PDFDict
    const destination = array instanceof PDFDict ? (array.lookup(PDFName.of('D')) as PDFArray) : array
    const page = destination.get(0)
    if (page instanceof PDFRef) result.set(decodeURIComponent(name.decodeText()), pages.get(page.toString()) ?? 0)
  }
  return result
}

export interface OutlineItem {
  title: string
  page: number
  children: OutlineItem[]
}

export function outline(pdf: PDFDocument): OutlineItem[] {
  const pages = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]))
  const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const read = (first: PDFDict | undefined): OutlineItem[] => {
    const items: OutlineItem[] = []
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title')) as PDFHexString | PDFString
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray)
      const page = dest?.get(0)
      items.push({
        title: title.decodeText(),
        page: page instanceof PDFRef ? (pages.get(page.toString()) ?? 0) : 0,
        children: read(item.lookupMaybe(PDFName.of('First'), PDFDict))
      })
    }
    return items
  }
  return read(root?.lookupMaybe(PDFName.of('First'), PDFDict))
}

export function flatten(items: OutlineItem[]): OutlineItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)])
}

/** A page box as [left, bottom, right, top] in points. */
export function box(pdf: PDFDocument, pageIndex: number, name: 'MediaBox' | 'TrimBox' | 'BleedBox'): number[] {
  const array = pdf.getPage(pageIndex).node.lookup(PDFName.of(name), PDFArray)
  return array.asArray().map((value) => Number(value.toString()))
}

export interface LinkAnnotation {
  /** 1-based page the link is on. */
  page: number
  /** The named destination it goes to, decoded. */
  destination: string
}

/** The links to named destinations (same-document links) on every page. */
export function internalLinks(pdf: PDFDocument): LinkAnnotation[] {
  const links: LinkAnnotation[] = []
  for (const [index, page] of pdf.getPages().entries()) {
    for (const reference of page.node.Annots()?.asArray() ?? []) {
      const annotation = pdf.context.lookup(reference, PDFDict)
      const destination = annotation.get(PDFName.of('Dest'))
      if (annotation.get(PDFName.of('Subtype')) === PDFName.of('Link') && destination instanceof PDFName) {
        links.push({page: index + 1, destination: decodeURIComponent(destination.decodeText())})
      }
    }
  }
  return links
}

/** The rectangles of the links to web addresses, page by page: a link wrapped across lines has several. */
export function uriLinks(pdf: PDFDocument): Array<{page: number; uri: string; rect: number[]}> {
  const links: Array<{page: number; uri: string; rect: number[]}> = []
  for (const [index, page] of pdf.getPages().entries()) {
    for (const reference of page.node.Annots()?.asArray() ?? []) {
      const annotation = pdf.context.lookup(reference, PDFDict)
      const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict)
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)
      const rect = annotation.lookupMaybe(PDFName.of('Rect'), PDFArray)
      if (uri && rect)
        links.push({
          page: index + 1,
          uri: uri.decodeText(),
          rect: rect.asArray().map((value) => Number(value.toString()))
        })
    }
  }
  return links
}
