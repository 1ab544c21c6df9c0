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
