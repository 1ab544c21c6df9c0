import {toString} from 'hast-util-to-string'
import {createHash} from 'node:crypto'
import {PDFDocument, PDFHexString, ReadingDirection} from 'pdf-lib'
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
  // Chromium's file identifier changes with every print: derive it from what the PDF was made of.
  const id = PDFHexString.of(createHash('md5').update(String(document.file.value)).update(options.date.toISOString()).digest('hex'))
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id])
  return pdf.save({useObjectStreams: false, updateFieldAppearances: false})
}
