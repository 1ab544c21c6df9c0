import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import rehypeIsolateLtr from '../../../src/pipeline/plugins/rehype-isolate-ltr.js'

describe('rehypeIsolateLtr', () => {
  it('wraps a Latin sentence with its full stop', () => {
    const tree = h(null, [h('p', 'قال The treaty is historic. ثم')])
    rehypeIsolateLtr()(tree)
    expect(toHtml(tree)).toBe(
      '<p>قال <span dir="ltr">The treaty is historic.</span> ثم</p>'
    )
  })

  it('wraps several runs in one text node, leaving a single word’s full stop out', () => {
    const tree = h(null, [h('p', 'حلف NATO. ووباء COVID-19 في 2024')])
    rehypeIsolateLtr()(tree)
    expect(toHtml(tree)).toBe(
      '<p>حلف <span dir="ltr">NATO</span>. ووباء <span dir="ltr">COVID-19</span> في 2024</p>'
    )
  })

  it('leaves Arabic-only text and numbers as they are', () => {
    const tree = h(null, [h('p', 'في 2024 كان')])
    rehypeIsolateLtr()(tree)
    expect(toHtml(tree)).toBe('<p>في 2024 كان</p>')
  })

  it('does not touch code, pre, kbd, samp, script, style, svg or math', () => {
    const tree = h(null, [
      h('p', ['اكتب ', h('code', 'npm install'), ' ثم ', h('kbd', 'Enter')]),
      h('pre', h('code', 'const x = 1')),
      h('samp', 'Error'),
      h('script', 'var a'),
      h('style', 'p {color: red}'),
      h('svg', [h('text', 'Label')]),
      h('math', [h('mi', 'x')])
    ])
    const before = toHtml(tree)
    rehypeIsolateLtr()(tree)
    expect(toHtml(tree)).toBe(before)
  })

  it('respects an existing dir and never wraps twice', () => {
    const tree = h(null, [
      h('p', ['انظر ', h('span', {dir: 'auto'}, 'Some English'), ' و Oxford']),
      h('blockquote', {dir: 'ltr'}, [h('p', 'A quoted English paragraph')])
    ])
    rehypeIsolateLtr()(tree)
    const once = toHtml(tree)
    rehypeIsolateLtr()(tree)
    expect(toHtml(tree)).toBe(once)
    expect(once).toBe(
      '<p>انظر <span dir="auto">Some English</span> و <span dir="ltr">Oxford</span></p>' +
        '<blockquote dir="ltr"><p>A quoted English paragraph</p></blockquote>'
    )
  })

  it('wraps link text and nested inline content', () => {
    const tree = h(null, [
      h('p', [
        'انظر ',
        h('a', {href: 'https://hcrsiraq.net'}, 'www.hcrsiraq.net'),
        ' و ',
        h('em', 'Foreign Affairs')
      ])
    ])
    rehypeIsolateLtr()(tree)
    expect(toHtml(tree)).toBe(
      '<p>انظر <a href="https://hcrsiraq.net"><span dir="ltr">www.hcrsiraq.net</span></a>' +
        ' و <em><span dir="ltr">Foreign Affairs</span></em></p>'
    )
  })

  it('wraps text directly under the root', () => {
    const tree = h(null, ['حلف NATO'])
    rehypeIsolateLtr(null)(tree)
    expect(toHtml(tree)).toBe('حلف <span dir="ltr">NATO</span>')
  })
})
