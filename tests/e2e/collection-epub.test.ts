import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {XMLParser} from 'fast-xml-parser'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toString} from 'hast-util-to-string'
import sharp from 'sharp'
import {visit} from 'unist-util-visit'
import {beforeAll, describe, expect, it} from 'vitest'
import {formatArabicDate} from '../../src/arabic/dates.js'
import {localizeDigits} from '../../src/arabic/digits.js'
import {type Brand, loadBrand} from '../../src/brand/brand.js'
import {authorsOf} from '../../src/manuscript/meta.js'
import type {Collection} from '../../src/model/types.js'
import {writeCollectionEpub} from '../../src/outputs/epub/collection.js'
import {findBrowser} from '../../src/outputs/pdf/browser.js'
import {collectionOf, corpus, journalIssue, projectRoot} from '../helpers/collection.js'
import {ace, epubcheck, epubEntries} from '../helpers/tools.js'

interface Written {
  collection: Collection
  file: string
  bytes: Uint8Array
  entries: Map<string, string>
}

const out = mkdtempSync(path.join(os.tmpdir(), 'press-collection-epub-'))
const date = new Date(Date.UTC(2025, 11, 1))
let brand: Brand
let cover: Buffer
/** The seed and two corpus papers (notes in the second and third). */
let three: Written
/** Arabic papers (one with Arabic-Indic digits, notes and an image; one without an abstract) and one in English. */
let mixed: Written

async function written(name: string, collection: Collection): Promise<Written> {
  const bytes = await writeCollectionEpub(collection, brand, {date, cover})
  const file = path.join(out, `${name}.epub`)
  writeFileSync(file, bytes)
  return {collection, file, bytes, entries: await epubEntries(file)}
}

beforeAll(async () => {
  brand = await loadBrand(path.join(projectRoot, 'templates/hammurabi'), path.join(projectRoot, 'fonts'))
  // Stands in for the cover drawn from the printed PDF: a JPEG of the trim's proportions.
  cover = await sharp({create: {width: 1400, height: 1980, channels: 3, background: '#14284b'}})
    .jpeg()
    .toBuffer()
  three = await written('three', await collectionOf(journalIssue))
  mixed = await written(
    'mixed',
    await collectionOf(journalIssue, [
      path.join(projectRoot, 'tests/fixtures/manuscripts/sample-paper/index.md'),
      path.join(corpus, 'english-brief/index.md'),
      path.join(corpus, 'book-review/index.md')
    ])
  )
}, 300_000)

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['item', 'itemref', 'navPoint', 'meta', 'dc:creator', 'dc:contributor'].includes(name)
})

function xhtml(book: Written, name: string): Root {
  const source = book.entries.get(`OEBPS/${name}`)
  if (source === undefined) throw new Error(`${name} is not in the book`)
  return fromHtml(source)
}

function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element)
  })
  return found
}

const classOf = (element: Element) => (element.properties.className as string[] | undefined) ?? []
const children = (element: Element, tagName: string) =>
  element.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName)

/** The files in reading order, as the package's spine lists them. */
function spine(book: Written): string[] {
  const opf = xml.parse(book.entries.get('OEBPS/content.opf')!).package
  const files = new Map<string, string>(
    opf.manifest.item.map((item: {id: string; href: string}) => [item.id, item.href])
  )
  return opf.spine.itemref.map((itemref: {idref: string}) => files.get(itemref.idref)!)
}

/** A paper's files in reading order: its opening, then its sections. */
function paperFiles(book: Written, index: number): string[] {
  return spine(book).filter((file) => file.startsWith(`paper-${String(index + 1).padStart(2, '0')}-`))
}

