import {toHtml} from 'hast-util-to-html'
import type {Brand} from '../../brand/brand.js'
import {authorsOf} from '../../manuscript/meta.js'
import type {Collection, Document} from '../../model/types.js'
import {collectionLabels, collectionPages, editorsOf, paperTitleBlock} from '../../parts/collection.js'
import {composeParts} from '../../parts/pages.js'
import {
  accessibilityMetadata,
  type Book,
  type Credit,
  coreMetadata,
  coverPart,
  escapeXml,
  inWorkFolder,
  languageAttributes,
  packageBook,
  type Part,
  paperLinks,
  coverFileUrl,
  writeCover,
  writeGraphics
} from './book.js'
import {collectionNavigation, type NavPaper, ncxNavMap} from './collection-nav.js'
import {backPart, type EpubOptions, headingsText, landmarks, nameBasedUuid, notesText, sectionParts} from './epub.js'
import {contentOpf, ownLanguageChapterXhtml, tocNcx, tocXhtml} from './templates.js'

export interface CollectionEpubOptions extends Omit<EpubOptions, 'cover'> {
  /** The print edition's cover, as a JPEG, or its promise: awaited only when the book is packaged. */
  cover?: Uint8Array | Promise<Uint8Array> | undefined
}

/**
 * A collection's EPUB 3: its cover, title and rights pages, then each paper (its opening with title,
 * authors and abstract, then a file per section, its notes numbered as in the paper and kept inside it),
 * then the centre's back page. Each paper's files keep its language and direction; the navigation nests
 * each paper's sections under its title.
 */
export async function writeCollectionEpub(
  collection: Collection,
  brand: Brand,
  options: CollectionEpubOptions
): Promise<Uint8Array> {
  return inWorkFolder(async (work) => {
    const graphicUrl = await writeGraphics(brand, work)
    const coverUrl = options.cover ? coverFileUrl(work) : undefined
    // The cover may still be drawn from the PDF the browser is printing: the book is made meanwhile.
    const ready = Promise.resolve(options.cover).then((cover) => writeCover(cover, work))
    // Awaited by the packager; until then a failure is not unhandled.
    ready.catch(() => undefined)
    const papers = collection.papers.map((document, index) => paperFiles(document, brand, index, graphicUrl))
    const {meta} = collection
    const identifier = nameBasedUuid(`hammurabi-press:collection:${collection.slug}`)
    const nav = collectionNavigation(collection, brand, papers)
    const navMap = ncxNavMap({label: brand.data.labels.contents, href: 'toc.xhtml'}, nav)
    const book: Book = {
      parts: collectionParts(collection, brand, papers, {graphicUrl, coverUrl}),
      title: meta.title,
      authors: creditsOf(collection)
        .filter((credit) => credit.element === 'creator')
        .map((credit) => credit.name),
      description: '',
      date: meta.date,
      lang: meta.lang,
      dir: collection.dir,
      identifier,
      metadata: metadataXml(collection, brand, identifier, options.date),
      nav: {
        toc: toHtml(nav, {closeSelfClosing: true}),
        landmarks: landmarks(brand, coverUrl && 'cover.xhtml', papers[0]?.opening)
      },
      coverUrl,
      text: collectionText(collection, brand),
      templates: {
        contentOPF: contentOpf(meta.lang, collection.dir),
        tocXHTML: tocXhtml(meta.lang, collection.dir),
        chapterXHTML: ownLanguageChapterXhtml(),
        tocNCX: tocNcx(meta.lang)
      },
      templateData: {navMap: navMap.xml, navDepth: String(navMap.depth)}
    }
    return packageBook(book, brand, work, {...options, ready})
  })
}

/** Every file in reading order; the collection's own pages in its language, each paper's in the paper's. */
function collectionParts(
  collection: Collection,
  brand: Brand,
  papers: PaperFiles[],
  urls: {graphicUrl: (name: string) => string; coverUrl: string | undefined}
): Part[] {
  const {meta} = collection
  const language = {lang: meta.lang, dir: collection.dir}
  const pages = collectionPages(collection, brand, urls.graphicUrl)
  return [
    ...(urls.coverUrl ? [coverPart(urls.coverUrl, `${brand.data.labels.cover}: ${meta.title}`)] : []),
    {filename: 'title-page.xhtml', title: meta.title, nodes: [pages.titlePage], front: true},
    {filename: 'rights.xhtml', title: brand.data.rights.notice, nodes: [pages.rightsPage], front: true},
    ...papers.flatMap((paper) => paper.parts),
    backPart(brand, pages.backPage)
  ].map((part) => ({language, ...part}))
}

