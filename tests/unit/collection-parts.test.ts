import path from 'node:path'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {visit} from 'unist-util-visit'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadBrand, type Brand} from '../../src/brand/brand.js'
import type {Collection} from '../../src/model/types.js'
import {citationOf, collectionPublication, composeCollection, issueLine} from '../../src/parts/collection.js'
import {collectionOf, journalIssue, projectRoot} from '../helpers/collection.js'

let collection: Collection
let brand: Brand
let tree: Root

beforeAll(async () => {
  collection = await collectionOf(journalIssue)
  brand = await loadBrand(path.join(projectRoot, 'templates/hammurabi'), path.join(projectRoot, 'fonts'))
  tree = {type: 'root', children: collectionPublication(composeCollection(collection, brand, {pageNumbers: true}))}
}, 60_000)

describe('composeCollection', () => {
  it('gives every element of the collection an id of its own', () => {
    const ids = all(tree, withId).map((element) => String(element.properties.id))
    expect(ids.length).toBeGreaterThan(50)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })

  it('links every in-page reference (contents, note calls, back links) to an element of the collection', () => {
    const ids = new Set(all(tree, withId).map((element) => String(element.properties.id)))
    const targets = all(tree, inPageLink).map((link) => String(link.properties.href).slice(1))
    expect(targets.length).toBeGreaterThan(50)
    expect(targets.filter((target) => !ids.has(target))).toEqual([])
  })

  it("numbers each paper's notes from 1", () => {
    const papers = all(tree, hasClass('paper'))
    expect(papers).toHaveLength(3)
    const firsts = papers
      .map((paper) => all(paper, hasClass('note-number'))[0])
      .filter((number): number is Element => number !== undefined)
      .map((number) => toString(number))
    expect(firsts.length).toBeGreaterThanOrEqual(2)
    expect(firsts.every((number) => number === '1')).toBe(true)
  })

  it('lists each paper in the contents with its authors and its top sections only (contentsDepth 2)', () => {
    const entries = all(tree, hasClass('toc-paper'))
    expect(entries.map((entry) => toString(all(entry, hasClass('toc-text'))[0]!))).toEqual(
      collection.papers.map((paper) => paper.meta.title)
    )
    for (const [index, entry] of entries.entries()) {
      const headings = collection.papers[index]!.headings
      const top = Math.min(...headings.map((heading) => heading.depth))
      expect(all(entry, contentsLink).slice(1)).toHaveLength(headings.filter((heading) => heading.depth === top).length)
      expect(toString(all(entry, hasClass('toc-authors'))[0]!)).not.toBe('')
    }
  })

  it("leaves the papers' own trees as they were (their ids unscoped)", () => {
    for (const paper of collection.papers) {
      const ids = all({type: 'root', children: paper.body.children} as Root, withId).map((element) =>
        String(element.properties.id)
      )
      expect(ids.some((id) => /^p\d-/.test(id))).toBe(false)
    }
  })

  it('prints of the volume and number what the collection has', () => {
    const {labels} = brand.data.collection!
    expect(issueLine(collection.meta, labels)).toBe('المجلد 3، العدد 12')
    expect(issueLine({...collection.meta, volume: undefined}, labels)).toBe('العدد 12')
    expect(issueLine({...collection.meta, volume: undefined, number: undefined}, labels)).toBe(undefined)
  })

  it('prints no byline on the title page of a collection without editors', () => {
    const bare = {...collection, meta: {...collection.meta, editors: []}}
    const {titlePage, cover} = composeCollection(bare, brand)
    expect(all(titlePage, hasClass('byline'))).toEqual([])
    expect(toString(all(cover, hasClass('cover-authors'))[0]!)).toBe('')
    expect(all(composeCollection(collection, brand).titlePage, hasClass('author-name')).map(toString)).toEqual([
      'علي حسين',
      'سارة كاظم'
    ])
  })

  it('cites the collection by series, title, volume, number and year', () => {
    expect(citationOf(collection, brand.data.collection!.labels)).toBe(
      'مجلة حمورابي، قضايا الأمن الإقليمي، المجلد 3، العدد 12 (2025)، ص'
    )
  })
})

/** The elements under `node` that pass `test`, in document order. */
function all(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  visit(node, 'element', (element: Element) => {
    if (test(element)) found.push(element)
  })
  return found
}

const hasClass = (name: string) => (element: Element) =>
  ((element.properties.className as string[] | undefined) ?? []).includes(name)
const withId = (element: Element) => typeof element.properties.id === 'string'
const inPageLink = (element: Element) =>
  element.tagName === 'a' && String(element.properties.href ?? '').startsWith('#')
const contentsLink = (element: Element) => element.tagName === 'a'
