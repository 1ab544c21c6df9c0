import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import rehypeLongWords from '../../../src/pipeline/plugins/rehype-long-words.js'

describe('rehypeLongWords', () => {
  it('puts a word longer than forty characters in a long-word span', () => {
    const word = 'ب'.repeat(41)
    const tree = h(null, [h('p', `كلمة ${word} طويلة`)])
    rehypeLongWords()(tree)
    expect(toHtml(tree)).toBe(`<p>كلمة <span class="long-word">${word}</span> طويلة</p>`)
  })

  it('leaves a word of forty characters as it is', () => {
    const tree = h(null, [h('p', `كلمة ${'a'.repeat(40)}`)])
    const before = toHtml(tree)
    rehypeLongWords()(tree)
    expect(toHtml(tree)).toBe(before)
  })

  it('leaves code and addresses to their own breaking', () => {
    const long = 'a'.repeat(50)
    const tree = h(null, [h('p', [h('code', long), h('span', {className: ['url']}, long)]), h('pre', long)])
    const before = toHtml(tree)
    rehypeLongWords()(tree)
    expect(toHtml(tree)).toBe(before)
  })

  it('takes the length of its option', () => {
    const tree = h(null, [h('p', 'abcdef abc')])
    rehypeLongWords({maxWord: 5})(tree)
    expect(toHtml(tree)).toBe('<p><span class="long-word">abcdef</span> abc</p>')
  })

  it('counts a word in characters, not UTF-16 units', () => {
    const tree = h(null, [h('p', `${'𝐀'.repeat(40)} ${'𝐁'.repeat(41)}`)])
    rehypeLongWords()(tree)
    expect(toHtml(tree)).toBe(`<p>${'𝐀'.repeat(40)} <span class="long-word">${'𝐁'.repeat(41)}</span></p>`)
  })

  it('takes words between any white space, a no-break space included', () => {
    const tree = h(null, [h('p', `a\u00A0${'b'.repeat(6)}\tc`)])
    rehypeLongWords({maxWord: 5})(tree)
    expect(toHtml(tree)).toBe(`<p>a\u00A0<span class="long-word">bbbbbb</span>\tc</p>`)
  })
})
