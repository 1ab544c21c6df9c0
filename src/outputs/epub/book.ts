import type {Element, ElementContent} from 'hast'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {EPub, type Chapter, type Options} from 'epub-gen-memory'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import {visit} from 'unist-util-visit'
import {brandCss, stylesheetsFor, type Brand} from '../../brand/brand.js'
import {directionOf} from '../../manuscript/meta.js'
import type {Document, Note} from '../../model/types.js'
import {noteContent} from '../../parts/pages.js'
import {subsetFonts} from './fonts.js'
import {
  makeReproducible,
  renderedEntries,
  withChapterData,
  withManifestId,
  withTemplateData
} from './epub-gen-internals.js'
import {zipArchive} from './zip.js'

/**
 * What a paper's e-book and a collection's share: XHTML files made of parts, each linking into the files
 * of its own paper and carrying that paper's notes as pop-up footnotes, packaged by epub-gen-memory with
 * the writer's templates, then made reproducible (names, identifier and dates fixed).
 */

export interface BookOptions {
  /** Written as `dcterms:modified` and as the time of every entry of the zip. */
  date: Date
  /** Where font subsets are kept between builds. */
  fontCache?: string | undefined
  /** Work the packager must wait for before it reads the work folder (a cover still being drawn). */
  ready?: Promise<unknown> | undefined
}

/** One XHTML file of the book. */
export interface Part {
  filename: string
  title: string
  nodes: ElementContent[]
  /** Front matter comes before the contents page. */
  front: boolean
  /** Left out of the library's flat toc.ncx even though not front matter (the back page). */
  unlisted?: boolean | undefined
  /** The paper the part belongs to: where its links, images and notes are found. */
  links?: PaperLinks | undefined
  /** The file's language and direction, given only where the chapter template asks for them. */
  language?: {lang: string; dir: 'rtl' | 'ltr'} | undefined
}

/** A paper's own files, as its links see them. */
export interface PaperLinks {
  document: Document
  imageUrls: Map<string, string>
  /** The file each id is in: links into another file name it. */
  fileOf: Map<string, string>
}

export interface Book {
  parts: Part[]
  title: string
  authors: string[]
  description: string
  /** The publication date, YYYY-MM-DD. */
  date: string
  lang: string
  dir: 'rtl' | 'ltr'
  identifier: string
  /** The package's `<metadata>` content, the nav's list and the landmarks' list, as XML. */
  metadata: string
  nav: {toc: string; landmarks: string}
  coverUrl?: string | undefined
  /** Words the book shows beyond its parts (notes, labels, the nav): their characters are kept in the fonts. */
  text: string[]
  /** Templates that differ from a paper's (contentOPF, tocXHTML, chapterXHTML, tocNCX) and the data they read. */
  templates: {contentOPF: string; tocXHTML: string; chapterXHTML: string; tocNCX?: string}
  templateData?: Readonly<Record<string, string>>
}

