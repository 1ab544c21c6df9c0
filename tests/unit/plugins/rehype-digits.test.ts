import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import rehypeDigits from '../../../src/pipeline/plugins/rehype-digits.js'

function sample() {
  return h(null, [h('p', 'في عام 2024 صدر العدد 3')])
}

describe('rehypeDigits', () => {
  it('changes nothing by default', () => {
    const tree = sample()
    rehypeDigits()(tree)
    expect(toHtml(tree)).toBe('<p>في عام 2024 صدر العدد 3</p>')

    const explicit = sample()
    rehypeDigits({digits: 'latin'})(explicit)
    expect(toHtml(explicit)).toBe('<p>في عام 2024 صدر العدد 3</p>')
  })

  it('localises digits in running text', () => {
    const tree = sample()
    rehypeDigits({digits: 'arabic-indic'})(tree)
    expect(toHtml(tree)).toBe('<p>في عام ٢٠٢٤ صدر العدد ٣</p>')
  })

  it('leaves URLs and e-mail addresses in text untouched', () => {
    const tree = h(null, [h('p', 'انظر www.site2024.org أو اكتب إلى a1@b2.org قبل 15 أيار')])
    rehypeDigits({digits: 'arabic-indic'})(tree)
    expect(toHtml(tree)).toBe('<p>انظر www.site2024.org أو اكتب إلى a1@b2.org قبل ١٥ أيار</p>')
  })

  it('skips code, kbd, samp and dir="ltr" content', () => {
    const tree = h(null, [
      h('p', [
        'المادة 5 ',
        h('code', 'x = 10'),
        ' ',
        h('kbd', 'F5'),
        ' ',
        h('samp', 'Error 404'),
        ' ',
        h('span', {dir: 'ltr'}, 'COVID-19'),
        ' عام 2020'
      ]),
      h('pre', h('code', 'let y = 2'))
    ])
    rehypeDigits({digits: 'arabic-indic'})(tree)
    expect(toHtml(tree)).toBe(
      '<p>المادة ٥ <code>x = 10</code> <kbd>F5</kbd> <samp>Error 404</samp> ' +
        '<span dir="ltr">COVID-19</span> عام ٢٠٢٠</p><pre><code>let y = 2</code></pre>'
    )
  })

  it('skips the text of external and mailto links, not internal ones', () => {
    const tree = h(null, [
      h('p', [
        h('a', {href: 'https://example.org/2024'}, 'example.org/2024'),
        ' ',
        h('a', {href: 'mailto:info@example.org'}, 'مكتب 2'),
        ' ',
        h('a', {href: '#section-3'}, 'القسم 3')
      ])
    ])
    rehypeDigits({digits: 'arabic-indic'})(tree)
    expect(toHtml(tree)).toBe(
      '<p><a href="https://example.org/2024">example.org/2024</a> ' +
        '<a href="mailto:info@example.org">مكتب 2</a> ' +
        '<a href="#section-3">القسم ٣</a></p>'
    )
  })
})
