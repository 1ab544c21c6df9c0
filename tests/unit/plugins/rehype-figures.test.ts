import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import rehypeFigures from '../../../src/pipeline/plugins/rehype-figures.js'

describe('rehypeFigures', () => {
  it('makes a lone image a numbered figure captioned with its alternative text', () => {
    const tree = h(null, [
      h('p', [h('img', {src: 'a.png', alt: 'خريطة'})]),
      h('p', ['نص ', h('img', {src: 'b.png', alt: 'رمز'})]),
      h('p', [h('img', {src: 'c.png', alt: ''})])
    ])
    rehypeFigures()(tree)
    expect(toHtml(tree)).toBe(
      '<figure id="figure-1"><img src="a.png" alt="خريطة"><figcaption><span class="caption-label">شكل 1</span>: خريطة</figcaption></figure>' +
        '<p>نص <img src="b.png" alt="رمز"></p>' +
        '<figure id="figure-2"><img src="c.png" alt=""><figcaption><span class="caption-label">شكل 2</span></figcaption></figure>'
    )
  })

  it('numbers tables and takes a `: caption` paragraph after one as its caption', () => {
    const tree = h(null, [
      h('table', [h('tbody', [h('tr', [h('td', '1')])])]),
      h('p', ': الإنتاج'),
      h('table', [h('tbody')]),
      h('p', 'فقرة عادية')
    ])
    rehypeFigures({tableLabel: 'جدول'})(tree)
    expect(toHtml(tree)).toBe(
      '<table id="table-1"><caption><span class="caption-label">جدول 1</span>: الإنتاج</caption><tbody><tr><td>1</td></tr></tbody></table>' +
        '<table id="table-2"><caption><span class="caption-label">جدول 2</span></caption><tbody></tbody></table><p>فقرة عادية</p>'
    )
  })
})
