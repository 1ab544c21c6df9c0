import type {Element, Root} from 'hast'
import {describe, expect, it} from 'vitest'
import {hexText, parseContent, textHex} from '../../src/outputs/pdf/content-stream.js'
import {
  markWrappedWords,
  newScan,
  onLeftToRightLines,
  pdfiumLineDirection,
  pdfiumOrder,
  rolesOf,
  scanStream,
  wholeText,
  withSpans,
  wrappedWordMark,
  wrappedWordsOf
} from '../../src/outputs/pdf/wrapped-words.js'

// Glyph codes of a made-up font: 1 a, 2 b, 3 /, 4 c, 5 d, 6 a space, 7 ع; the mark is drawn as the space
// glyph in a span of its own, as Chromium draws it.
const toUnicode = new Map([
  [1, 'a'],
  [2, 'b'],
  [3, '/'],
  [4, 'c'],
  [5, 'd'],
  [6, ' '],
  [7, 'ع']
])
const glyph = (code: number) => `<${code.toString(16).padStart(4, '0')}> Tj`
const mark = `/Span<</ActualText ${textHex(wrappedWordMark)} >> BDC\n${glyph(6)}\nEMC`

/** The streams scanned for the words, each written back with its spans (undefined when unchanged). */
function rewrite(words: string[], streams: Array<{page: number; source: string}>): Array<string | undefined> {
  const scan = newScan(new Set(words))
  const operations = streams.map((stream, index) => {
    const parsed = parseContent(stream.source)!
    scanStream(scan, {page: stream.page, stream: index}, parsed, () => toUnicode)
    return parsed
  })
  const roles = rolesOf(scan)
  return operations.map((parsed, index) => (roles.has(index) ? withSpans(parsed, roles.get(index)!) : undefined))
}

/** The texts of the spans written around glyphs (poppler's and PDFium's), in order. */
function spanTexts(stream: string | undefined): string[] {
  return [...(stream ?? '').matchAll(/\/(?:Span|VisualOrder) <<\/ActualText (<[0-9A-F]*>) >> BDC/g)].map((match) =>
    hexText(match[1]!)
  )
}

const element = (className: string, text: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: {className: [className]},
  children: [{type: 'text', value: text}]
})

describe('markWrappedWords', () => {
  it('puts a mark before the text of each address and each long Latin word', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [element('url', 'https://a.example/b'), element('long-word', 'Pneumono')]
        }
      ]
    }
    markWrappedWords([tree])
    const paragraph = tree.children[0] as Element
    expect(
      paragraph.children.map((child) => (child as Element).children.map((text) => (text as {value: string}).value))
    ).toEqual([
      [wrappedWordMark, 'https://a.example/b'],
      [wrappedWordMark, 'Pneumono']
    ])
  })

  it('leaves long Arabic words without a mark', () => {
    const word = element('long-word', 'كتبعلمدرس')
    markWrappedWords([word])
    expect(word.children).toEqual([{type: 'text', value: 'كتبعلمدرس'}])
  })
})

describe('wrappedWordsOf', () => {
  it('gives the text of each address and long Latin word', () => {
    const tree: Root = {
      type: 'root',
      children: [
        element('url', 'https://a.example'),
        element('long-word', 'abc'),
        element('long-word', 'كتب'),
        element('other', 'x')
      ]
    }
    expect([...wrappedWordsOf([tree])]).toEqual(['https://a.example', 'abc'])
  })
})

describe('words of code and Latin phrases made whole', () => {
  const code = (tagName: string, text: string, properties: Element['properties'] = {}): Element => ({
    type: 'element',
    tagName,
    properties,
    children: [{type: 'text', value: text}]
  })

  it('gives inline code and Latin phrases whose first letter or digit is a letter and that hold a sign, and no other', () => {
    const tree: Root = {
      type: 'root',
      children: [
        code('code', 'array[0]'),
        code('span', 'CO2e', {dir: 'ltr'}),
        code('span', 'x + y', {dir: 'ltr'}),
        code('span', 'New York', {dir: 'ltr'}),
        code('code', 'letters'),
        code('span', '−44%', {dir: 'ltr'}),
        code('span', '{{ site.year }}', {dir: 'ltr'}),
        code('code', 'x=نعم'),
        code('span', 'a.b', {}),
        {type: 'element', tagName: 'pre', properties: {}, children: [code('code', 'f(x)')]}
      ]
    }
    expect([...wrappedWordsOf([tree])]).toEqual(['array[0]', 'CO2e', 'x + y', '{{ site.year }}'])
  })

  it('puts the mark before the text of such inline code, and none in a code block', () => {
    const inline = code('code', 'f(x)')
    const block = code('code', 'g(y)')
    markWrappedWords([
      {type: 'root', children: [inline, {type: 'element', tagName: 'pre', properties: {}, children: [block]}]}
    ])
    expect([inline.children.length, block.children.length]).toEqual([2, 1])
  })
})

