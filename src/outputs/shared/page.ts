import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {visit} from 'unist-util-visit'
import type {Document} from '../../model/types.js'

export interface PageOptions {
  /** Stylesheet URLs, in order. */
  stylesheets: string[]
  /** CSS written into the page (the brand's colours and fonts). */
  inlineCss: string
  /** CSS of this publication alone (the print edition's page box), after the brand's. */
  publicationCss?: string | undefined
  /** The Content-Security-Policy of the page: what it may load. */
  contentSecurityPolicy: string
  /** Where an image of the manuscript is found from this page. */
  imageUrl: (src: string) => string
  /** Class of the `<body>`: the medium the page is made for. */
  medium: string
}

/**
 * A page in two halves: the head every publication of a brand shares (stylesheets, fonts, policy), and
 * what is this publication's own. A browser tab that keeps the first loaded swaps in only the second.
 */
export interface PageParts {
  lang: string
  dir: string
  title: string
  publicationCss: string
  bodyClass: string
  /** The body's inner HTML. */
  body: string
}

/** A complete HTML page around the parts of a publication. */
export function htmlPage(document: Document, parts: Element[], options: PageOptions): string {
  const head = {lang: document.meta.lang, dir: document.dir, title: titleOf(document)}
  return toHtml(pageTree(head, bodyOf(document.meta.digits, parts, options), options)) + '\n'
}

/**
 * The page with an empty body: what every publication of the brand shares. The language, direction and
 * title are the brand's until a publication is swapped in.
 */
export function shellPage(options: PageOptions & {lang: string; dir: string}): string {
  const body = h('body', {className: ['publication', `medium-${options.medium}`]})
  return (
    toHtml(pageTree({lang: options.lang, dir: options.dir, title: ''}, body, {...options, publicationCss: ''})) + '\n'
  )
}

/** The page's own half (see `PageParts`). */
export function pageParts(document: Document, parts: Element[], options: PageOptions): PageParts {
  return pagePartsOf(
    {lang: document.meta.lang, dir: document.dir, title: titleOf(document), digits: document.meta.digits},
    parts,
    options
  )
}

/** What the page's head says of a publication: a paper, or a collection of them. */
export interface PageHead {
  lang: string
  dir: string
  title: string
  digits: Document['meta']['digits']
}

export function pagePartsOf(head: PageHead, parts: Element[], options: PageOptions): PageParts {
  const body = bodyOf(head.digits, parts, options)
  return {
    lang: head.lang,
    dir: head.dir,
    title: head.title,
    publicationCss: options.publicationCss ?? '',
    bodyClass: (body.properties.className as string[]).join(' '),
    body: toHtml(body.children)
  }
}

function pageTree(head: {lang: string; dir: string; title: string}, body: Element, options: PageOptions): Root {
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: head.lang, dir: head.dir}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: options.contentSecurityPolicy}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', head.title),
          h('meta', {name: 'generator', content: 'Hammurabi Press'}),
          ...options.stylesheets.map((href) => h('link', {rel: 'stylesheet', href})),
          h('style', options.inlineCss),
          ...(options.publicationCss === undefined ? [] : [h('style', {id: 'publication-css'}, options.publicationCss)])
        ]),
        body
      ])
    ]
  }
}

function bodyOf(digits: PageHead['digits'], parts: Element[], options: PageOptions): Element {
  const body: Element = h(
    'body',
    {className: ['publication', `medium-${options.medium}`, `digits-${digits}`]},
    structuredClone(parts)
  )
  visit(body, 'element', function (element: Element) {
    if (element.tagName === 'img' && typeof element.properties.src === 'string') {
      element.properties.src = options.imageUrl(element.properties.src)
    }
  })
  return body
}

function titleOf(document: Document): string {
  const {meta} = document
  return meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title
}