/** Words shown outside the parts' own text: notes, headings as the nav numbers them, the template's labels. */
function collectionText(collection: Collection, brand: Brand): string[] {
  return [
    ...collection.papers.flatMap((document) => [notesText(document), headingsText(document)]),
    Object.values(brand.data.labels).join(' '),
    Object.values(collectionLabels(brand)).join(' ')
  ]
}

interface PaperFiles extends NavPaper {
  parts: Part[]
}

/**
 * A paper's files, named after its place in the collection (`paper-02-…`): its opening, then its sections.
 * Its links and notes stay among them.
 */
function paperFiles(document: Document, brand: Brand, index: number, graphicUrl: (name: string) => string): PaperFiles {
  const prefix = `paper-${String(index + 1).padStart(2, '0')}-`
  const {abstract} = composeParts(document, brand, {graphicUrl})
  const opening: Part = {
    filename: `${prefix}opening.xhtml`,
    title: document.meta.title,
    nodes: abstract ? [paperTitleBlock(document, brand), abstract] : [paperTitleBlock(document, brand)],
    front: false
  }
  const own = [opening, ...sectionParts(document, prefix)]
  const links = paperLinks(document, own)
  const language = {lang: document.meta.lang, dir: document.dir}
  return {
    document,
    opening: opening.filename,
    fileOf: links.fileOf,
    parts: own.map((part) => ({...part, links, language}))
  }
}

/**
 * Who made the collection: its editors as creators (role `edt`), the papers' authors as contributors
 * (`aut`), each named once; without editors, the authors are its creators.
 */
export function creditsOf(collection: Collection): Credit[] {
  const editors = editorsOf(collection).map(
    (editor) => ({name: editor.name, relator: 'edt', element: 'creator'}) as const
  )
  const element = editors.length > 0 ? 'contributor' : 'creator'
  const authors = new Map<string, Credit>()
  for (const document of collection.papers) {
    for (const {name} of authorsOf(document.meta))
      if (!authors.has(name)) authors.set(name, {name, relator: 'aut', element, lang: foreign(document, collection)})
  }
  return [...editors, ...authors.values()]
}

/** A paper's language where it is not the collection's. */
function foreign(document: Document, collection: Collection): string | undefined {
  return document.meta.lang === collection.meta.lang ? undefined : document.meta.lang
}

function metadataXml(collection: Collection, brand: Brand, identifier: string, date: Date): string {
  const {meta} = collection
  const lines = coreMetadata(
    {
      identifier,
      title: meta.title,
      subtitle: meta.subtitle,
      credits: creditsOf(collection),
      date: meta.date,
      lang: meta.lang
    },
    brand,
    date
  )
  lines.push(...seriesMetadata(collection, brand))
  const subjects = new Map<string, string>()
  for (const document of collection.papers) {
    for (const keyword of document.meta.keywords ?? [])
      if (!subjects.has(keyword))
        subjects.set(
          keyword,
          `<dc:subject${languageAttributes(foreign(document, collection))}>${escapeXml(keyword)}</dc:subject>`
        )
  }
  lines.push(...subjects.values())
  lines.push(...accessibilityMetadata(collection.papers, brand))
  return lines.map((line) => `    ${line}`).join('\n')
}

/**
 * The series, the volume and the issue's number, as EPUB 3 chains collections: the issue is number N of
 * its volume (a set), which is volume V of the series. Without a series there is nothing to belong to.
 */
export function seriesMetadata(collection: Collection, brand: Brand): string[] {
  const {series, volume, number} = collection.meta
  if (!series) return []
  const member = (id: string, name: string, type: string, position: number | undefined, refines?: string) => [
    `<meta ${refines ? `refines="#${refines}" ` : ''}property="belongs-to-collection" id="${id}">${escapeXml(name)}</meta>`,
    `<meta refines="#${id}" property="collection-type">${type}</meta>`,
    ...(position === undefined ? [] : [`<meta refines="#${id}" property="group-position">${position}</meta>`])
  ]
  if (volume !== undefined && number !== undefined) {
    const volumeName = `${series}، ${collectionLabels(brand).volume} ${volume}`
    return [...member('volume', volumeName, 'set', number), ...member('series', series, 'series', volume, 'volume')]
  }
  return member('series', series, 'series', volume ?? number)
}