describe('wrapped words in a content stream', () => {
  it('gives the first letter of a phrase its text as written, spaces and all, and its spaces no span', () => {
    const source = [mark, glyph(1), glyph(2), glyph(6), glyph(3), glyph(4), glyph(5)].join('\n')
    const [out] = rewrite(['ab  /cd'], [{page: 0, source}])
    expect(spanTexts(out)).toEqual([
      '',
      '\u0001',
      'ab /cd',
      pdfiumOrder('ab /cd'),
      '',
      '\u0001',
      '',
      '\u0001',
      '',
      '\u0001',
      '',
      '\u0001'
    ])
  })

  it('gives the first letter of a word wrapped across lines the whole word and its other glyphs nothing', () => {
    const source = [
      mark,
      glyph(1),
      glyph(2),
      glyph(3),
      '/ReversedChars BMC',
      glyph(7),
      'EMC',
      '0 20 Td',
      glyph(4),
      glyph(5)
    ].join('\n')
    const [out] = rewrite(['ab/cd'], [{page: 0, source}])
    expect(spanTexts(out)).toEqual([
      '',
      '\u0001',
      'ab/cd',
      'cd/ab',
      '',
      '\u0001',
      '',
      '\u0001',
      '',
      '\u0001',
      '',
      '\u0001'
    ])
  })

  it('draws the same glyphs in the same places', () => {
    const source = [mark, glyph(1), glyph(2), '0 20 Td', glyph(4)].join('\n')
    const [out] = rewrite(['abc'], [{page: 0, source}])
    const drawing = (stream: string) =>
      parseContent(stream)!
        .filter((operation) => !['BDC', 'EMC'].includes(operation.operator))
        .map((operation) => operation.source)
    expect(drawing(out!)).toEqual(drawing(source))
  })

  it('leaves a stream alone when the glyphs after a mark never make a whole word', () => {
    const source = [mark, glyph(1), glyph(2), glyph(7)].join('\n')
    expect(rewrite(['abc'], [{page: 0, source}])).toEqual([undefined])
  })

  it('passes over spaces drawn between the pieces of a word', () => {
    const source = [mark, glyph(1), glyph(6), glyph(2)].join('\n')
    const [out] = rewrite(['ab'], [{page: 0, source}])
    expect(spanTexts(out).filter((text) => text.length > 1)).toEqual(['ab', 'ab'])
    expect(out).toContain(`EMC\n${glyph(6)}\n/Span`)
  })

  it('gives a glyph to the word the glyph before went to when two words are open', () => {
    // «ab/» wraps; the next address «a/d» starts on the next line before «cd» is drawn.
    const source = [mark, glyph(1), glyph(2), glyph(3), mark, glyph(1), glyph(3), glyph(5), glyph(4), glyph(5)].join(
      '\n'
    )
    const [out] = rewrite(['ab/cd', 'a/d'], [{page: 0, source}])
    expect(spanTexts(out).filter((text) => text.length > 1)).toEqual(['ab/cd', 'cd/ab', 'a/d', 'd/a'])
  })

  it('gives PDFium no text of its own in a document read left to right', () => {
    const source = [mark, glyph(1), glyph(3), glyph(2)].join('\n')
    const scan = newScan(new Set(['a/b']))
    const operations = parseContent(source)!
    scanStream(scan, {page: 0, stream: 0}, operations, () => toUnicode)
    expect(spanTexts(withSpans(operations, rolesOf(scan).get(0)!, false)).filter((text) => text.length > 1)).toEqual([
      'a/b'
    ])
  })

  it('gives each page the part of a word printed on it', () => {
    const [first, second] = rewrite(
      ['abcd'],
      [
        {page: 0, source: [mark, glyph(1), glyph(2)].join('\n')},
        {page: 1, source: ['/ReversedChars BMC', glyph(7), 'EMC', glyph(4), glyph(5)].join('\n')}
      ]
    )
    expect(spanTexts(first).filter((text) => text.length > 1)).toEqual(['ab', 'ab'])
    expect(spanTexts(second).filter((text) => text.length > 1)).toEqual(['cd', 'cd'])
  })
})

