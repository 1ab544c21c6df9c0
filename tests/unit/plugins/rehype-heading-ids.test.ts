import type {Root} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import rehypeHeadingIds from '../../../src/pipeline/plugins/rehype-heading-ids.js'

function ids(tree: Root): unknown[] {
  return tree.children.map((child) => (child.type === 'element' ? child.properties.id : undefined))
}

describe('rehypeHeadingIds', () => {
  it('keeps Arabic letters in ids', () => {
    const tree = h(null, [h('h2', 'الإطار العام'), h('h3', 'Hello World')])
    rehypeHeadingIds()(tree)
    expect(ids(tree)).toEqual(['الإطار-العام', 'hello-world'])
  })

  it('removes harakat, superscript alef and tatweel', () => {
    const tree = h(null, [h('h2', 'مُقَدِّمَةٌ'), h('h2', 'الـــعراق'), h('h2', 'الرحمٰن')])
    rehypeHeadingIds()(tree)
    expect(ids(tree)).toEqual(['مقدمة', 'العراق', 'الرحمن'])
  })

  it('suffixes collisions, also between voweled and bare spellings', () => {
    const tree = h(null, [h('h2', 'مقدمة'), h('h2', 'مُقَدِّمَة'), h('h2', 'مقدمة')])
    rehypeHeadingIds()(tree)
    expect(ids(tree)).toEqual(['مقدمة', 'مقدمة-1', 'مقدمة-2'])
  })

  it('reserves existing ids and leaves them alone', () => {
    const tree = h(null, [h('h2', 'خاتمة'), h('h2', {id: 'خاتمة'}, 'نص آخر'), h('p', {id: 'خاتمة-1'}, 'فقرة')])
    rehypeHeadingIds()(tree)
    expect(ids(tree)).toEqual(['خاتمة-2', 'خاتمة', 'خاتمة-1'])
  })

  it('prefixes ids that would be empty or start with a digit', () => {
    const tree = h(null, [h('h2', '2024 عام'), h('h2', '٣ نتائج'), h('h2', '!!!')])
    rehypeHeadingIds()(tree)
    expect(ids(tree)).toEqual(['h-2024-عام', 'h-٣-نتائج', 'h'])
  })

  it('uses text of nested elements', () => {
    const tree = h(null, [h('h2', ['أولاً: ', h('em', 'السياق')])])
    rehypeHeadingIds()(tree)
    expect(toHtml(tree)).toBe('<h2 id="أولا-السياق">أولاً: <em>السياق</em></h2>')
  })

  it('prepends the prefix to every generated id', () => {
    const tree = h(null, [h('h1', 'تقرير'), h('h2', 'تقرير')])
    rehypeHeadingIds({prefix: 'ch1-'})(tree)
    expect(ids(tree)).toEqual(['ch1-تقرير', 'ch1-تقرير-1'])
  })

  it('starts afresh for every tree', () => {
    const transform = rehypeHeadingIds()
    const first = h(null, [h('h2', 'مقدمة')])
    const second = h(null, [h('h2', 'مقدمة')])
    transform(first)
    transform(second)
    expect(ids(second)).toEqual(['مقدمة'])
  })
})
