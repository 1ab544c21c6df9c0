import type {Element, ElementContent} from 'hast'
import {createHash} from 'node:crypto'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {EPub, type Chapter} from 'epub-gen-memory'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import {visit} from 'unist-util-visit'
import {applyDirection} from '../../arabic/direction-tree.js'
import {brandCss, stylesheetsFor, type Brand} from '../../brand/brand.js'
import type {Document, Heading, Note} from '../../model/types.js'
import {composeParts, contentsList, noteContent} from '../../parts/pages.js'
import {authorsOf} from '../../manuscript/meta.js'
import {subsetFonts} from './fonts.js'
import {chapterXhtml, contentOpf, tocXhtml} from './templates.js'
import {makeReproducible, renderedEntries, withManifestId, withTemplateData} from './epub-gen-internals.js'
import {zipArchive} from './zip.js'

export interface EpubOptions {
  /** Written as `dcterms:modified` and as the time of every entry of the zip. */
  date: Date
  /** The print edition's cover, as a JPEG: the e-book's cover image. */
  cover?: Uint8Array | undefined
  /** Where font subsets are kept between builds. */
  fontCache?: string | undefined
}

interface Part {
  filename: string
  title: string
  nodes: ElementContent[]
  /** Front matter comes before the contents page. */
  front: boolean
}

/**
 * The EPUB 3 edition: the document's parts as XHTML files (the body split at its sections), each
 * section carrying its own notes as pop-up footnotes, packaged by epub-gen-memory with right-to-left
 * templates, then made reproducible (names, identifier and dates fixed).
 */
