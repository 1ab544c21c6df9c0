import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {markTextLayer} from '../../src/outputs/pdf/text-layer.js'

describe('markTextLayer', () => {
  it('puts a right-to-left mark after a number a space follows, and isolates ranges', () => {
    const parts = [h('p', 'في 19 تشرين الأول 2024، خلال الحرب (1950-1953). ومنذ'), h('code', 'x 1 y'), h('span', {dir: 'ltr'}, 'COVID 19 now')]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe(
      '<p>في 19\u200F تشرين الأول 2024،\u200F خلال الحرب (<span dir="ltr">1950-1953</span>).\u200F ومنذ</p>' +
      '<code>x 1 y</code><span dir="ltr">COVID 19 now</span>'
    )
  })

  it('puts a right-to-left mark at the start of the text after a left-to-right element in right-to-left text', () => {
    const parts = [h('p', ['استخدم ', h('span', {dir: 'ltr'}, 'Git'), ' على ', h('a', {dir: 'ltr'}, 'x.org')])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>استخدم <span dir="ltr">Git</span>\u200F على <a dir="ltr">x.org</a></p>')
  })

  it('marks nothing inside a left-to-right block', () => {
    const parts = [h('p', {dir: 'ltr'}, ['Author, ', h('em', {dir: 'ltr'}, 'Title'), ' 12 (2019): 45–67.'])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p dir="ltr">Author, <em dir="ltr">Title</em> 12 (2019): 45–67.</p>')
  })
})

describe('markTextLayer across elements', () => {
  it('puts a right-to-left mark after the punctuation that follows a note call', () => {
    const parts = [h('p', ['مستدام', h('sup', h('a', '1')), '. واستعملت'])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>مستدام<sup><a>1</a></sup>.\u200F واستعملت</p>')
  })

  it('puts a right-to-left mark after inline code in right-to-left text', () => {
    const parts = [h('p', ['نستدعي ', h('code', 'sort(items)'), ' ثم'])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>نستدعي <code>sort(items)</code>\u200F ثم</p>')
  })
})

describe('markTextLayer on notes', () => {
  it('puts a right-to-left mark after the number that leads a note', () => {
    const parts = [h('li', [h('a', {role: 'doc-backlink'}, '12'), h('div', h('p', {dir: 'ltr'}, 'Author, Title'))])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<li><a role="doc-backlink">12\u200F</a><div><p dir="ltr">Author, Title</p></div></li>')
  })

  it('puts the mark after a note number in Arabic-Indic digits', () => {
    const parts = [h('li', [h('a', {role: 'doc-backlink'}, '١٢'), h('div', h('p', 'نص'))])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<li><a role="doc-backlink">١٢\u200F</a><div><p>نص</p></div></li>')
  })

  it('marks no note number in a left-to-right publication', () => {
    const parts = [h('li', [h('a', {role: 'doc-backlink'}, '12'), h('div', h('p', 'Text'))])]
    markTextLayer(parts, 'ltr')
    expect(toHtml(parts)).toBe('<li><a role="doc-backlink">12</a><div><p>Text</p></div></li>')
  })

  it('marks no other link that ends in a number', () => {
    const parts = [h('p', ['انظر ', h('a', {href: '#s2'}, 'القسم 2'), ' هنا'])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>انظر <a href="#s2">القسم 2</a> هنا</p>')
  })
})
