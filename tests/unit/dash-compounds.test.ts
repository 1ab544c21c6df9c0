import type {Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {dashCompoundsOf, spanDashCompounds} from '../../src/outputs/pdf/dash-compounds.js'
import {markWrappedWords, wrappedWordMark, wrappedWordsOf} from '../../src/outputs/pdf/wrapped-words.js'

const paragraph = (text: string, tagName = 'p'): Root => ({
  type: 'root',
  children: [{type: 'element', tagName, properties: {}, children: [{type: 'text', value: text}]}]
})

describe('dashCompoundsOf', () => {
  it('finds Latin words joined by en dashes, not number ranges, hyphens or Arabic', () => {
    expect(dashCompoundsOf('the Euphrates–Tigris basin, Tel Aviv–Yafo–Jaffa, 3–16, well-known, دجلة–الفرات')).toEqual([
      'Euphrates–Tigris',
      'Aviv–Yafo–Jaffa'
    ])
  })
})

describe('spanDashCompounds', () => {
  it('sets each compound in a .dash-compound span, the text around it as it was', () => {
    const tree = paragraph('in the Euphrates–Tigris basin')
    spanDashCompounds([tree])
    expect(toHtml(tree)).toBe('<p>in the <span class="dash-compound">Euphrates–Tigris</span> basin</p>')
  })

  it('leaves code as written', () => {
    const tree = paragraph('a–b', 'code')
    spanDashCompounds([tree])
    expect(toHtml(tree)).toBe('<code>a–b</code>')
  })

  it('gives each compound the wrapped-word mark in print, and lists it among the words made whole from the document tree', () => {
    const tree = paragraph('in the Euphrates–Tigris basin')
    expect([...wrappedWordsOf([tree])]).toEqual(['Euphrates–Tigris'])
    spanDashCompounds([tree])
    markWrappedWords([tree])
    expect(toHtml(tree)).toContain(`<span class="dash-compound">${wrappedWordMark}Euphrates–Tigris</span>`)
  })
})
