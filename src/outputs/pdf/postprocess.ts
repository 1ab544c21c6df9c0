import {createHash} from 'node:crypto'
import type {ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFRef,
  PDFString
} from 'pdf-lib'
import {isolateText} from '../../arabic/direction.js'
import type {Document} from '../../model/types.js'
import {authorsOf} from '../../manuscript/meta.js'
import {textReader, wholeWordsIn} from './actual-text.js'
import {baseLetterMaps} from './to-unicode.js'
import {wholeWrappedWordsIn, wrappedWordsOf} from './wrapped-words.js'
import {codeLinesOf, wholeCodeLinesIn} from './code-lines.js'
import {rightToLeftPagesIn} from './page-direction.js'
import {millimetre, type Geometry} from './geometry.js'
import type {LayoutResult} from './paginate.js'

export interface PostprocessOptions {
  /** The date written as the PDF's creation and modification date. */
  date: Date
  creator: string
  geometry: Geometry
  layout: LayoutResult
}

/** What a PDF says of itself and was printed from: a paper, a collection, or a paper cut from one. */
export interface PdfDescription {
  title: string
  /** The names, joined as printed. */
  author: string
  subject?: string | undefined
  keywords?: string[] | undefined
  lang: string
  dir: 'rtl' | 'ltr'
  /** The trees its text was printed from, for the text passes (words wrapped, code lines). */
  printed: Array<Root | ElementContent>
  /** The bookmarks: headings as laid out, at the level each is nested at (2 and up: under no other). */
  bookmarks: LayoutResult['headings']
  /** What the file identifier is derived from, besides the date and geometry. */
  identity: string
  /** Page labels from this folio on, when the PDF is given them (a collection and its offprints). */
  firstFolio?: number | undefined
}

/**
 * Chromium's PDF, finished: stray trailing pages dropped, bookmarks written from the document's headings,
 * document properties and XMP from the manuscript, the title shown in viewers, trim and bleed boxes
 * with crop marks when printing with bleed, and fixed dates and identifier so that the same input gives
 * the same bytes. The tagged structure Chromium wrote is left as it is.
 */
export async function postprocessPdf(
  bytes: Uint8Array,
  document: Document,
  options: PostprocessOptions
): Promise<Uint8Array> {
  return finishPdf(bytes, describeDocument(document, options.layout), options)
}

/** A paper's PDF as its own manuscript describes it. */
export function describeDocument(document: Document, layout: LayoutResult): PdfDescription {
  const {meta} = document
  return {
    title: meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title,
    author: authorsOf(meta)
      .map((entry) => entry.name)
      .join('، '),
    subject: document.abstract ? toString(document.abstract).replace(/\s+/g, ' ').trim() : meta.subtitle,
    keywords: meta.keywords,
    lang: meta.lang,
    dir: document.dir,
    printed: printedTrees(document),
    // The title (h1) stands beside the sections, not above them: it is one page of the paper, like them.
    bookmarks: layout.headings.map((heading) => ({...heading, level: Math.max(heading.level, 2)})),
    identity: String(document.file.value)
  }
}

/** The trees a paper's text is printed from. */
export function printedTrees(document: Document): Array<Root | ElementContent> {
  return [
    document.body,
    ...(document.abstract ? [document.abstract] : []),
    ...document.notes.flatMap((note) => note.content)
  ]
}

/** Post-processing (see `postprocessPdf`) of any PDF the press prints, from what it says of itself. */
export async function finishPdf(
  bytes: Uint8Array,
  description: PdfDescription,
  options: PostprocessOptions
): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, {updateMetadata: false})
  const {title, author, subject, keywords, lang, dir} = description
  const {date, creator, geometry, layout} = options

  // Chromium ends some documents with an empty page after the last forced break.
  while (pdf.getPageCount() > layout.pages && layout.pages > 0) pdf.removePage(pdf.getPageCount() - 1)

  pdf.setTitle(title, {showInWindowTitleBar: true})
  pdf.setAuthor(author)
  if (subject) pdf.setSubject(subject)
  if (keywords) pdf.setKeywords(keywords)
  pdf.setCreator(creator)
  pdf.setProducer(creator)
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  pdf.setLanguage(lang)
  const preferences = pdf.catalog.getOrCreateViewerPreferences()
  // No `/Direction /R2L`, though the book reads right to left: PDFium (Chrome, Edge, Android) takes it as
  // every line's direction when it turns a page's glyphs back into text, and so gives back each
  // left-to-right line (an English note, a Latin cell, a line of code) with its words in reverse order
  // («Harcourt :York New (Order World»). Without it PDFium finds each line's direction from its letters.
  // Corpus, PDFium: left-to-right blocks and code lines in written order 10 → 58 of 103, words intact up in 8
  // manuscripts and down in none (code tutorial 90.3% → 95.8%); the other readers ignore it. What it costs:
  // viewers that honour it (Acrobat) set two pages side by side left to right.
  preferences.setDisplayDocTitle(true)
  writeXmp(pdf, {title, author, subject, keywords: keywords ?? [], language: lang, date, creator})

  // Viewers take a bookmark's direction from its first letter: isolated, a Latin phrase never decides it.
  writeOutline(
    pdf,
    description.bookmarks.map((heading) => ({...heading, text: isolateText(heading.text, dir, {numbers: false})}))
  )
  if (description.firstFolio !== undefined) writePageLabels(pdf, description.firstFolio)
  shortenDestinationNames(pdf)
  renumberStructureIds(pdf)
  textPasses(pdf, description)
  if (geometry.bleed > 0) markTrim(pdf, geometry)

  // Chromium's file identifier changes with every print: derive it from what the PDF was made of.
  const id = PDFHexString.of(
    createHash('md5')
      .update(description.identity)
      .update(date.toISOString())
      .update(JSON.stringify(geometry))
      .digest('hex')
  )
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id])
  return pdf.save({useObjectStreams: false, updateFieldAppearances: false})
}