/** Runs `make` with a fresh folder for the files the packager reads, removed after. */
export async function inWorkFolder<T>(make: (folder: string) => Promise<T>): Promise<T> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hammurabi-press-epub-'))
  try {
    return await make(work)
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

/** The cover image written where the packager reads it, and its URL. */
export async function writeCover(cover: Uint8Array | undefined, folder: string): Promise<string | undefined> {
  if (!cover) return undefined
  await writeFile(path.join(folder, 'cover.jpg'), cover)
  return coverFileUrl(folder)
}

/** Where `writeCover` puts the cover. */
export function coverFileUrl(folder: string): string {
  return pathToFileURL(path.join(folder, 'cover.jpg')).href
}

export function coverPart(url: string, title: string): Part {
  const page = h('section.cover-page', {'epub:type': 'cover'}, [
    h('img.cover-image', {src: url, alt: title, role: 'doc-cover'})
  ])
  return {filename: 'cover.xhtml', title, nodes: [page], front: true}
}

/** The template's SVGs, coloured for the page (an `<img>` cannot take `currentColor` from it). */
export async function writeGraphics(brand: Brand, folder: string): Promise<(name: string) => string> {
  const colour = brand.data.colors.primary ?? '#000000'
  const sources: Record<string, string> = {logo: brand.logo, ...brand.icons}
  for (const [name, source] of Object.entries(sources)) {
    await writeFile(path.join(folder, `graphic-${name}.svg`), source.replaceAll('currentColor', colour))
  }
  return (name) => pathToFileURL(path.join(folder, `graphic-${name}.svg`)).href
}

/** Where a paper's ids and images are, once its parts are cut into files; a note goes where it is called. */
export function paperLinks(document: Document, parts: Part[]): PaperLinks {
  const fileOf = new Map<string, string>()
  for (const part of parts) {
    visit({type: 'root', children: part.nodes}, 'element', (element: Element) => {
      if (element.properties.id) fileOf.set(String(element.properties.id), part.filename)
    })
  }
  for (const note of document.notes) fileOf.set(note.id, fileOf.get(note.callId) ?? '')
  const imageUrls = new Map(document.assets.map((asset) => [asset.src, pathToFileURL(asset.path).href]))
  return {document, imageUrls, fileOf}
}

/** The EPUB file of a book whose parts, metadata and navigation are made. */
export async function packageBook(book: Book, brand: Brand, work: string, options: BookOptions): Promise<Uint8Array> {
  // The characters the book shows (text only: attributes hold temporary paths that differ per build).
  const text = [toString({type: 'root', children: book.parts.flatMap((part) => part.nodes)}), ...book.text].join(' ')
  const {fonts, fileName} = await subsetFonts(brand, text, work, {cacheFolder: options.fontCache})
  const stylesheets = await Promise.all(stylesheetsFor(brand, 'epub').map((file) => readFile(file, 'utf8')))
  const css = brandCss(brand, (file) => `fonts/${fileName(file)}`) + stylesheets.join('\n')
  await options.ready
  const epub = new EPub(packagerOptions(book, brand, {css, fonts}), chaptersOf(book.parts, brand))
  makeReproducible(epub, book.identifier)
  await epub.render()
  // The library assembles the files; the archive is written here, with Node's zlib, and dated by the book.
  const entries = await renderedEntries(epub)
  // `mimetype` first, as the container format requires (the library adds it first already).
  entries.sort((a, b) => Number(b.name === 'mimetype') - Number(a.name === 'mimetype'))
  return zipArchive(entries, options.date)
}

function packagerOptions(book: Book, brand: Brand, style: Pick<Options, 'css' | 'fonts'>): Options {
  return withTemplateData(
    {
      title: book.title,
      author: book.authors,
      publisher: brand.data.name.ar,
      description: book.description,
      date: book.date,
      lang: book.lang,
      tocTitle: brand.data.labels.contents,
      prependChapterTitles: false,
      numberChaptersInTOC: false,
      ...style,
      ...book.templates,
      ignoreFailedDownloads: false,
      verbose: false
    },
    {
      ...book.templateData,
      metadata: book.metadata,
      nav: book.nav.toc,
      landmarks: book.nav.landmarks,
      coverUrl: book.coverUrl ?? ''
    }
  )
}

/** The library's chapters, with manifest ids of our own (the library's are an index and a slug of the title). */
function chaptersOf(parts: Part[], brand: Brand): Chapter[] {
  return parts.map((part, index) => {
    const chapter = withManifestId(
      {
        title: part.title,
        filename: part.filename,
        beforeToc: part.front,
        excludeFromToc: part.front || part.unlisted === true,
        content: chapterContent(part, brand)
      },
      `part-${index + 1}`
    )
    return part.language ? withChapterData(chapter, part.language) : chapter
  })
}

/** A part's XHTML body: its nodes, note calls marked as such, and its paper's notes as footnotes after them. */
function chapterContent(part: Part, brand: Brand): string {
  const root = structuredClone({type: 'root' as const, children: part.nodes})
  const {links} = part
  const called: Note[] = []
  visit(root, 'element', (element: Element) => {
    if (!links) return
    if (element.tagName === 'img' && typeof element.properties.src === 'string') {
      element.properties.src = links.imageUrls.get(element.properties.src) ?? element.properties.src
    }
    if (
      element.tagName === 'a' &&
      typeof element.properties.href === 'string' &&
      element.properties.href.startsWith('#')
    ) {
      const id = decodeURIComponent(element.properties.href.slice(1))
      const file = links.fileOf.get(id)
      if (file && file !== part.filename) element.properties.href = `${file}#${id}`
    }
    if (element.tagName === 'a' && element.properties.dataFootnoteRef !== undefined) {
      element.properties['epub:type'] = 'noteref'
      element.properties.role = 'doc-noteref'
      const note = links.document.notes.find((candidate) => `#${candidate.id}` === element.properties.href)
      if (note && !called.includes(note)) called.push(note)
    }
  })
  if (links && called.length > 0) root.children.push(footnotes(links.document, brand, called))
  return toHtml(root)
}

function footnotes(document: Document, brand: Brand, notes: Note[]): Element {
  return h(
    'section.footnotes',
    {'epub:type': 'footnotes', 'aria-label': brand.data.labels.notes},
    notes.map((note) =>
      h(
        'aside.footnote',
        {id: note.id, 'epub:type': 'footnote', role: 'doc-footnote'},
        noteContent(document, brand, note)
      )
    )
  )
}

/**
 * What a reader's software and a library's catalogue need to know of the book's accessibility. The book
 * claims WCAG 2 AA conformance only when every image of the authors' has alternative text.
 */
export function accessibilityMetadata(documents: Document[], brand: Brand): string[] {
  const described = documents.every(
    (document) => !document.file.messages.some((message) => message.ruleId === 'image-alt')
  )
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    ...(described ? ['alternativeText'] : [])
  ]
  return [
    '<meta property="schema:accessMode">textual</meta>',
    '<meta property="schema:accessMode">visual</meta>',
    '<meta property="schema:accessModeSufficient">textual</meta>',
    ...features.map((feature) => `<meta property="schema:accessibilityFeature">${feature}</meta>`),
    '<meta property="schema:accessibilityHazard">none</meta>',
    `<meta property="schema:accessibilitySummary">${escapeXml(brand.data.labels.accessibilitySummary)}</meta>`,
    ...(described ? ['<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>'] : [])
  ]
}

