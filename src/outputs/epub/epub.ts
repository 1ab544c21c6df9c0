import type {Element, ElementContent} from 'hast'
import {createHash} from 'node:crypto'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import {applyDirection} from '../../arabic/direction-tree.js'
import type {Brand} from '../../brand/brand.js'
import type {Document, Heading} from '../../model/types.js'
import {composeParts, contentsList, type Parts} from '../../parts/pages.js'
import {authorsOf} from '../../manuscript/meta.js'
import {
  accessibilityMetadata,
  type Book,
  coreMetadata,
  coverPart,
  escapeXml,
  inWorkFolder,
  packageBook,
  type Part,
  paperLinks,
  writeCover,
  writeGraphics
} from './book.js'
import {chapterXhtml, contentOpf, tocXhtml} from './templates.js'

export interface EpubOptions {
  /** Written as `dcterms:modified` and as the time of every entry of the zip. */
  date: Date
  /** The print edition's cover, as a JPEG: the e-book's cover image. */
  cover?: Uint8Array | undefined
  /** Where font subsets are kept between builds. */
  fontCache?: string | undefined
}

/**
 * The EPUB 3 edition: the document's parts as XHTML files (the body split at its sections), each
 * section carrying its own notes as pop-up footnotes, packaged by epub-gen-memory with right-to-left
 * templates, then made reproducible (names, identifier and dates fixed).
 */
export async function writeEpub(document: Document, brand: Brand, options: EpubOptions): Promise<Uint8Array> {
  return inWorkFolder(async (work) => {
    const parts = composeParts(document, brand, {graphicUrl: await writeGraphics(brand, work)})
    const bodyParts = sectionParts(document)
    const coverUrl = await writeCover(options.cover, work)
    const all = paperParts(document, brand, parts, bodyParts, coverUrl)
    const links = paperLinks(document, all)
    const identifier = bookIdentifier(document)
    const {meta} = document
    const book: Book = {
      parts: all.map((part) => ({...part, links})),
      title: meta.title,
      authors: authorsOf(meta).map((author) => author.name),
      description: document.abstract ? toString(document.abstract).trim() : '',
      date: meta.date,
      lang: meta.lang,
      dir: document.dir,
      identifier,
      metadata: metadataXml(document, brand, identifier, options.date),
      nav: {
        toc: toHtml(navigation(document, brand, links.fileOf), {closeSelfClosing: true}),
        landmarks: landmarks(brand, coverUrl && 'cover.xhtml', bodyParts[0]?.filename)
      },
      coverUrl,
      text: [notesText(document), Object.values(brand.data.labels).join(' '), headingsText(document)],
      templates: {
        contentOPF: contentOpf(meta.lang, document.dir),
        tocXHTML: tocXhtml(meta.lang, document.dir),
        chapterXHTML: chapterXhtml(meta.lang, document.dir)
      }
    }
    return packageBook(book, brand, work, options)
  })
}

/** A paper's files in reading order: cover, title page, rights, abstract, its sections, the centre's page. */
function paperParts(
  document: Document,
  brand: Brand,
  parts: Parts,
  bodyParts: Part[],
  coverUrl: string | undefined
): Part[] {
  return [
    ...(coverUrl ? [coverPart(coverUrl, `${brand.data.labels.cover}: ${document.meta.title}`)] : []),
    {filename: 'title-page.xhtml', title: document.meta.title, nodes: [parts.titlePage], front: true},
    {filename: 'rights.xhtml', title: brand.data.rights.notice, nodes: [parts.rightsPage], front: true},
    ...(parts.abstract
      ? [{filename: 'abstract.xhtml', title: brand.data.labels.abstract, nodes: [parts.abstract], front: true}]
      : []),
    ...bodyParts,
    backPart(brand, parts.backPage)
  ]
}