/** The text layer's repairs, on every page. */
function textPasses(pdf: PDFDocument, {printed, dir}: PdfDescription): void {
  // One reader for the text passes: each reads the streams and font maps the one before read.
  const reader = textReader(pdf)
  wholeWordsIn(pdf, reader)
  wholeWrappedWordsIn(pdf, wrappedWordsOf(printed), dir === 'rtl', reader)
  wholeCodeLinesIn(pdf, codeLinesOf(printed), dir === 'rtl', reader)
  if (dir === 'rtl') rightToLeftPagesIn(pdf, reader)
  baseLetterMaps(pdf, reader)
}

/**
 * Page labels (what a viewer shows as the page's number and goes to when asked for a page): decimal,
 * the first page labelled `first`, so that they equal the printed folios.
 */
export function writePageLabels(pdf: PDFDocument, first: number): void {
  const context = pdf.context
  const range = context.obj({S: 'D', St: first})
  const labels = context.obj({Nums: [0, range]})
  pdf.catalog.set(PDFName.of('PageLabels'), context.register(labels))
}

/**
 * Bookmarks from the headings as laid out (page and position), nested by level. Chromium's own outline
 * reverses the words of Arabic titles; these are the headings' text as written.
 */
export function writeOutline(pdf: PDFDocument, headings: LayoutResult['headings']): void {
  const entries = headings.filter(
    (heading) => heading.page > 0 && heading.page <= pdf.getPageCount() && heading.text.trim()
  )
  if (entries.length === 0) return
  const context = pdf.context
  const outlinesRef = context.nextRef()
  interface Item {
    ref: PDFRef
    dict: PDFDict
    level: number
    children: Item[]
  }
  const root: Item = {ref: outlinesRef, dict: context.obj({Type: 'Outlines'}), level: 0, children: []}
  const stack: Item[] = [root]
  for (const heading of entries) {
    const page = pdf.getPage(heading.page - 1)
    const top = page.getHeight() - heading.top * 0.75
    const dict = context.obj({
      Title: PDFHexString.fromText(heading.text.replace(/\s+/g, ' ').trim()),
      Dest: [page.ref, 'XYZ', null, Math.round(top * 100) / 100, null]
    })
    const level = heading.level
    const item: Item = {ref: context.nextRef(), dict, level, children: []}
    while (stack.length > 1 && stack.at(-1)!.level >= level) stack.pop()
    stack.at(-1)!.children.push(item)
    stack.push(item)
  }
  const link = (parent: Item): number => {
    let count = 0
    parent.children.forEach((child, index) => {
      child.dict.set(PDFName.of('Parent'), parent.ref)
      if (index > 0) child.dict.set(PDFName.of('Prev'), parent.children[index - 1]!.ref)
      if (index < parent.children.length - 1) child.dict.set(PDFName.of('Next'), parent.children[index + 1]!.ref)
      const descendants = link(child)
      count += 1 + descendants
      context.assign(child.ref, child.dict)
    })
    if (parent.children.length > 0) {
      parent.dict.set(PDFName.of('First'), parent.children[0]!.ref)
      parent.dict.set(PDFName.of('Last'), parent.children.at(-1)!.ref)
      // Open at the top level, sections folded.
      if (parent.level === 0) parent.dict.set(PDFName.of('Count'), PDFNumber.of(count))
      else parent.dict.set(PDFName.of('Count'), PDFNumber.of(-parent.children.length))
    }
    return parent.level === 0 ? count : parent.children.length
  }
  link(root)
  context.assign(outlinesRef, root.dict)
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef)
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

interface XmpFields {
  title: string
  author: string
  subject: string | undefined
  keywords: string[]
  language: string
  date: Date
  creator: string
}

