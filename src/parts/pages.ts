import type {Element, ElementContent, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {h} from 'hastscript'
import {formatArabicDate} from '../arabic/dates.js'
import {applyDirection, type DirectionOptions} from '../arabic/direction-tree.js'
import {localizeDigits} from '../arabic/digits.js'
import type {Brand, Contact} from '../brand/brand.js'
import {authorsOf, type Author} from '../manuscript/meta.js'
import type {Document, Heading, Note} from '../model/types.js'
import {scopeIds} from './scope-ids.js'

/**
 * The parts of a publication, in the centre's order. Each writer takes the parts it needs: the PDF and
 * the web page print them all in a row, the e-book makes files of them.
 */
export interface Parts {
  cover: Element
  titlePage: Element
  rightsPage: Element
  abstract: Element | undefined
  contents: Element | undefined
  body: Element
  notes: Element | undefined
  backPage: Element
}

export interface ComposeOptions {
  /**
   * Where the template's graphics (`logo`, or a contact kind) are found, for outputs that cannot inline
   * SVG (the e-book packager lowercases SVG attribute names). Without it they are inlined, so that
   * `currentColor` takes the colour of their place.
   */
  graphicUrl?: ((name: string) => string) | undefined
  /** Contents entries get leaders and a place for their page number, which pagination fills in. */
  pageNumbers?: boolean | undefined
}

/** What every part needs besides its publication: the brand, its graphics, the digits and direction. */
export interface Frame {
  brand: Brand
  graphic: (name: string, className: string) => Element
  /** Text of the front matter, in the publication's digits. */
  text: (value: string) => string
  dir: 'rtl' | 'ltr'
  digits: Document['meta']['digits']
}

interface Context extends Frame {
  document: Document
}

/** What the cover and the title page print: a paper's front matter, or a collection's. */
export interface Front {
  title: string
  subtitle?: string | undefined
  series?: string | undefined
  /** A collection's volume and number, under the series. */
  issue?: string | undefined
  /** The names on the cover, as one line. */
  byline: string
  people: Author[]
  peopleLabel: string
  /** YYYY-MM-DD, and as printed. */
  date: string
  dateText: string
}

export function frameOf(
  brand: Brand,
  digits: Document['meta']['digits'],
  dir: 'rtl' | 'ltr',
  graphicUrl?: ComposeOptions['graphicUrl']
): Frame {
  return {
    brand,
    dir,
    digits,
    text: (value) => localizeDigits(value, digits),
    graphic: (name, className) =>
      graphicUrl
        ? h('img', {className: [className], src: graphicUrl(name), alt: ''})
        : inlineSvg(name === 'logo' ? brand.logo : (brand.icons[name as Contact['kind']] ?? ''), className)
  }
}

export function composeParts(document: Document, brand: Brand, options: ComposeOptions = {}): Parts {
  const context: Context = {...frameOf(brand, document.meta.digits, document.dir, options.graphicUrl), document}
  const front = frontOf(document, brand)
  return {
    cover: directedPart(coverPage(context, front), context),
    titlePage: directedPart(titlePageOf(context, front, {keywords: keywordsOn('title-page', context)}), context),
    rightsPage: rightsPageOf(context, keywordsOn('rights-page', context)),
    abstract: abstractPage(context),
    // Entries keep the contents' direction, so that numbers and page numbers stay in their columns.
    contents: document.toc
      ? directedPart(contents(context, options.pageNumbers ?? false), context, {blocks: false})
      : undefined,
    ...textOf(context),
    backPage: backPageOf(context)
  }
}

/** A paper's text: its body and its notes, as every edition prints them. */
function textOf(context: Context): Pick<Parts, 'body' | 'notes'> {
  const {document} = context
  return {
    body: h('main.body', {id: 'text', dataFlow: 'body'}, document.body.children as ElementContent[]),
    notes: document.notes.length > 0 ? notesList(context) : undefined
  }
}

/** A paper's abstract, body and notes, for a publication that frames them itself (a collection). */
export function paperText(document: Document, brand: Brand): Pick<Parts, 'abstract' | 'body' | 'notes'> {
  const context: Context = {...frameOf(brand, document.meta.digits, document.dir), document}
  return {abstract: abstractPage(context), ...textOf(context)}
}

/** The front matter's words (a Latin author's name, an English subtitle) laid out as the text is. */
export function directedPart(part: Element, frame: Pick<Frame, 'dir' | 'digits'>, options?: DirectionOptions): Element {
  applyDirection(part, frame.dir, {...options, numbers: frame.digits !== 'arabic-indic'})
  return part
}

/** All parts in reading order, as one body. */
export function publication(parts: Parts): Element[] {
  const {cover, titlePage, rightsPage, abstract, contents, body, notes, backPage} = parts
  const main = notes ? {...body, children: [...body.children, notes]} : body
  return [cover, titlePage, rightsPage, abstract, contents, main, backPage].filter(
    (part): part is Element => part !== undefined
  )
}

export function dateOf(document: Document): string {
  return formatArabicDate(document.meta.date, document.meta.digits)
}

function frontOf(document: Document, brand: Brand): Front {
  const {meta} = document
  const authors = authorsOf(meta)
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    series: meta.series,
    byline: authors.map((author) => author.name).join('، '),
    people: authors,
    peopleLabel: authors.length > 1 ? brand.data.labels.authors : brand.data.labels.author,
    date: meta.date,
    dateText: dateOf(document)
  }
}

