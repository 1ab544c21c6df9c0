import {describe, expect, it} from 'vitest'
import {collectionEntry, facetData, facetsOf} from '../../src/site/catalogue.js'
import {keeps, viewOf} from '../../src/site/filters/page.js'
import {filtersScript} from '../../src/site/filters/script.js'
import {listingSchema} from '../../src/site/listing.js'

const listing = (slug: string, date: string, editors: string[], series?: string) =>
  listingSchema.parse({
    kind: 'collection',
    slug,
    title: slug,
    date,
    series,
    editors: editors.map((name) => ({name})),
    papers: []
  })

describe('the filters a card carries', () => {
  it('are the slugs of the filters’ pages that list it', async () => {
    const entries = await Promise.all([
      collectionEntry(listing('a', '2025-01-01', ['علي حسين', 'John Smith'], 'مجلة'), '/nowhere'),
      collectionEntry(listing('b', '2024-01-01', ['علي حسين']), '/nowhere')
    ])
    const listed = facetsOf(entries).flatMap((facet) =>
      facet.entries.includes(entries[0]!) ? [`${facet.kind}/${facet.slug}`] : []
    )
    const data = facetData(entries[0]!)
    const carried = Object.entries(data).flatMap(([kind, slugs]) => slugs.split(' ').map((slug) => `${kind}/${slug}`))
    expect([data, carried.sort()]).toEqual([
      {series: 'مجلة', year: '2025', author: 'علي-حسين john-smith'},
      listed.sort()
    ])
  })

  it('leave out a series the entry does not have', async () => {
    const entry = await collectionEntry(listing('b', '2024-01-01', []), '/nowhere')
    expect(facetData(entry)).toEqual({series: '', year: '2024', author: ''})
  })
})

describe('keeps', () => {
  const card = {series: 'مجلة', year: '2025', author: 'علي-حسين john-smith'}
  it('keeps a card under each slug it carries, and under no filter', () => {
    expect(['', 'year/2025', 'series/مجلة', 'author/john-smith', 'author/علي-حسين'].map((f) => keeps(card, f))).toEqual(
      [true, true, true, true, true]
    )
  })
  it('drops a card under another slug, a slug’s part, or a kind it does not carry', () => {
    expect(['year/2024', 'author/john', 'series/مج', 'place/2025'].map((f) => keeps(card, f))).toEqual([
      false,
      false,
      false,
      false
    ])
  })
})

describe('viewOf', () => {
  it('takes a view from the history, and nothing from another state', () => {
    const view = {filter: 'year/2025', heading: 'السنة: 2025', title: 'السنة: 2025 — x'}
    expect([viewOf(view), viewOf(null), viewOf({filter: 1}), viewOf('x')]).toEqual([
      view,
      undefined,
      undefined,
      undefined
    ])
  })
})

describe('filtersScript', () => {
  it('is ASCII and defines every function it starts with', () => {
    const script = filtersScript()
    expect([...script].every((character) => character.charCodeAt(0) < 0x80)).toBe(true)
    expect(script).toContain('function startFilters(')
    expect(script).toContain('function showView(')
  })
})
