import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {visit} from 'unist-util-visit'
import type {Document} from '../../document/model.js'

export interface PageOptions {
  /** Stylesheet URLs, in order. */
  stylesheets: string[]
  /** CSS written into the page (the brand's colours and fonts). */
  inlineCss: string
  /** The Content-Security-Policy of the page: what it may load. */
  contentSecurityPolicy: string
  /** Where an image of the manuscript is found from this page. */
  imageUrl: (src: string) => string
  /** Class of the `<body>`: the medium the page is made for. */
  medium: string
}

/** A complete HTML page around the parts of a publication. */
export function htmlPage(document: Document, parts: Element[], options: PageOptions): string {
  const {meta} = document
  const body: Element = h('body', {className: ['publication', `medium-${options.medium}`, `digits-${meta.digits}`]}, structuredClone(parts))
  visit(body, 'element', function (element: Element) {
    if (element.tagName === 'img' && typeof element.properties.src === 'string') {
      element.properties.src = options.imageUrl(element.properties.src)
    }
  })
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: meta.lang, dir: document.dir}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: options.contentSecurityPolicy}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title),
          h('meta', {name: 'generator', content: 'Hammurabi Press'}),
          ...options.stylesheets.map((href) => h('link', {rel: 'stylesheet', href})),
          h('style', options.inlineCss)
        ]),
        body
      ])
    ]
  }
  return toHtml(tree) + '\n'
}