export function coverPage({brand, graphic, text}: Frame, front: Front): Element {
  return h('section.page.cover', {'aria-label': front.title}, [
    h('div.cover-frame', [
      h('header.cover-brand', [
        graphic('logo', 'cover-logo'),
        h('p.cover-centre', brand.data.name.ar),
        h('p.cover-centre-en', {lang: 'en', dir: 'ltr'}, brand.data.name.en)
      ]),
      h('div.cover-main', [
        front.series ? h('p.cover-series', text(front.series)) : undefined,
        front.issue ? h('p.cover-issue', text(front.issue)) : undefined,
        h('p.cover-title', text(front.title)),
        front.subtitle ? h('p.cover-subtitle', text(front.subtitle)) : undefined
      ]),
      h('footer.cover-foot', [h('p.cover-authors', front.byline), h('p.cover-date', front.dateText)])
    ])
  ])
}

/** What besides the front a title page takes. */
export interface TitlePageOptions {
  /** The keywords line, in the imprint (a paper without an abstract, where the template places it). */
  keywords?: Element | undefined
  /** A class besides `page title-page`. */
  className?: string | undefined
  /**
   * A collection's volume and number as a line of their own, for a page that flows (the e-book). The printed
   * page spreads its blocks apart, so there they go in one block with the series.
   */
  issueApart?: boolean | undefined
}

export function titlePageOf({brand, graphic, text}: Frame, front: Front, options: TitlePageOptions = {}): Element {
  const series = front.series ? h('p.series', text(front.series)) : undefined
  const issue = front.issue ? h('p.issue', text(front.issue)) : undefined
  return h('section.page.title-page', {className: options.className ? [options.className] : undefined}, [
    ...(issue && !options.issueApart ? [h('div.title-series', [series, issue])] : [series, issue]),
    h('h1.title', {id: 'title'}, text(front.title)),
    front.subtitle ? h('p.subtitle', text(front.subtitle)) : undefined,
    // A paper always has authors; a collection may name no editors.
    front.people.length > 0 ? bylineOf(front.peopleLabel, front.people, text) : undefined,
    h('div.imprint', [
      graphic('logo', 'imprint-logo'),
      h('p.publisher', brand.data.name.ar),
      h('p.date', h('time', {dateTime: front.date}, front.dateText)),
      options.keywords
    ])
  ])
}

/** People under a label, each with their role: a title page's authors or editors. */
export function bylineOf(label: string, people: Author[], text: Frame['text']): Element {
  return h('div.byline', [h('p.byline-label', label), ...people.map((person) => personOf(person, text))])
}

/** A name, and the role under it. */
export function personOf(person: Author, text: Frame['text']): Element {
  return h('div.author', [
    h('p.author-name', person.name),
    person.role ? h('p.author-role', text(person.role)) : undefined
  ])
}

export function rightsPageOf({brand}: Frame, keywords?: Element | undefined): Element {
  const {rights} = brand.data
  return h('section.page.rights-page', [
    h('div.rights', [h('p.rights-notice', rights.notice), h('p.disclaimer', rights.disclaimer), keywords])
  ])
}

function abstractPage(context: Context): Element | undefined {
  const {abstract} = context.document
  if (!abstract) return undefined
  return h('section.abstract', {'aria-labelledby': 'abstract-heading', dataFlow: 'abstract'}, [
    h('h2.unnumbered', {id: 'abstract-heading'}, context.brand.data.labels.abstract),
    ...(abstract.children as ElementContent[]),
    keywordsOn('abstract', context)
  ])
}

