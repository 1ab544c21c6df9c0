import path from 'node:path'
import type {Element, ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {fromHtml} from 'hast-util-from-html'
import {h} from 'hastscript'
import {brandCss, type Brand} from '../brand/brand.js'
import {searchForm} from './search/index.js'
import type {SiteWords} from './words-of.js'

/** What every page of the site shares: the brand, its words, and where the shared files are. */
export interface SiteContext {
  brand: Brand
  words: SiteWords
  lang: string
  dir: 'rtl' | 'ltr'
  /** Whether the site has its Atom feed (it needs a base URL). */
  feed: boolean
  /** The brand's logo, parsed once for every page's header. */
  logo: Element
}

/** A page of the site: its file (relative to the site's root), title, extra head elements and content. */
export interface SitePage {
  file: string
  title: string
  head?: Element[] | undefined
  main: ElementContent[]
  /** The page's language when it is not the site's (an English paper). */
  lang?: string | undefined
  dir?: 'rtl' | 'ltr' | undefined
  /** Scripts, relative to the site's root; the pages work without them. */
  scripts?: string[] | undefined
  /** Whether the scripts fetch the site's files and run WebAssembly (the search's index); the filters' do not. */
  fetches?: boolean | undefined
  bodyClass?: string | undefined
  /** The header's compact search form; not on the search page, whose own form is the page. */
  headerSearch?: boolean | undefined
}

/** The stylesheets, fonts and pages' shared files, relative to the site's root. */
export const assets = {
  base: 'assets/base.css',
  site: 'assets/site.css',
  fonts: 'assets/fonts',
  feed: 'feed.xml',
  search: 'search/index.html',
  filters: 'assets/filters.js'
}

/** A link from one page of the site to another file of it: relative, so the site works from any folder. */
export function linkFrom(page: string, target: string): string {
  const relative = path.posix.relative(path.posix.dirname(page), target)
  return relative === '' ? path.posix.basename(target) : relative
}

/** No request leaves the site: scripts only from it, and nothing else but its own files. */
function policy(page: SitePage): string {
  const fetches = page.fetches ? " 'wasm-unsafe-eval'; connect-src 'self'" : ''
  const scripts = page.scripts?.length ? `script-src 'self'${fetches}; ` : ''
  return `default-src 'none'; ${scripts}style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:`
}

/** A whole page: the site's header (logo, navigation, search), the page's main content and the footer. */
export function renderPage(page: SitePage, context: SiteContext): string {
  const {brand, words} = context
  const to = (target: string) => linkFrom(page.file, target)
  const head = h('head', [
    h('meta', {charSet: 'utf-8'}),
    h('meta', {httpEquiv: 'Content-Security-Policy', content: policy(page)}),
    h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
    h('title', page.title),
    h('meta', {name: 'generator', content: 'Hammurabi Press'}),
    h('link', {rel: 'stylesheet', href: to(assets.base)}),
    h('link', {rel: 'stylesheet', href: to(assets.site)}),
    ...(context.feed
      ? [h('link', {rel: 'alternate', type: 'application/atom+xml', title: words.labels.feed, href: to(assets.feed)})]
      : []),
    h(
      'style',
      brandCss(brand, (file) => to(`${assets.fonts}/${file}`))
    ),
    ...(page.head ?? []),
    ...(page.scripts ?? []).map((script) => h('script', {src: to(script), defer: true}))
  ])
  const body = h('body', {className: ['site', ...(page.bodyClass ? [page.bodyClass] : [])]}, [
    h('a.skip-link', {href: '#main'}, words.labels.skip),
    siteHeader(page, context),
    h('main#main', {tabIndex: -1}, page.main),
    siteFooter(page, context)
  ])
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: page.lang ?? context.lang, dir: page.dir ?? context.dir}, [head, body])
    ]
  }
  return toHtml(tree) + '\n'
}

function siteHeader(page: SitePage, context: SiteContext): Element {
  const {words} = context
  const to = (target: string) => linkFrom(page.file, target)
  return h('header.site-header', [
    h('div.site-header-inner', [
      h('a.site-brand', {href: to('index.html')}, [structuredClone(context.logo), h('span.site-name', words.title)]),
      h('nav.site-nav', {ariaLabel: words.labels.home}, [
        h('ul', [
          h('li', [h('a', {href: to('index.html')}, words.labels.publications)]),
          h('li', [h('a', {href: to(assets.search)}, words.search.search)])
        ])
      ]),
      ...(page.headerSearch === false ? [] : [searchForm(words.search, to(assets.search))])
    ])
  ])
}

function siteFooter(page: SitePage, context: SiteContext): Element {
  const {brand, words} = context
  return h('footer.site-footer', [
    h('div.site-footer-inner', [
      h('p.site-footer-name', brand.data.name.ar),
      h('p', brand.data.rights.notice),
      ...(context.feed ? [h('p', [h('a', {href: linkFrom(page.file, assets.feed)}, words.labels.feed)])] : [])
    ])
  ])
}

/** The brand's logo inlined, coloured by its place; a decoration beside the site's name. */
export function siteLogo(svg: string): Element {
  const tree = fromHtml(svg, {fragment: true, space: 'svg'})
  const element = tree.children.find((child): child is Element => child.type === 'element')
  if (!element) return h('span')
  element.properties = {...element.properties, ariaHidden: 'true', focusable: 'false', className: ['site-logo']}
  return element
}
