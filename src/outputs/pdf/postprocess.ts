import {toString} from 'hast-util-to-string'
import {createHash} from 'node:crypto'
import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, ReadingDirection} from 'pdf-lib'
import type {Document} from '../../document/model.js'
import {authorsOf} from '../../manuscript/meta.js'

export interface PostprocessOptions {
  /** The date written as the PDF's creation and modification date. */
  date: Date
  creator: string
}

/**
 * Chromium's PDF, finished: document properties from the manuscript, Arabic as the language, right-to-left
 * reading in viewers, and fixed dates so that the same input gives the same bytes.
 */
export async function postprocessPdf(bytes: Uint8Array, document: Document, options: PostprocessOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, {updateMetadata: false})
  const {meta} = document
  pdf.setTitle(meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title, {showInWindowTitleBar: true})
  pdf.setAuthor(authorsOf(meta).map((author) => author.name).join('، '))
  const subject = document.abstract ? toString(document.abstract).replace(/\s+/g, ' ').trim() : meta.subtitle
  if (subject) pdf.setSubject(subject)
  if (meta.keywords) pdf.setKeywords(meta.keywords)
  pdf.setCreator(options.creator)
  pdf.setProducer(options.creator)
  pdf.setCreationDate(options.date)
  pdf.setModificationDate(options.date)
  pdf.setLanguage(meta.lang)
  const preferences = pdf.catalog.getOrCreateViewerPreferences()
  preferences.setReadingDirection(document.dir === 'rtl' ? ReadingDirection.R2L : ReadingDirection.L2R)
  preferences.setDisplayDocTitle(true)
  shortenDestinationNames(pdf)
  // Chromium's file identifier changes with every print: derive it from what the PDF was made of.
  const id = PDFHexString.of(createHash('md5').update(String(document.file.value)).update(options.date.toISOString()).digest('hex'))
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id])
  return pdf.save({useObjectStreams: false, updateFieldAppearances: false})
}

/**
 * Chromium names a link's destination after the element id, percent-encoded: an Arabic heading id
 * becomes a name of several hundred bytes, past the 127 that PDF 1.7 readers accept (poppler warns on
 * every page). Names become short and the links follow.
 */
export function shortenDestinationNames(pdf: PDFDocument): Map<string, string> {
  const renamed = new Map<string, string>()
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  if (!dests) return renamed
  const entries = dests.entries()
  entries.forEach(([name, destination], index) => {
    const short = PDFName.of(`d${index + 1}`)
    renamed.set(name.asString(), short.asString())
    dests.delete(name)
    dests.set(short, destination)
  })
  const rename = (value: unknown) => (value instanceof PDFName && renamed.has(value.asString()) ? PDFName.of(renamed.get(value.asString())!.slice(1)) : undefined)
  for (const page of pdf.getPages()) {
    const annotations = page.node.Annots()
    for (let index = 0; index < (annotations?.size() ?? 0); index++) {
      const annotation = annotations!.lookup(index, PDFDict)
      const direct = rename(annotation.get(PDFName.of('Dest')))
      if (direct) annotation.set(PDFName.of('Dest'), direct)
      const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict)
      const target = rename(action?.get(PDFName.of('D')))
      if (action && target) action.set(PDFName.of('D'), target)
    }
  }
  void PDFArray
  return renamed
}
