import type {Element, ElementContent} from 'hast'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import {applyDirection} from '../../arabic/direction-tree.js'
import type {Brand} from '../../brand/brand.js'
import type {Collection, Document} from '../../model/types.js'
import {escapeXml, languageAttributes} from './book.js'
import {headingsList} from './epub.js'

/** A paper as the collection's navigation sees it: its opening file and where each of its ids is. */
export interface NavPaper {
  document: Document
  opening: string
  fileOf: Map<string, string>
}

/**
 * The collection's contents as nested lists: each paper's title (linking to its opening), its sections
 * under it, then the centre's back page. A paper in another language than the collection's keeps its own
 * `lang` and `dir`.
 */
export function collectionNavigation(collection: Collection, brand: Brand, papers: NavPaper[]): Element {
  const entries = papers.map((paper) => {
    const {document} = paper
    const title = h('a', {href: paper.opening}, document.meta.title)
    applyDirection(title, document.dir, {blocks: false, numbers: document.meta.digits !== 'arabic-indic'})
    const sections = headingsList(document, paper.fileOf)
    const own = document.meta.lang === collection.meta.lang ? {} : {lang: document.meta.lang, dir: document.dir}
    return h('li.toc-paper', own, [title, sections.children.length > 0 ? sections : undefined])
  })
  return h('ol', [...entries, h('li', h('a', {href: 'about.xhtml'}, brand.data.name.ar))])
}

interface NavNode {
  label: string
  /** The entry's language, where it is not the book's. */
  lang?: string | undefined
  href: string
  children: NavNode[]
}

/** The navigation points of toc.ncx, nested as the nav's lists are, numbered in reading order. */
export function ncxNavMap(first: {label: string; href: string}, list: Element): {xml: string; depth: number} {
  const nodes = [{...first, children: []}, ...navNodes(list)]
  let order = 0
  const write = (node: NavNode, level: number): string[] => {
    order++
    const indent = '  '.repeat(level + 1)
    return [
      `${indent}<navPoint id="nav-${order}" playOrder="${order}">`,
      `${indent}  <navLabel${languageAttributes(node.lang)}><text>${escapeXml(node.label)}</text></navLabel>`,
      `${indent}  <content src="${escapeXml(node.href)}"/>`,
      ...node.children.flatMap((child) => write(child, level + 1)),
      `${indent}</navPoint>`
    ]
  }
  const xml = nodes.flatMap((node) => write(node, 1)).join('\n')
  return {xml, depth: depthOf(nodes)}
}

/** The entries of a list; a paper's language, where it is not the book's, holds for its sections too. */
function navNodes(list: Element, inherited?: string): NavNode[] {
  return elements(list, 'li').map((item) => {
    const link = elements(item, 'a')[0]
    if (!link) throw new Error('A navigation entry has no link')
    const lang = typeof item.properties.lang === 'string' ? item.properties.lang : inherited
    return {
      label: labelOf(link),
      lang,
      href: String(link.properties.href),
      children: elements(item, 'ol').flatMap((sublist) => navNodes(sublist, lang))
    }
  })
}

function depthOf(nodes: NavNode[]): number {
  return nodes.length === 0 ? 0 : 1 + Math.max(...nodes.map((node) => depthOf(node.children)))
}

function elements(parent: Element, tagName: string): Element[] {
  return parent.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName)
}

/** An entry's words: its number and its text apart (they are separate spans), one space between words. */
function labelOf(link: Element): string {
  const parts = link.children.every((child: ElementContent) => child.type === 'element')
    ? link.children.map((child) => toString(child))
    : [toString(link)]
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}
