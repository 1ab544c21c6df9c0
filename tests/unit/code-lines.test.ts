import type {Element, Root} from 'hast'
import {describe, expect, it} from 'vitest'
import {
  codeLineMark,
  codeLinesOf,
  markCodeLines,
  pdfiumCodeOrder,
  popplerOrder,
  popplerPageDirection,
  wholeCodeLines
} from '../../src/outputs/pdf/code-lines.js'
import {hexText, parseContent, textHex} from '../../src/outputs/pdf/content-stream.js'

const codeLine = (text: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: {className: ['code-line']},
  children: [{type: 'text', value: text}]
})
const block = (...lines: string[]): Root => ({
  type: 'root',
  children: [
    {
      type: 'element',
      tagName: 'pre',
      properties: {dir: 'ltr'},
      children: [{type: 'element', tagName: 'code', properties: {}, children: lines.map(codeLine)}]
    }
  ]
})

/** Bidi marks, which every reader's text may hold and the measure of the text layer leaves out. */
const unmarked = (text: string) => text.replace(/[\u200E\u200F\u202A-\u202C]/g, '')

const isRight = (character: string) =>
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F]/.test(character) && !/[\u0660-\u0669]/.test(character)
const isLeftOrNumber = (character: string) => /[\p{L}\p{N}\u200E]/u.test(character) && !isRight(character)

/**
 * poppler's `reorderText` (TextOutputDev.cc), which turns a line's text as drawn into the text it gives:
 * on a left-to-right page, sections from the left, a right-to-left one turned round; on a right-to-left
 * page, sections from the right, the left-to-right ones as they are.
 */
function popplerReorder(drawn: string, leftToRight: boolean): string {
  const text = [...drawn]
  let out = ''
  if (leftToRight) {
    for (let index = 0; index < text.length; ) {
      let end = index
      while (end < text.length && !isRight(text[end]!)) end++
      out += text.slice(index, end).join('')
      index = end
      while (end < text.length && !isLeftOrNumber(text[end]!)) end++
      out += text.slice(index, end).reverse().join('')
      index = end
    }
    return out
  }
  for (let index = text.length - 1; index >= 0; ) {
    let end = index
    while (end >= 0 && !isLeftOrNumber(text[end]!)) end--
    out += text
      .slice(end + 1, index + 1)
      .reverse()
      .join('')
    index = end
    while (end >= 0 && !isRight(text[end]!)) end--
    out += text.slice(end + 1, index + 1).join('')
    index = end
  }
  return out
}

const lines = [
  'print(f"عدد المستجيبين: {len(survey)}")',
  'title: عنوان الورقة',
  '# نحذف 3 أسطر (الفارغة)',
  'عنوان: "x"',
  'numbering: ordinal   # أولاً، ثانياً …'
]

describe('markCodeLines', () => {
  it('opens each code line that holds an Arabic letter with the mark, and no other line', () => {
    const tree = block('x = 1\n', 'y = "نعم"\n')
    markCodeLines([tree])
    const code = (tree.children[0] as Element).children[0] as Element
    expect(code.children.map((line) => ((line as Element).children[0] as {value: string}).value)).toEqual([
      'x = 1\n',
      codeLineMark
    ])
  })
})

describe('formulas', () => {
  const formula = (): Element => ({
    type: 'element',
    tagName: 'p',
    properties: {dir: 'ltr'},
    children: [
      {type: 'text', value: 'P = x'},
      {type: 'element', tagName: 'sup', properties: {}, children: [{type: 'text', value: '2'}]}
    ]
  })

  it('marks a left-to-right paragraph with a raised letter, and not one without', () => {
    const raised = formula()
    const plain: Element = {
      type: 'element',
      tagName: 'p',
      properties: {dir: 'ltr'},
      children: [{type: 'text', value: 'P = x'}]
    }
    markCodeLines([{type: 'root', children: [raised, plain]}])
    expect([raised.children[0], plain.children.length]).toEqual([{type: 'text', value: codeLineMark}, 1])
  })

  it('gives its text among the lines to make whole', () => {
    expect(codeLinesOf([{type: 'root', children: [formula()]}])).toEqual(['P = x2'])
  })
})

describe('codeLinesOf', () => {
  it('gives the code lines that hold an Arabic letter, without their line break', () => {
    expect(codeLinesOf([block('x = 1\n', 'y = "نعم"\n')])).toEqual(['y = "نعم"'])
  })
})

describe('popplerOrder', () => {
  it.each(lines)('is read back as written by poppler on a right-to-left page: %s', (line) => {
    expect(unmarked(popplerReorder(popplerOrder(line, false), false))).toBe(line)
  })

  it.each(lines)('is read back as written by poppler on a left-to-right page: %s', (line) => {
    expect(unmarked(popplerReorder(popplerOrder(line, true), true))).toBe(line)
  })
})

describe('pdfiumCodeOrder', () => {
  it('turns each Arabic word round between left-to-right marks, keeping a combining mark after its letters', () => {
    expect(pdfiumCodeOrder('x: أولاً، نعم')).toBe('x: \u200Eالوأ\u064B\u200E، \u200Eمعن\u200E')
  })
})

describe('popplerPageDirection', () => {
  it('is right to left when a page has more Arabic letters than Latin ones, else left to right', () => {
    expect([popplerPageDirection('abc عربي'), popplerPageDirection('abcd عربي')]).toEqual(['rtl', 'ltr'])
  })
})

describe('wholeCodeLines', () => {
  // Glyph codes of a made-up font: 1 x, 2 =, 3 a space, 4 ن, 5 ع, 6 م; the mark is drawn as the space glyph in
  // a span of its own, and the Arabic word in visual order, as Chromium draws them.
  const toUnicode = new Map([
    [1, 'x'],
    [2, '='],
    [3, ' '],
    [4, 'ن'],
    [5, 'ع'],
    [6, 'م']
  ])
  const glyph = (code: number) => `<${code.toString(16).padStart(4, '0')}> Tj`
  const mark = `/Span<</ActualText ${textHex(codeLineMark)} >> BDC\n${glyph(3)}\nEMC`
  const stream = [
    mark,
    glyph(1),
    glyph(3),
    glyph(2),
    glyph(3),
    '/ReversedChars BMC',
    glyph(6),
    glyph(5),
    glyph(4),
    'EMC',
    glyph(1)
  ].join('\n')
  const spans = (source: string | undefined) =>
    [...(source ?? '').matchAll(/\/(Span|VisualOrder) <<\/ActualText (<[0-9A-F]*>) >> BDC/g)].map(
      (match) => `${match[1]}:${hexText(match[2]!)}`
    )

  it("gives the line's first letter the whole line for each reader, and its other glyphs texts they drop, not the glyphs after it", () => {
    const left = ['x = نعم']
    const written = spans(wholeCodeLines(parseContent(stream)!, () => toUnicode, left, false))
    expect(written.slice(0, 4)).toEqual([
      'Span:',
      'VisualOrder:\u0001',
      `Span:${popplerOrder('x = نعم', false)}`,
      `VisualOrder:${pdfiumCodeOrder('x = نعم')}`
    ])
    expect([written.length, left]).toEqual([2 * 8, []])
  })

  it('leaves a stream whose marked line is not one of those printed as it is', () => {
    expect(wholeCodeLines(parseContent(stream)!, () => toUnicode, ['x = لا'], false)).toBeUndefined()
  })
})
