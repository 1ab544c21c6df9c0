import path from 'node:path'
import {h} from 'hastscript'
import {beforeAll, describe, expect, it} from 'vitest'
import {type Brand, loadBrand} from '../../src/brand/brand.js'
import {collectionSchema, type CollectionInput} from '../../src/manuscript/collection.js'
import type {Meta} from '../../src/manuscript/meta.js'
import type {Collection, Document} from '../../src/model/types.js'
import {creditsOf, seriesMetadata} from '../../src/outputs/epub/collection.js'
import {ncxNavMap} from '../../src/outputs/epub/collection-nav.js'
import {projectRoot} from '../helpers/collection.js'

let brand: Brand
beforeAll(async () => {
  brand = await loadBrand(path.join(projectRoot, 'templates/hammurabi'), path.join(projectRoot, 'fonts'))
})

/** A collection of papers known only by their authors and language: what these functions read. */
function collection(meta: Partial<CollectionInput>, papers: Array<Pick<Meta, 'authors' | 'lang'>> = []): Collection {
  const {papers: _, ...parsed} = collectionSchema.parse({title: 'عدد', date: '2025-12-01', papers: ['a'], ...meta})
  return {
    meta: parsed,
    dir: 'rtl',
    papers: papers.map((paper) => ({meta: paper}) as Document)
  } as Collection
}

describe('toc.ncx of a collection', () => {
  const nav = h('ol', [
    h('li', [
      h('a', {href: 'paper-01-opening.xhtml'}, 'ورقة أولى'),
      h('ol', [
        h('li', [
          h('a', {href: 'paper-01-section-02.xhtml#a'}, [h('span.toc-number', 'أولاً:'), h('span.toc-text', 'مقدمة')]),
          h('ol', [h('li', h('a', {href: 'paper-01-section-02.xhtml#b'}, 'فرع'))])
        ])
      ])
    ]),
    h('li', {lang: 'en', dir: 'ltr'}, [
      h('a', {href: 'paper-02-opening.xhtml'}, 'A paper'),
      h('ol', [h('li', h('a', {href: 'paper-02-section-01.xhtml#c'}, 'Start'))])
    ])
  ])
  const {xml, depth} = ncxNavMap({label: 'المحتويات', href: 'toc.xhtml'}, nav)
  const lines = xml.split('\n').map((line) => line.trim())

  it('numbers the points in reading order, each nested in its parent, and gives the depth', () => {
    expect(lines.filter((line) => line.startsWith('<navPoint'))).toEqual(
      [1, 2, 3, 4, 5, 6].map((order) => `<navPoint id="nav-${order}" playOrder="${order}">`)
    )
    expect(lines.filter((line) => line.startsWith('<content') || line === '</navPoint>')).toEqual([
      '<content src="toc.xhtml"/>',
      '</navPoint>',
      '<content src="paper-01-opening.xhtml"/>',
      '<content src="paper-01-section-02.xhtml#a"/>',
      '<content src="paper-01-section-02.xhtml#b"/>',
      '</navPoint>',
      '</navPoint>',
      '</navPoint>',
      '<content src="paper-02-opening.xhtml"/>',
      '<content src="paper-02-section-01.xhtml#c"/>',
      '</navPoint>',
      '</navPoint>'
    ])
    expect(depth).toBe(3)
  })

  it('labels an entry with its number and text apart, and a paper in another language and its sections in theirs', () => {
    expect(lines.filter((line) => line.startsWith('<navLabel'))).toEqual([
      '<navLabel><text>المحتويات</text></navLabel>',
      '<navLabel><text>ورقة أولى</text></navLabel>',
      '<navLabel><text>أولاً: مقدمة</text></navLabel>',
      '<navLabel><text>فرع</text></navLabel>',
      '<navLabel xml:lang="en" dir="ltr"><text>A paper</text></navLabel>',
      '<navLabel xml:lang="en" dir="ltr"><text>Start</text></navLabel>'
    ])
  })
})

describe("a collection's series in its package", () => {
  const names = (lines: string[]) => lines.map((line) => line.replace(/^<meta /, ''))

  it('chains the issue to its volume (a set) and the volume to the series', () => {
    expect(names(seriesMetadata(collection({series: 'مجلة', volume: 3, number: 12}), brand))).toEqual([
      'property="belongs-to-collection" id="volume">مجلة، المجلد 3</meta>',
      'refines="#volume" property="collection-type">set</meta>',
      'refines="#volume" property="group-position">12</meta>',
      'refines="#volume" property="belongs-to-collection" id="series">مجلة</meta>',
      'refines="#series" property="collection-type">series</meta>',
      'refines="#series" property="group-position">3</meta>'
    ])
  })

  it('places a volume or an issue with no other number directly in the series, and a series alone unnumbered', () => {
    const position = (meta: Partial<CollectionInput>) =>
      seriesMetadata(collection({series: 'كتاب', ...meta}), brand).filter((line) => line.includes('group-position'))
    expect(position({volume: 2})).toEqual(['<meta refines="#series" property="group-position">2</meta>'])
    expect(position({number: 5})).toEqual(['<meta refines="#series" property="group-position">5</meta>'])
    expect(position({})).toEqual([])
  })

  it('says nothing of volume and number without a series to belong to', () => {
    expect(seriesMetadata(collection({volume: 3, number: 12}), brand)).toEqual([])
  })
})

describe("a collection's creators and contributors", () => {
  const papers = [
    {authors: ['كاتب أول', {name: 'Jane Doe', role: 'Fellow'}], lang: 'ar'},
    {authors: ['Jane Doe'], lang: 'en'},
    {authors: ['John Roe'], lang: 'en'}
  ]

  it('names the editors as creators and each author once, as a contributor, in the language of their first paper', () => {
    expect(creditsOf(collection({editors: ['محرر']}, papers))).toEqual([
      {name: 'محرر', relator: 'edt', element: 'creator'},
      {name: 'كاتب أول', relator: 'aut', element: 'contributor', lang: undefined},
      {name: 'Jane Doe', relator: 'aut', element: 'contributor', lang: undefined},
      {name: 'John Roe', relator: 'aut', element: 'contributor', lang: 'en'}
    ])
  })

  it('makes the authors the creators of a collection without editors', () => {
    expect(creditsOf(collection({}, papers)).map((credit) => credit.element)).toEqual(['creator', 'creator', 'creator'])
  })
})
