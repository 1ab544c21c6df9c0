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
})