export async function writeEpub(document: Document, brand: Brand, options: EpubOptions): Promise<Uint8Array> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hammurabi-press-epub-'))
  try {
    const graphicUrl = await writeGraphics(brand, work)
    const parts = composeParts(document, brand, {graphicUrl})
    const sections = splitSections(document.body.children as ElementContent[])
    const bodyParts: Part[] = sections.map((nodes, index) => {
      const heading = nodes.find((node): node is Element => node.type === 'element' && node.tagName === 'h2')
      return {
        filename: `section-${String(index + 1).padStart(2, '0')}.xhtml`,
        title: heading ? toString(heading) : document.meta.title,
        nodes,
        front: false
      }
    })
    let coverUrl: string | undefined
    if (options.cover) {
      coverUrl = pathToFileURL(path.join(work, 'cover.jpg')).href
      await writeFile(path.join(work, 'cover.jpg'), options.cover)
    }
    const coverTitle = `${brand.data.labels.cover}: ${document.meta.title}`

    const all: Part[] = [
      ...(coverUrl
        ? [{filename: 'cover.xhtml', title: coverTitle, nodes: [coverPage(coverUrl, coverTitle)], front: true}]
        : []),
      {filename: 'title-page.xhtml', title: document.meta.title, nodes: [parts.titlePage], front: true},
      {filename: 'rights.xhtml', title: brand.data.rights.notice, nodes: [parts.rightsPage], front: true},
      ...(parts.abstract
        ? [{filename: 'abstract.xhtml', title: brand.data.labels.abstract, nodes: [parts.abstract], front: true}]
        : []),
      ...bodyParts,
      {filename: 'about.xhtml', title: brand.data.name.ar, nodes: [parts.backPage], front: false}
    ]
    const fileOf = new Map<string, string>()
    for (const part of all) {
      visit({type: 'root', children: part.nodes}, 'element', (element: Element) => {
        if (element.properties.id) fileOf.set(String(element.properties.id), part.filename)
      })
    }
    for (const note of document.notes) fileOf.set(note.id, fileOf.get(note.callId) ?? '')

    const imageUrls = new Map(document.assets.map((asset) => [asset.src, pathToFileURL(asset.path).href]))
    // Manifest ids of our own: the library's are an index and a slug of the title; ours are safe XML names.
    const chapters: Chapter[] = all.map((part, index) =>
      withManifestId(
        {
          title: part.title,
          filename: part.filename,
          beforeToc: part.front,
          excludeFromToc: part.front || part.filename === 'about.xhtml',
          content: chapterContent(document, brand, part, {imageUrls, fileOf})
        },
        `part-${index + 1}`
      )
    )

    // The characters the book shows (text only: attributes hold temporary paths that differ per build).
    const text = [
      toString({type: 'root', children: all.flatMap((part) => part.nodes)}),
      toString({type: 'root', children: document.notes.flatMap((note) => note.content)}),
      Object.values(brand.data.labels).join(' '),
      document.headings.map((heading) => `${heading.number ?? ''} ${heading.text}`).join(' ')
    ].join(' ')
    const {fonts, fileName} = await subsetFonts(brand, text, work, {cacheFolder: options.fontCache})
    const stylesheets = await Promise.all(stylesheetsFor(brand, 'epub').map((file) => readFile(file, 'utf8')))
    const identifier = bookIdentifier(document)
    const nav = navigation(document, brand, fileOf, {
      cover: coverUrl ? 'cover.xhtml' : undefined,
      body: bodyParts[0]?.filename
    })
    const epub = new EPub(
      withTemplateData(
        {
          title: document.meta.title,
          author: authorsOf(document.meta).map((author) => author.name),
          publisher: brand.data.name.ar,
          description: document.abstract ? toString(document.abstract).trim() : '',
          date: document.meta.date,
          lang: document.meta.lang,
          tocTitle: brand.data.labels.contents,
          prependChapterTitles: false,
          numberChaptersInTOC: false,
          css: brandCss(brand, (file) => `fonts/${fileName(file)}`) + stylesheets.join('\n'),
          fonts,
          contentOPF: contentOpf(document.meta.lang, document.dir),
          tocXHTML: tocXhtml(document.meta.lang, document.dir),
          chapterXHTML: chapterXhtml(document.meta.lang, document.dir),
          ignoreFailedDownloads: false,
          verbose: false
        },
        {
          metadata: metadataXml(document, brand, identifier, options.date),
          nav: nav.toc,
          landmarks: nav.landmarks,
          coverUrl: coverUrl ?? ''
        }
      ),
      chapters
    )

    makeReproducible(epub, identifier)
    await epub.render()
    // The library assembles the files; the archive is written here, with Node's zlib, and dated by the book.
    const entries = await renderedEntries(epub)
    // `mimetype` first, as the container format requires (the library adds it first already).
    entries.sort((a, b) => Number(b.name === 'mimetype') - Number(a.name === 'mimetype'))
    return zipArchive(entries, options.date)
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

function coverPage(url: string, title: string): Element {
  return h('section.cover-page', {'epub:type': 'cover'}, [
    h('img.cover-image', {src: url, alt: title, role: 'doc-cover'})
  ])
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

interface Links {
  imageUrls: Map<string, string>
  /** The file each id is in: links into another file name it. */
  fileOf: Map<string, string>
}

/** A part's XHTML body: its nodes, note calls marked as such, and its notes as footnotes after them. */
function chapterContent(document: Document, brand: Brand, part: Part, links: Links): string {
  const root = structuredClone({type: 'root' as const, children: part.nodes})
  const called: Note[] = []
  visit(root, 'element', (element: Element) => {
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
      const note = document.notes.find((candidate) => `#${candidate.id}` === element.properties.href)
      if (note && !called.includes(note)) called.push(note)
    }
  })
  if (called.length > 0) {
    root.children.push(
      h(
        'section.footnotes',
        {'epub:type': 'footnotes', 'aria-label': brand.data.labels.notes},
        called.map((note) =>
          h(
            'aside.footnote',
            {id: note.id, 'epub:type': 'footnote', role: 'doc-footnote'},
            noteContent(document, brand, note)
          )
        )
      )
    )
  }
  return toHtml(root)
}

function navigation(
  document: Document,
  brand: Brand,
  fileOf: Map<string, string>,
  start: {cover: string | undefined; body: string | undefined}
) {
  const list = contentsList(document.headings, (heading: Heading) => `${fileOf.get(heading.id) ?? ''}#${heading.id}`)
  applyDirection(list, document.dir, {blocks: false, numbers: document.meta.digits !== 'arabic-indic'})
  const entries = list.children as ElementContent[]
  if (document.abstract) entries.unshift(h('li', h('a', {href: 'abstract.xhtml'}, brand.data.labels.abstract)))
  entries.push(h('li', h('a', {href: 'about.xhtml'}, brand.data.name.ar)))
  const landmarks = h('ol', [
    start.cover ? h('li', h('a', {'epub:type': 'cover', href: start.cover}, brand.data.labels.cover)) : undefined,
    h('li', h('a', {'epub:type': 'toc', href: 'toc.xhtml'}, brand.data.labels.contents)),
    start.body
      ? h('li', h('a', {'epub:type': 'bodymatter', href: start.body}, brand.data.labels.bodymatter))
      : undefined
  ])
  return {toc: toHtml(list, {closeSelfClosing: true}), landmarks: toHtml(landmarks, {closeSelfClosing: true})}
}

/** A UUID derived from the slug (name-based, RFC 4122 version 5 layout): the same book keeps its identity. */
export function bookIdentifier(document: Document): string {
  const hex = createHash('sha1').update(`hammurabi-press:${document.slug}`).digest('hex').slice(0, 32).split('')
  hex[12] = '5'
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

function metadataXml(document: Document, brand: Brand, identifier: string, date: Date): string {
  const {meta} = document
  const lines = [
    `<dc:identifier id="book-id">${escapeXml(identifier)}</dc:identifier>`,
    `<dc:title id="title">${escapeXml(meta.title)}</dc:title>`,
    '<meta refines="#title" property="title-type">main</meta>'
  ]
  if (meta.subtitle) {
    lines.push(
      `<dc:title id="subtitle">${escapeXml(meta.subtitle)}</dc:title>`,
      '<meta refines="#subtitle" property="title-type">subtitle</meta>'
    )
  }
  authorsOf(meta).forEach((author, index) => {
    lines.push(
      `<dc:creator id="creator-${index + 1}">${escapeXml(author.name)}</dc:creator>`,
      `<meta refines="#creator-${index + 1}" property="role" scheme="marc:relators">aut</meta>`
    )
  })
  lines.push(
    `<dc:publisher>${escapeXml(brand.data.name.ar)}</dc:publisher>`,
    `<dc:date>${meta.date}</dc:date>`,
    `<dc:language>${escapeXml(meta.lang)}</dc:language>`,
    `<dc:rights>${escapeXml(brand.data.rights.notice)}</dc:rights>`,
    `<meta property="dcterms:modified">${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</meta>`
  )
  if (document.abstract)
    lines.push(`<dc:description>${escapeXml(toString(document.abstract).replace(/\s+/g, ' ').trim())}</dc:description>`)
  for (const keyword of meta.keywords ?? []) lines.push(`<dc:subject>${escapeXml(keyword)}</dc:subject>`)
  lines.push(...accessibilityMetadata(document, brand))
  return lines.map((line) => `    ${line}`).join('\n')
}

/**
 * What a reader's software and a library's catalogue need to know of the book's accessibility. The book
 * claims WCAG 2 AA conformance only when every image of the author's has alternative text.
 */
function accessibilityMetadata(document: Document, brand: Brand): string[] {
  const described = !document.file.messages.some((message) => message.ruleId === 'image-alt')
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

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The template's SVGs, coloured for the page (an `<img>` cannot take `currentColor` from it). */
async function writeGraphics(brand: Brand, folder: string): Promise<(name: string) => string> {
  const colour = brand.data.colors.primary ?? '#000000'
  const sources: Record<string, string> = {logo: brand.logo, ...brand.icons}
  for (const [name, source] of Object.entries(sources)) {
    await writeFile(path.join(folder, `graphic-${name}.svg`), source.replaceAll('currentColor', colour))
  }
  return (name) => pathToFileURL(path.join(folder, `graphic-${name}.svg`)).href
}