/** Someone named in the package: a creator (primary responsibility) or a contributor, with a MARC relator. */
export interface Credit {
  name: string
  relator: 'aut' | 'edt'
  element: 'creator' | 'contributor'
  /** The name's language, where it is not the book's (an English paper's author in an Arabic collection). */
  lang?: string | undefined
}

export interface CoreMetadata {
  identifier: string
  title: string
  subtitle?: string | undefined
  credits: Credit[]
  /** The publication date, YYYY-MM-DD. */
  date: string
  lang: string
}

/** What every book of the centre states first: identity, titles, people, publisher, date, language, rights. */
export function coreMetadata(core: CoreMetadata, brand: Brand, modified: Date): string[] {
  const lines = [
    `<dc:identifier id="book-id">${escapeXml(core.identifier)}</dc:identifier>`,
    `<dc:title id="title">${escapeXml(core.title)}</dc:title>`,
    '<meta refines="#title" property="title-type">main</meta>'
  ]
  if (core.subtitle) {
    lines.push(
      `<dc:title id="subtitle">${escapeXml(core.subtitle)}</dc:title>`,
      '<meta refines="#subtitle" property="title-type">subtitle</meta>'
    )
  }
  const counts = {creator: 0, contributor: 0}
  for (const credit of core.credits) {
    const id = `${credit.element}-${++counts[credit.element]}`
    lines.push(
      `<dc:${credit.element} id="${id}"${languageAttributes(credit.lang)}>${escapeXml(credit.name)}</dc:${credit.element}>`,
      `<meta refines="#${id}" property="role" scheme="marc:relators">${credit.relator}</meta>`
    )
  }
  lines.push(
    `<dc:publisher>${escapeXml(brand.data.name.ar)}</dc:publisher>`,
    `<dc:date>${core.date}</dc:date>`,
    `<dc:language>${escapeXml(core.lang)}</dc:language>`,
    `<dc:rights>${escapeXml(brand.data.rights.notice)}</dc:rights>`,
    `<meta property="dcterms:modified">${modified.toISOString().replace(/\.\d{3}Z$/, 'Z')}</meta>`
  )
  return lines
}

/** `xml:lang` and `dir` for a value in another language than the book's; nothing when there is none. */
export function languageAttributes(lang: string | undefined): string {
  return lang ? ` xml:lang="${escapeXml(lang)}" dir="${directionOf(lang)}"` : ''
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