describe("a collection's e-book", () => {
  it('passes epubcheck with the default profile, with no error and no warning', () => {
    for (const book of [three, mixed]) {
      const check = epubcheck(book.file, ['--profile', 'default'])
      expect(check.errors, check.output).toEqual([])
      expect(check.warnings, check.output).toEqual([])
    }
  })

  it('passes DAISY Ace with no violation', () => {
    for (const book of [three, mixed]) {
      const result = ace(book.file, findBrowser())
      expect(result.violations).toEqual([])
      expect(result.outcome).toBe('pass')
    }
  }, 600_000)

  it("reads cover, title page, rights, contents, each paper's opening and sections, then the back page", () => {
    const files = spine(three)
    expect(files.slice(0, 4)).toEqual(['cover.xhtml', 'title-page.xhtml', 'rights.xhtml', 'toc.xhtml'])
    expect(files.at(-1)).toBe('about.xhtml')
    const papers = three.collection.papers.map((_, index) => paperFiles(three, index))
    expect(files.slice(4, -1)).toEqual(papers.flat())
    for (const [index, own] of papers.entries()) {
      const prefix = `paper-${String(index + 1).padStart(2, '0')}-`
      expect(own[0]).toBe(`${prefix}opening.xhtml`)
      expect(own.slice(1)).toEqual(
        own.slice(1).map((_, section) => `${prefix}section-${String(section + 1).padStart(2, '0')}.xhtml`)
      )
    }
  })

  it("gives each of a paper's sections a file of its own, in the paper's order", () => {
    for (const [index, document] of three.collection.papers.entries()) {
      const sections = paperFiles(three, index).slice(1)
      const opening = sections.map((file) => {
        const body = elements(xhtml(three, file), (element) => element.tagName === 'body')[0]!
        return children(body, 'h2')[0]?.properties.id
      })
      const headings = document.headings.filter((heading) => heading.depth === 2).map((heading) => heading.id)
      // Every file but a first one holding what comes before the first heading opens with a section heading.
      expect(opening.filter((id) => id !== undefined)).toEqual(headings)
      expect(opening.slice(1).every((id) => id !== undefined)).toBe(true)
      // One section per file: no second heading of that level inside.
      for (const file of sections)
        expect(elements(xhtml(three, file), (element) => element.tagName === 'h2').length).toBeLessThanOrEqual(1)
    }
  })

  it("nests each paper's sections under its title in the nav, in written order, linking into its own files", () => {
    const nav = elements(
      xhtml(three, 'toc.xhtml'),
      (element) => element.tagName === 'nav' && element.properties.id === 'toc'
    )[0]!
    const entries = children(children(nav, 'ol')[0]!, 'li')
    expect(entries.length).toBe(three.collection.papers.length + 1)
    expect(children(entries.at(-1)!, 'a')[0]!.properties.href).toBe('about.xhtml')
    for (const [index, document] of three.collection.papers.entries()) {
      const entry = entries[index]!
      const title = children(entry, 'a')[0]!
      expect(title.properties.href).toBe(paperFiles(three, index)[0])
      expect(toString(title)).toBe(document.meta.title)
      const links = elements(children(entry, 'ol')[0]!, (element) => element.tagName === 'a').map((link) =>
        String(link.properties.href)
      )
      expect(links.map((href) => decodeURIComponent(href.split('#')[1]!))).toEqual(
        document.headings.map((heading) => heading.id)
      )
      for (const href of links) expect(paperFiles(three, index)).toContain(href.split('#')[0])
      // Nested as the headings are: a sub-heading's entry sits inside its section's.
      const nested = elements(children(entry, 'ol')[0]!, (element) => element.tagName === 'ol').length
      expect(nested > 1).toBe(document.headings.some((heading) => heading.depth > 2))
    }
  })

  it('nests toc.ncx as the nav, in reading order', () => {
    const ncx = xml.parse(three.entries.get('OEBPS/toc.ncx')!).ncx
    type Point = {navLabel: {text: string}; content: {src: string}; playOrder: string; navPoint?: Point[]}
    const points: Point[] = ncx.navMap.navPoint
    expect(points.map((point) => point.content.src)).toEqual([
      'toc.xhtml',
      ...three.collection.papers.map((_, index) => paperFiles(three, index)[0]),
      'about.xhtml'
    ])
    const flat = (list: Point[]): Point[] => list.flatMap((point) => [point, ...flat(point.navPoint ?? [])])
    expect(flat(points).map((point) => Number(point.playOrder))).toEqual(flat(points).map((_, index) => index + 1))
    for (const [index, document] of three.collection.papers.entries()) {
      const point = points[index + 1]!
      expect(point.navLabel.text).toBe(document.meta.title)
      expect(flat(point.navPoint ?? []).map((child) => decodeURIComponent(child.content.src.split('#')[1]!))).toEqual(
        document.headings.map((heading) => heading.id)
      )
    }
    expect(ncx.head.meta.find((meta: {name: string}) => meta.name === 'dtb:depth').content).toBe('3')
  })

  it('resolves every link inside the book, the nav and toc.ncx', () => {
    for (const book of [three, mixed]) {
      const ids = new Map<string, Set<string>>()
      for (const name of book.entries.keys()) {
        if (!name.endsWith('.xhtml')) continue
        const found = elements(xhtml(book, path.basename(name)), (element) => element.properties.id !== undefined)
        ids.set(path.basename(name), new Set(found.map((element) => String(element.properties.id))))
      }
      const hrefs: Array<[string, string]> = []
      for (const name of ids.keys()) {
        for (const link of elements(xhtml(book, name), (element) => element.tagName === 'a'))
          hrefs.push([name, String(link.properties.href)])
      }
      const flat = (list: Array<{content: {src: string}; navPoint?: unknown[]}>): string[] =>
        list.flatMap((point) => [point.content.src, ...flat((point.navPoint ?? []) as typeof list)])
      for (const src of flat(xml.parse(book.entries.get('OEBPS/toc.ncx')!).ncx.navMap.navPoint))
        hrefs.push(['toc.ncx', src])
      let inside = 0
      for (const [name, href] of hrefs) {
        if (URL.canParse(href)) continue
        inside++
        const [file, fragment] = href.split('#')
        const target = file || name
        expect(ids.has(target), `${name} → ${href}`).toBe(true)
        if (fragment) expect(ids.get(target)!.has(decodeURIComponent(fragment)), `${name} → ${href}`).toBe(true)
      }
      expect(inside).toBeGreaterThan(30)
    }
  })

  it("numbers each paper's notes from 1, in its digits, each note and its call linked within the paper's files", () => {
    for (const [book, withNotes] of [
      [three, 2],
      [mixed, 2]
    ] as const)
      expect(notesNumbered(book)).toBe(withNotes)
  })

  /** Checks each paper's notes; gives the number of papers that have some. */
  function notesNumbered(book: Written): number {
    let papersWithNotes = 0
    for (const [index, document] of book.collection.papers.entries()) {
      const files = paperFiles(book, index)
      const numbers: string[] = []
      for (const file of files) {
        for (const note of elements(xhtml(book, file), (element) => classOf(element).includes('footnote'))) {
          const back = elements(note, (element) => classOf(element).includes('note-number'))[0]!
          numbers.push(toString(back))
          const [callFile, callId] = String(back.properties.href).split('#')
          // The call is in this file or another file of the same paper, and links to this note.
          const called = xhtml(book, callFile || file)
          expect(callFile === '' || files.includes(callFile!)).toBe(true)
          const call = elements(called, (element) => element.properties.id === decodeURIComponent(callId!))[0]!
          expect(call.properties.href).toBe(`#${note.properties.id}`)
        }
      }
      expect(numbers).toEqual(document.notes.map((_, note) => localizeDigits(String(note + 1), document.meta.digits)))
      if (numbers.length > 0) papersWithNotes++
    }
    return papersWithNotes
  }

  it("keeps a paper's language and direction on its files and its nav entry inside a collection in another", () => {
    const [arabic, english] = mixed.collection.papers
    expect([arabic!.meta.lang, english!.meta.lang, mixed.collection.meta.lang]).toEqual(['ar', 'en', 'ar'])
    const languageOf = (file: string) => {
      const tree = xhtml(mixed, file)
      const [html] = elements(tree, (element) => element.tagName === 'html')
      const [body] = elements(tree, (element) => element.tagName === 'body')
      return [html!.properties.lang, html!.properties.dir, body!.properties.dir]
    }
    for (const file of paperFiles(mixed, 1)) expect(languageOf(file), file).toEqual(['en', 'ltr', 'ltr'])
    const collectionFiles = ['title-page.xhtml', 'rights.xhtml', 'about.xhtml', 'toc.xhtml']
    for (const file of [...paperFiles(mixed, 0), ...paperFiles(mixed, 2), ...collectionFiles])
      expect(languageOf(file), file).toEqual(['ar', 'rtl', 'rtl'])
    const entries = elements(xhtml(mixed, 'toc.xhtml'), (element) => classOf(element).includes('toc-paper'))
    expect(entries.map((entry) => [entry.properties.lang, entry.properties.dir])).toEqual([
      [undefined, undefined],
      ['en', 'ltr'],
      [undefined, undefined]
    ])
    // The same in toc.ncx (the paper's entry and its sections') and for its author in the package.
    type Point = {navLabel: {'xml:lang'?: string; dir?: string}; navPoint?: Point[]}
    const points: Point[] = xml.parse(mixed.entries.get('OEBPS/toc.ncx')!).ncx.navMap.navPoint
    const labelLanguage = (point: Point) => [point.navLabel['xml:lang'], point.navLabel.dir]
    for (const point of [points[1]!, points[3]!]) expect(labelLanguage(point)).toEqual([undefined, undefined])
    for (const point of [points[2]!, ...(points[2]!.navPoint ?? [])])
      expect(labelLanguage(point)).toEqual(['en', 'ltr'])
    const contributors = xml.parse(mixed.entries.get('OEBPS/content.opf')!).package.metadata['dc:contributor']
    expect(
      contributors.map((person: {'#text': string; 'xml:lang'?: string}) => [person['#text'], person['xml:lang']])
    ).toEqual(
      mixed.collection.papers.flatMap((document) =>
        authorsOf(document.meta).map((author) => [author.name, document === english ? 'en' : undefined])
      )
    )
  })

  it('opens with a title page: series, volume and number, title, subtitle, editors with their roles, date', () => {
    const page = elements(xhtml(three, 'title-page.xhtml'), (element) => classOf(element).includes('title-page'))[0]!
    const labels = brand.data.collection!.labels
    const text = (className: string) =>
      elements(page, (element) => classOf(element).includes(className)).map((element) => toString(element))
    expect(text('series')).toEqual(['مجلة حمورابي'])
    expect(text('issue')).toEqual([`${labels.volume} 3، ${labels.number} 12`])
    expect(text('title')).toEqual(['قضايا الأمن الإقليمي'])
    expect(text('subtitle')).toEqual(['أوراق مختارة'])
    expect(text('byline-label')).toEqual([labels.editors])
    expect(text('author-name')).toEqual(['علي حسين', 'سارة كاظم'])
    expect(text('author-role')).toEqual(['رئيس التحرير'])
    expect(text('date')).toEqual([formatArabicDate('2025-12-01', 'latin')])
  })

  it('opens each paper with its title, subtitle, authors with their roles, abstract and keywords', () => {
    for (const book of [three, mixed]) {
      for (const [index, document] of book.collection.papers.entries()) {
        const opening = xhtml(book, paperFiles(book, index)[0]!)
        const text = (className: string) =>
          elements(opening, (element) => classOf(element).includes(className)).map((element) => toString(element))
        const {meta} = document
        const digits = (value: string) => localizeDigits(value, meta.digits)
        expect(text('title')).toEqual([digits(meta.title)])
        expect(text('subtitle')).toEqual(meta.subtitle ? [digits(meta.subtitle)] : [])
        const authors = authorsOf(meta)
        expect(text('author-name')).toEqual(authors.map((author) => author.name))
        expect(text('author-role')).toEqual(authors.flatMap((author) => (author.role ? [digits(author.role)] : [])))
        expect(text('abstract').length).toBe(document.abstract ? 1 : 0)
        expect(text('keywords').length, document.slug).toBe(meta.keywords ? 1 : 0)
      }
    }
  })

  it('names its editors as creators, the authors as contributors, and its series, volume and number', () => {
    const opf = xml.parse(three.entries.get('OEBPS/content.opf')!).package.metadata
    const refinement = (id: string, property: string) =>
      opf.meta
        .filter((meta: {refines?: string; property: string}) => meta.refines === `#${id}` && meta.property === property)
        .map((meta: {'#text': string | number}) => String(meta['#text']))
    const people = (kind: 'dc:creator' | 'dc:contributor') =>
      (opf[kind] ?? []).map((person: {id: string; '#text': string}) => [
        person['#text'],
        ...refinement(person.id, 'role')
      ])
    expect(people('dc:creator')).toEqual([
      ['علي حسين', 'edt'],
      ['سارة كاظم', 'edt']
    ])
    const authors = [
      ...new Set(three.collection.papers.flatMap((document) => authorsOf(document.meta).map((a) => a.name)))
    ]
    expect(people('dc:contributor')).toEqual(authors.map((name) => [name, 'aut']))
    const collections = opf.meta.filter((meta: {property: string}) => meta.property === 'belongs-to-collection')
    expect(collections.map((meta: {'#text': string; refines?: string}) => [meta['#text'], meta.refines])).toEqual([
      ['مجلة حمورابي، المجلد 3', undefined],
      ['مجلة حمورابي', '#volume']
    ])
    expect([refinement('volume', 'collection-type'), refinement('volume', 'group-position')]).toEqual([['set'], ['12']])
    expect([refinement('series', 'collection-type'), refinement('series', 'group-position')]).toEqual([
      ['series'],
      ['3']
    ])
    expect(opf['dc:identifier']['#text']).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    expect(opf.meta.some((meta: {property: string}) => meta.property === 'schema:accessibilitySummary')).toBe(true)
  })

  it('writes the same bytes for the same collection', async () => {
    const again = await writeCollectionEpub(three.collection, brand, {date, cover})
    expect(Buffer.from(again).equals(Buffer.from(three.bytes))).toBe(true)
  }, 120_000)
})