/**
 * The keywords line, if `part` is where it goes: under the abstract, or, in a paper without one, where the
 * template places it (a line alone would make a page of its own).
 */
function keywordsOn(
  part: 'abstract' | 'rights-page' | 'title-page',
  {document, brand, text}: Context
): Element | undefined {
  const {keywords} = document.meta
  const place = document.abstract ? 'abstract' : brand.data.placement.keywordsWithoutAbstract
  if (!keywords || place !== part) return undefined
  return keywordsLine(keywords, brand, text)
}

/** «الكلمات المفتاحية: …», in the text's digits. */
export function keywordsLine(keywords: string[], brand: Brand, text: Frame['text']): Element {
  return h('p.keywords', [h('span.keywords-label', `${brand.data.labels.keywords}: `), text(keywords.join('، '))])
}

function contents({document, brand}: Context, pageNumbers: boolean): Element {
  return h('nav.contents', {'aria-labelledby': 'contents-heading', role: 'doc-toc', dataFlow: 'contents'}, [
    h('h2.unnumbered', {id: 'contents-heading'}, brand.data.labels.contents),
    contentsList(document.headings, undefined, pageNumbers)
  ])
}

/** Nested lists of links, one level per heading depth. */
export function contentsList(
  headings: Heading[],
  href = (heading: Heading) => `#${heading.id}`,
  pageNumbers = false
): Element {
  const root = h('ol')
  const open: Array<{depth: number; list: Element}> = []
  for (const heading of headings) {
    while (open.length > 0 && open.at(-1)!.depth > heading.depth) open.pop()
    let level = open.at(-1)
    if (!level) {
      level = {depth: heading.depth, list: root}
      open.push(level)
    } else if (heading.depth > level.depth) {
      const sublist = h('ol')
      ;(level.list.children.at(-1) as Element).children.push(sublist)
      level = {depth: heading.depth, list: sublist}
      open.push(level)
    }
    level.list.children.push(
      h('li', {className: [`toc-level-${heading.depth}`]}, [
        h('a', {href: href(heading)}, [
          heading.number ? h('span.toc-number', heading.number) : undefined,
          h('span.toc-text', heading.text),
          ...(pageNumbers ? [h('span.toc-leader', {ariaHidden: 'true'}), h('span.toc-page')] : [])
        ])
      ])
    )
  }
  return root
}

function notesList({document, brand}: Context): Element {
  return h('section.notes', {role: 'doc-endnotes', 'aria-labelledby': 'notes-heading'}, [
    h('h2.unnumbered', {id: 'notes-heading'}, brand.data.labels.notes),
    h(
      'ol',
      document.notes.map((note) => h('li.note', {id: note.id, role: 'doc-endnote'}, noteContent(document, brand, note)))
    )
  ])
}

/** A note's number, linking back to its call, then its text. */
export function noteContent(document: Document, brand: Brand, note: Note): ElementContent[] {
  return [
    h(
      'a.note-number',
      {href: `#${note.callId}`, role: 'doc-backlink', 'aria-label': brand.data.labels.noteBack},
      localizeDigits(String(note.number), document.meta.digits)
    ),
    h('div.note-text', note.content)
  ]
}

export function backPageOf({brand, graphic}: Frame): Element {
  const {name, description, contacts} = brand.data
  return h('section.page.back-page', [
    h('div.back-frame', [
      graphic('logo', 'back-logo'),
      h('p.back-centre', name.ar),
      h('p.back-centre-en', {lang: 'en', dir: 'ltr'}, name.en),
      h('p.back-description', description),
      h(
        'ul.contacts',
        contacts.map((contact) =>
          h(`li.contact.contact-${contact.kind}`, [
            graphic(contact.kind, 'contact-icon'),
            h('span.contact-label', contact.label),
            contactText(contact)
          ])
        )
      )
    ])
  ])
}

function contactText(contact: Contact): Element {
  // Addresses are Arabic; numbers, handles and addresses on the web read left to right.
  const text = h('span.contact-text', contact.kind === 'address' ? {} : {dir: 'ltr'}, contact.text)
  return contact.href ? h('a', {href: contact.href}, text) : text
}

/** An SVG of the template, inlined. */
function inlineSvg(source: string, className: string): Element {
  const tree: Root = fromHtml(source, {fragment: true, space: 'svg'})
  const element = tree.children.find((child): child is Element => child.type === 'element')
  if (!element) throw new Error('The template has an SVG file with no <svg> element')
  element.properties.className = [className]
  element.properties.ariaHidden = 'true'
  scopeIds(element, className + '-')
  return element
}