describe('pdfiumOrder', () => {
  it('puts the runs of letters, separators and other characters of an address in the opposite order', () => {
    expect(pdfiumOrder('https://www.qdl.qa/ar')).toBe('ar/qa.qdl.www://https')
    expect(pdfiumOrder('a?q=1950s')).toBe('s1950=q?a')
  })

  it('leaves a word of one run, or one whose first letter or digit is not a letter, as it is', () => {
    expect(pdfiumOrder('Pneumono')).toBe('Pneumono')
    expect(pdfiumOrder('1950/a')).toBe('1950/a')
    expect(pdfiumOrder('+2.4')).toBe('+2.4')
  })

  it('puts the signs a phrase ends with first and those it starts with last, turned round and mirrored', () => {
    expect(pdfiumOrder('{{ site.title }}')).toBe(' }}title.site }}')
    expect(pdfiumOrder('(a.b')).toBe('b.a)')
  })
})

// Glyph codes 8 and 9 stand for the digits 1 and 9 in the tests below.
const digits = new Map([...toUnicode, [8, '1'], [9, '9']])

/** `rewrite` with a font that has digits. */
function rewriteWithDigits(words: string[], source: string): string | undefined {
  const scan = newScan(new Set(words))
  const parsed = parseContent(source)!
  scanStream(scan, {page: 0, stream: 0}, parsed, () => digits)
  const roles = rolesOf(scan).get(0)
  return roles ? withSpans(parsed, roles) : undefined
}

const noteCall = (number: string): Element => ({
  type: 'element',
  tagName: 'a',
  properties: {dataFootnoteRef: ''},
  children: [{type: 'text', value: number}]
})

describe('note calls', () => {
  it('puts a mark before the number of a note call and gives its number as a word', () => {
    const call = noteCall('12')
    markWrappedWords([call])
    expect(call.children).toEqual([
      {type: 'text', value: wrappedWordMark},
      {type: 'text', value: '12'}
    ])
    expect([...wrappedWordsOf([noteCall('12')])]).toEqual(['12'])
  })

  it('gives a note call a space after its number', () => {
    expect(wholeText('12')).toBe('12 ')
    expect(wholeText('https://a.example/1')).toBe('https://a.example/1')
  })

  it('ends a note call at the first glyph drawn after it that is not its own', () => {
    // Call «1» (the notes go up to 19), then a year «19» in the text: its 9 is not the call's.
    const source = [mark, glyph(8), '/ReversedChars BMC', glyph(7), 'EMC', glyph(8), glyph(9)].join('\n')
    expect(spanTexts(rewriteWithDigits(['1', '19'], source))).toEqual(['', '\u0001', '1 ', '1 '])
  })
})

describe('pdfiumLineDirection', () => {
  it('reads a line left to right when it has more runs of Latin letters than of Arabic ones', () => {
    expect(pdfiumLineDirection('على https://www.example.org/ar/about')).toBe('ltr')
  })

  it('reads a line right to left when its Arabic runs are at least as many', () => {
    expect(pdfiumLineDirection('يستقبل فريق المكتبة على العنوان library@example.org')).toBe('rtl')
  })
})

describe('addresses on a line PDFium reads left to right', () => {
  it('gives PDFium the address as written when the line has more Latin runs than Arabic ones', () => {
    // The address «a/b/cd» (three runs) before one Arabic word, on one line.
    const source = [
      '1 0 0 -1 0 100 Tm',
      mark,
      glyph(1),
      glyph(3),
      glyph(2),
      glyph(3),
      glyph(4),
      glyph(5),
      '/ReversedChars BMC',
      glyph(7),
      'EMC'
    ].join('\n')
    const scan = newScan(new Set(['a/b/cd']))
    const parsed = parseContent(source)!
    scanStream(scan, {page: 0, stream: 0}, parsed, () => toUnicode)
    const out = withSpans(parsed, rolesOf(scan).get(0)!, true, onLeftToRightLines(scan).get(0))
    // One span: PDFium reads poppler's, the address as written.
    expect(spanTexts(out).filter((text) => text.length > 1)).toEqual(['a/b/cd'])
  })

  it('gives PDFium the address in its reversed runs when the Arabic runs are as many', () => {
    const arabic = ['/ReversedChars BMC', glyph(7), 'EMC', glyph(6)]
    const source = ['1 0 0 -1 0 100 Tm', mark, glyph(1), glyph(3), glyph(2), ...arabic, ...arabic].join('\n')
    const scan = newScan(new Set(['a/b']))
    const parsed = parseContent(source)!
    scanStream(scan, {page: 0, stream: 0}, parsed, () => toUnicode)
    const out = withSpans(parsed, rolesOf(scan).get(0)!, true, onLeftToRightLines(scan).get(0))
    expect(spanTexts(out).filter((text) => text.length > 1)).toEqual(['a/b', 'b/a'])
  })
})