/** XMP metadata saying what the Info dictionary says (PDF/A and library catalogues read this one). */
function writeXmp(pdf: PDFDocument, fields: XmpFields): void {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const when = fields.date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const alt = (text: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escape(text)}</rdf:li><rdf:li xml:lang="${escape(fields.language)}">${escape(text)}</rdf:li></rdf:Alt>`
  const xml = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:creator><rdf:Seq>${fields.author
      .split('، ')
      .map((name) => `<rdf:li>${escape(name)}</rdf:li>`)
      .join('')}</rdf:Seq></dc:creator>`,
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    fields.keywords.length > 0
      ? `<dc:subject><rdf:Bag>${fields.keywords.map((keyword) => `<rdf:li>${escape(keyword)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`
      : '',
    `<dc:language><rdf:Bag><rdf:li>${escape(fields.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${when}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escape(fields.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${escape(fields.creator)}</pdf:Producer>`,
    fields.keywords.length > 0 ? `<pdf:Keywords>${escape(fields.keywords.join(' '))}</pdf:Keywords>` : '',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>'
  ]
    .filter(Boolean)
    .join('\n')
  const stream = pdf.context.stream(new TextEncoder().encode(xml), {Type: 'Metadata', Subtype: 'XML'})
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream))
}

/**
 * Press-ready boxes: each page was printed at trim size plus bleed; the media box grows around it to
 * make room for crop marks, which are drawn as artifacts so the tagged structure stays as it was.
 */
function markTrim(pdf: PDFDocument, geometry: Geometry): void {
  const bleed = geometry.bleed * millimetre
  const slug = 10 * millimetre
  for (const page of pdf.getPages()) {
    const {width, height} = page.getSize()
    page.setMediaBox(-slug, -slug, width + 2 * slug, height + 2 * slug)
    page.setCropBox(-slug, -slug, width + 2 * slug, height + 2 * slug)
    page.setBleedBox(0, 0, width, height)
    page.setTrimBox(bleed, bleed, width - 2 * bleed, height - 2 * bleed)
    drawCropMarks(page, {left: bleed, bottom: bleed, right: width - bleed, top: height - bleed}, {width, height}, slug)
  }
}

function drawCropMarks(
  page: PDFPage,
  trim: {left: number; bottom: number; right: number; top: number},
  media: {width: number; height: number},
  slug: number
): void {
  const gap = 2 * millimetre
  const lines: Array<[number, number, number, number]> = []
  for (const x of [trim.left, trim.right])
    lines.push([x, -slug, x, -gap], [x, media.height + gap, x, media.height + slug])
  for (const y of [trim.bottom, trim.top])
    lines.push([-slug, y, -gap, y], [media.width + gap, y, media.width + slug, y])
  const path = lines
    .map(([x1, y1, x2, y2]) => `${x1.toFixed(2)} ${y1.toFixed(2)} m ${x2.toFixed(2)} ${y2.toFixed(2)} l S`)
    .join('\n')
  // Chromium's content changes the coordinate system: pdf-lib's normalize wraps it in q … Q first.
  page.node.normalize()
  const context = page.doc.context
  page.node.addContentStream(
    context.register(context.flateStream(`/Artifact BMC\nq 0.25 w 0 0 0 1 K\n${path}\nQ\nEMC\n`))
  )
}

/**
 * Chromium names a link's destination after the element id, percent-encoded: an Arabic heading id
 * becomes a name of several hundred bytes, past the 127 that PDF 1.7 readers accept (poppler warns on
 * every page). Long names become short and the links follow; short ones (note ids) stay readable.
 */
export function shortenDestinationNames(pdf: PDFDocument): void {
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  if (!dests) return
  const renamed = new Map<string, PDFName>()
  dests.entries().forEach(([name, destination], index) => {
    if (name.asString().length <= 100) return
    const short = PDFName.of(`d${index + 1}`)
    renamed.set(name.asString(), short)
    dests.delete(name)
    dests.set(short, destination)
  })
  const rename = (value: unknown) => (value instanceof PDFName ? renamed.get(value.asString()) : undefined)
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
}

/**
 * Chromium names the structure elements that table cells refer to (`/ID`, `/Headers`, the `/IDTree`)
 * after its own node counter, which runs on across every publication a tab has printed: renumbered
 * from one in the same order, the same publication gets the same names wherever it was printed.
 */
export function renumberStructureIds(pdf: PDFDocument): void {
  const pattern = /^node\d+$/
  // Where each name sits: PDFString keeps its text private, so a name is replaced in its container.
  const places: Array<{container: PDFArray | PDFDict; key: number | PDFName; name: string}> = []
  const visit = (container: PDFArray | PDFDict): void => {
    const entries: Array<[number | PDFName, unknown]> =
      container instanceof PDFArray ? container.asArray().map((value, index) => [index, value]) : container.entries()
    for (const [key, value] of entries) {
      if (value instanceof PDFString && pattern.test(value.asString()))
        places.push({container, key, name: value.asString()})
      else if (value instanceof PDFArray || value instanceof PDFDict) visit(value)
    }
  }
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFArray || object instanceof PDFDict) visit(object)
  }
  const names = [...new Set(places.map((place) => place.name))].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
  const renamed = new Map(names.map((name, index) => [name, PDFString.of(`node${String(index + 1).padStart(8, '0')}`)]))
  for (const {container, key, name} of places) {
    if (container instanceof PDFArray) container.set(key as number, renamed.get(name)!)
    else container.set(key as PDFName, renamed.get(name)!)
  }
}
