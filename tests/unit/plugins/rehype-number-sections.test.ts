import type {Root} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import rehypeNumberSections from '../../../src/pipeline/plugins/rehype-number-sections.js'

function document() {
  return h(null, [
    h('h1', 'العنوان'),
    h('h2', 'مقدمة'),
    h('h3', 'خلفية'),
    h('h3', 'منهج'),
    h('h4', 'عينة'),
    h('h2.unnumbered', 'ملخص'),
    h('h2', 'نتائج'),
    h('h3', 'أولية'),
    h('h4', 'تفصيل')
  ])
}

function numbers(tree: Root): unknown[] {
  return tree.children.map((child) => (child.type === 'element' ? child.properties.dataNumber : undefined))
}

describe('rehypeNumberSections', () => {
  it('does nothing by default', () => {
    const tree = document()
    const before = toHtml(tree)
    rehypeNumberSections()(tree)
    expect(toHtml(tree)).toBe(before)
  })

  it('numbers h2 with ordinals, skipping the title, h3 and unnumbered', () => {
    const tree = document()
    rehypeNumberSections({numbering: 'ordinal'})(tree)
    expect(numbers(tree)).toEqual([
      undefined,
      'أولاً',
      undefined,
      undefined,
      undefined,
      undefined,
      'ثانياً',
      undefined,
      undefined
    ])
    expect(toHtml(tree.children[1]!)).toBe(
      '<h2 data-number="أولاً"><span class="section-number">أولاً: </span>مقدمة</h2>'
    )
    expect(toHtml(tree.children[5]!)).toBe('<h2 class="unnumbered">ملخص</h2>')
  })

  it('numbers decimally, resetting below a higher level', () => {
    const tree = document()
    rehypeNumberSections({numbering: 'decimal'})(tree)
    expect(numbers(tree)).toEqual([undefined, '1', '1.1', '1.2', '1.2.1', undefined, '2', '2.1', '2.1.1'])
    expect(toHtml(tree.children[1]!)).toBe('<h2 data-number="1"><span class="section-number">1. </span>مقدمة</h2>')
    expect(toHtml(tree.children[4]!)).toBe(
      '<h4 data-number="1.2.1"><span class="section-number">1.2.1 </span>عينة</h4>'
    )
  })

  it('finds headings nested in sections', () => {
    const tree = h(null, [h('section', [h('h2', 'أ'), h('section', [h('h3', 'ب')])]), h('section', [h('h2', 'ج')])])
    rehypeNumberSections({numbering: 'decimal'})(tree)
    expect(toHtml(tree)).toContain('<span class="section-number">1.1 </span>ب')
    expect(toHtml(tree)).toContain('<span class="section-number">2. </span>ج')
  })

  it('falls back to plain numbers beyond the twentieth ordinal', () => {
    const tree = h(
      null,
      Array.from({length: 21}, (_, index) => h('h2', 'قسم ' + index))
    )
    rehypeNumberSections({numbering: 'ordinal'})(tree)
    expect(numbers(tree).slice(-2)).toEqual(['عشرون', '21'])
  })
})