/** The body's files, one per section, named `<prefix>section-NN.xhtml`, each titled by its heading. */
export function sectionParts(document: Document, prefix = ''): Part[] {
  return splitSections(document.body.children as ElementContent[]).map((nodes, index) => {
    const heading = nodes.find((node): node is Element => node.type === 'element' && node.tagName === 'h2')
    return {
      filename: `${prefix}section-${String(index + 1).padStart(2, '0')}.xhtml`,
      title: heading ? toString(heading) : document.meta.title,
      nodes,
      front: false
    }
  })
}

/** The body's sections: a new file at every `h2`, with what comes before the first one in a file of its own. */
export function splitSections(nodes: ElementContent[]): ElementContent[][] {
  const sections: ElementContent[][] = [[]]
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'h2' && sections.at(-1)!.some((other) => other.type === 'element'))
      sections.push([])
    sections.at(-1)!.push(node)
  }
  return sections.filter((section) => section.some((node) => node.type === 'element'))
}

/** The centre's back page, last in the reading order, outside the library's own list of chapters. */
export function backPart(brand: Brand, page: Element): Part {
  return {filename: 'about.xhtml', title: brand.data.name.ar, nodes: [page], front: false, unlisted: true}
}

/** The words of a paper's notes and of its headings with their numbers, as the nav and footnotes show them. */
export function notesText(document: Document): string {
  return toString({type: 'root', children: document.notes.flatMap((note) => note.content)})
}

export function headingsText(document: Document): string {
  return document.headings.map((heading) => `${heading.number ?? ''} ${heading.text}`).join(' ')
}

/** A paper's headings as nested lists linking into its files, laid out in its direction. */
export function headingsList(document: Document, fileOf: Map<string, string>): Element {
  const list = contentsList(document.headings, (heading: Heading) => `${fileOf.get(heading.id) ?? ''}#${heading.id}`)
  applyDirection(list, document.dir, {blocks: false, numbers: document.meta.digits !== 'arabic-indic'})
  return list
}

function navigation(document: Document, brand: Brand, fileOf: Map<string, string>): Element {
  const list = headingsList(document, fileOf)
  const entries = list.children as ElementContent[]
  if (document.abstract) entries.unshift(h('li', h('a', {href: 'abstract.xhtml'}, brand.data.labels.abstract)))
  entries.push(h('li', h('a', {href: 'about.xhtml'}, brand.data.name.ar)))
  return list
}

/** The landmarks: the cover, the contents and where the body starts. */
export function landmarks(brand: Brand, cover: string | undefined, body: string | undefined): string {
  const list = h('ol', [
    cover ? h('li', h('a', {'epub:type': 'cover', href: cover}, brand.data.labels.cover)) : undefined,
    h('li', h('a', {'epub:type': 'toc', href: 'toc.xhtml'}, brand.data.labels.contents)),
    body ? h('li', h('a', {'epub:type': 'bodymatter', href: body}, brand.data.labels.bodymatter)) : undefined
  ])
  return toHtml(list, {closeSelfClosing: true})
}

/** A UUID derived from the slug (name-based, RFC 4122 version 5 layout): the same book keeps its identity. */
export function bookIdentifier(document: Document): string {
  return nameBasedUuid(`hammurabi-press:${document.slug}`)
}

export function nameBasedUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('')
  hex[12] = '5'
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

function metadataXml(document: Document, brand: Brand, identifier: string, date: Date): string {
  const {meta} = document
  const credits = authorsOf(meta).map((author) => ({name: author.name, relator: 'aut', element: 'creator'}) as const)
  const lines = coreMetadata(
    {identifier, title: meta.title, subtitle: meta.subtitle, credits, date: meta.date, lang: meta.lang},
    brand,
    date
  )
  if (document.abstract)
    lines.push(`<dc:description>${escapeXml(toString(document.abstract).replace(/\s+/g, ' ').trim())}</dc:description>`)
  for (const keyword of meta.keywords ?? []) lines.push(`<dc:subject>${escapeXml(keyword)}</dc:subject>`)
  lines.push(...accessibilityMetadata([document], brand))
  return lines.map((line) => `    ${line}`).join('\n')
}
