import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {foldArabic} from '../../src/arabic/fold.js'
import {excerptOf, excerptStart, foundOf, queryOf} from '../../src/site/search/page.js'
import {searchForm, searchPanel} from '../../src/site/search/panel.js'
import {alignedWords, indexedRecord} from '../../src/site/search/record.js'
import {asciiOnly, searchScript} from '../../src/site/search/script.js'
import {searchText} from '../../src/site/search/text.js'

/** The elements of a tree, in document order, that `test` accepts. */
function all(tree: Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (element: Element) => void (test(element) && found.push(element)))
  return found
}

const tag = (name: string) => (element: Element) => element.tagName === name
const data = (name: string) => (element: Element) => name in element.properties
const one = (tree: Element, test: (element: Element) => boolean) => all(tree, test)[0]!

const labels = {
  search: 'بحث',
  placeholder: 'ابحث',
  noResults: 'لا نتائج',
  results: 'النتائج',
  unavailable: 'يحتاج خادمًا'
}
const record = {
  url: 'papers/x/index.html',
  title: 'الإستراتيجية الوطنية',
  text: 'نص الورقة عن الإستراتيجية ﷺ ـــ الْعِرَاق.',
  lang: 'ar',
  authors: ['نور', 'Yasmin Tariq'],
  date: '2025-01-01'
}

describe('indexedRecord', () => {
  const indexed = indexedRecord(record)

  it('indexes the folded words, one for one with the words as written', () => {
    const [folded, written] = [indexed.content.split(' '), indexed.meta.words!.split(' ')]
    expect(folded).toEqual(written.map(foldArabic))
  })

  it('opens with the title when the text does not', () => {
    expect(indexed.meta.words!.startsWith('الإستراتيجية الوطنية نص الورقة')).toBe(true)
  })

  it('does not repeat a title the text opens with', () => {
    const words = indexedRecord({...record, text: `${record.title}\n${record.text}`}).meta.words!
    expect(words.split('الإستراتيجية الوطنية').length).toBe(2)
  })

  it('indexes every record as Arabic, keeping its own language for the page', () => {
    const english = indexedRecord({...record, lang: 'en'})
    expect([english.language, english.meta.lang]).toEqual(['ar', 'en'])
  })

  it('keeps the real title, the authors and the date in the meta', () => {
    expect([indexed.meta.title, JSON.parse(indexed.meta.authors!), indexed.meta.date]).toEqual([
      record.title,
      record.authors,
      record.date
    ])
  })
})

describe('alignedWords', () => {
  it('splits a ligature into its words and leaves out a word of tatweel only', () => {
    expect(alignedWords('قال ﷺ ـــ هنا')).toEqual(['قال', 'صلى', 'الله', 'عليه', 'وسلم', 'هنا'])
  })
})

describe('the excerpt', () => {
  const words = Array.from({length: 100}, (_, index) => `w${index}`)

  it('starts at the first word when the matches are near it', () => {
    expect(excerptStart([2, 5], 100, 30)).toBe(0)
  })

  it('takes the stretch holding the most matches', () => {
    expect(excerptStart([3, 60, 64, 70], 100, 30)).toBe(53)
  })

  it('never runs past the last word', () => {
    expect(excerptStart([99], 100, 30)).toBe(70)
  })

  it('marks the matches and shows the cut ends', () => {
    const parts = excerptOf(words, [50], 5)
    expect(parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('')).toBe('… w49 [w50] w51 w52 w53 …')
  })
})

describe('foundOf', () => {
  it('links through the site root to the record’s own address and reads the meta', () => {
    const indexed = indexedRecord(record)
    const found = foundOf(
      {url: '/papers/x/index.html', raw_url: 'papers/x/index.html', meta: indexed.meta, locations: [0]},
      '../'
    )
    expect([found.href, found.title, found.authors, found.excerpt[0]]).toEqual([
      '../papers/x/index.html',
      record.title,
      record.authors,
      {text: 'الإستراتيجية', mark: true}
    ])
  })
})

