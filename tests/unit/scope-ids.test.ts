import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import type {Element} from 'hast'
import {describe, expect, it} from 'vitest'
import {scopeIds} from '../../src/parts/scope-ids.js'

describe('scopeIds', () => {
  it('prefixes ids and the references to them, and leaves other references alone', () => {
    const tree = fromHtml(
      '<svg aria-labelledby="t other"><title id="t">شعار</title><defs><linearGradient id="g"></linearGradient></defs><rect fill="url(#g)"></rect><use href="#g"></use><a href="#elsewhere"></a></svg>',
      {fragment: true, space: 'svg'}
    )
    const svg = tree.children[0] as Element
    scopeIds(svg, 'cover-logo-')
    expect(toHtml(svg, {space: 'svg'})).toBe(
      '<svg aria-labelledby="cover-logo-t other"><title id="cover-logo-t">شعار</title><defs><linearGradient id="cover-logo-g"></linearGradient></defs><rect fill="url(#cover-logo-g)"></rect><use href="#cover-logo-g"></use><a href="#elsewhere"></a></svg>'
    )
  })

  it("leaves a class named like an id alone (a paper's `h1.title#title` in a collection)", () => {
    const tree = fromHtml('<article><h1 class="title" id="title">عنوان</h1><a href="#title">العنوان</a></article>', {
      fragment: true
    })
    const article = tree.children[0] as Element
    scopeIds(article, 'p1-')
    expect(toHtml(article)).toBe(
      '<article><h1 class="title" id="p1-title">عنوان</h1><a href="#p1-title">العنوان</a></article>'
    )
  })
})