describe('queryOf', () => {
  it('reads `q` from the address, trimmed', () => {
    expect(queryOf('http://localhost/search/?q=%20%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82+')).toBe('العراق')
  })

  it('is empty without `q`', () => {
    expect(queryOf('file:///site/search/index.html')).toBe('')
  })
})

describe('searchPanel', () => {
  const panel = searchPanel(labels)

  it('holds a search form sending `q` by GET to the page itself, its input labelled', () => {
    const form = one(panel, tag('form'))
    const input = one(form, tag('input'))
    const label = one(form, tag('label'))
    expect([form.properties.role, form.properties.method, form.properties.action, input.properties.name]).toEqual([
      'search',
      'get',
      undefined,
      'q'
    ])
    expect(label.properties.htmlFor).toEqual([input.properties.id])
  })

  it('names its results region by its heading and its status as live', () => {
    const region = one(panel, data('dataSearchResults'))
    const status = one(panel, data('dataSearchStatus'))
    expect([region.properties.ariaLabelledBy, one(region, tag('h2')).properties.id]).toEqual([
      ['search-results-heading'],
      'search-results-heading'
    ])
    expect([status.properties.role, status.properties.ariaLive]).toEqual(['status', 'polite'])
  })

  it('is right to left', () => {
    expect(panel.properties.dir).toBe('rtl')
  })
})

describe('searchForm', () => {
  it('sends `q` by GET to the search page, its input named', () => {
    const form: Element = searchForm(labels, '../search/index.html')
    const input = one(form, tag('input'))
    expect([form.properties.action, form.properties.method, input.properties.name, input.properties.ariaLabel]).toEqual(
      ['../search/index.html', 'get', 'q', labels.search]
    )
  })

  it('has no id, so that it can stand on the search page beside the panel', () => {
    expect(all(searchForm(labels, '.'), data('id'))).toEqual([])
  })
})

describe('asciiOnly', () => {
  it('writes each UTF-16 unit above ASCII as an escape', () => {
    expect(asciiOnly('a ى 😀')).toBe('a \\u0649 \\ud83d\\ude00')
  })
})

describe('searchScript', () => {
  const script = searchScript()

  it('is ASCII only, whatever character set it is served in', () => {
    expect([...script].filter((character) => character.charCodeAt(0) > 0x7f)).toEqual([])
  })

  it('is a script that parses', () => {
    expect(() => new vm.Script(script)).not.toThrow()
  })

  it('carries the fold of src/arabic/fold.ts as it stands', () => {
    expect(script).toContain(asciiOnly(String(foldArabic)))
  })
})

describe('searchText', () => {
  it('keeps the words of two blocks apart and a note call off its word', () => {
    const tree = h('main', [h('h2', 'الإستراتيجية'), h('p', ['نص', h('sup', h('a', '3')), ' آخر']), h('p', 'ثم')])
    expect(searchText(tree)).toBe('الإستراتيجية نص 3 آخر ثم')
  })

  it('leaves out scripts, styles and hidden elements', () => {
    const tree = h('div', [h('script', 'var x'), h('style', 'p{}'), h('p', {hidden: true}, 'مخفي'), h('p', 'ظاهر')])
    expect(searchText(tree)).toBe('ظاهر')
  })
})

describe('the markup of the form and the panel', () => {
  it('is the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const file = path.join(import.meta.dirname, '..', 'fixtures', 'search', 'panel.html')
    const html = `${toHtml(searchForm(labels, '../search/'))}\n${toHtml(searchPanel(labels))}\n`
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, html)
    expect(existsSync(file), 'tests/fixtures/search/panel.html is missing: run with UPDATE_GOLDEN=1').toBe(true)
    expect(html).toBe(readFileSync(file, 'utf8'))
  })
})
