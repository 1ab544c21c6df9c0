import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {
  markArabicIndicRanges,
  markCommasBeforeNumbers,
  markLabelNumberEnds,
  markLatinStarts,
  markNumberCommas,
  markPowerEnds,
  markTextLayer
} from '../../src/outputs/pdf/text-layer.js'

describe('markTextLayer', () => {
  it('puts a right-to-left mark after a number a space follows, and isolates ranges', () => {
    const parts = [
      h('p', 'في 19 تشرين الأول 2024، خلال الحرب (1950-1953). ومنذ'),
      h('code', 'x 1 y'),
      h('span', {dir: 'ltr'}, 'COVID 19 now')
    ]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe(
      '<p>في 19\u200F تشرين الأول 2024\u200F،\u200F خلال الحرب (<span dir="ltr">1950-1953</span>).\u200F ومنذ</p>' +
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

describe('markTextLayer on notes', () => {
  it('puts a right-to-left mark after the number that leads a note', () => {
    const parts = [h('li', [h('a', {role: 'doc-backlink'}, '12'), h('div', h('p', {dir: 'ltr'}, 'Author, Title'))])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<li><a role="doc-backlink">12\u200F</a><div><p dir="ltr">Author, Title</p></div></li>')
  })

  it('puts the mark after a note number in Arabic-Indic digits', () => {
    const parts = [h('li', [h('a', {role: 'doc-backlink'}, '١٢'), h('div', h('p', 'نص'))])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<li><a role="doc-backlink">١٢\u200F</a><div><p>نص</p></div></li>')
  })

  it('marks no note number in a left-to-right publication', () => {
    const parts = [h('li', [h('a', {role: 'doc-backlink'}, '12'), h('div', h('p', 'Text'))])]
    markTextLayer(parts, 'ltr')
    expect(toHtml(parts)).toBe('<li><a role="doc-backlink">12</a><div><p>Text</p></div></li>')
  })

  it('marks inside no other link that ends in a number (the label mark goes after it)', () => {
    const parts = [h('p', ['انظر ', h('a', {href: '#s2'}, 'القسم 2'), ' هنا'])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>انظر <a href="#s2">القسم 2</a>\u200F هنا</p>')
  })
})

describe('markArabicIndicRanges', () => {
  it('puts a right-to-left mark on each side of the dash, slash or times sign between Arabic-Indic numbers', () => {
    expect(markArabicIndicRanges({type: 'text', value: 'الربع ٢٠٢٤–٢٠٢٥ و٣×١٠⁶ و١/٢'}).value).toBe(
      'الربع ٢٠٢٤\u200F–\u200F٢٠٢٥ و٣\u200F×\u200F١٠⁶ و١\u200F/\u200F٢'
    )
  })

  it('leaves ASCII ranges to a left-to-right isolate', () => {
    const parts = [h('p', 'بين ٢٠١٩–٢٠٢٣ و1950-1953 فقط')]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>بين ٢٠١٩\u200F–\u200F٢٠٢٣\u200F و<span dir="ltr">1950-1953</span>\u200F فقط</p>')
  })

  it('counts a superscript digit as the end of a number', () => {
    const parts = [h('p', 'إلى ٣×١٠⁶ طن')]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>إلى ٣\u200F×\u200F١٠⁶\u200F طن</p>')
  })
})

describe('markLabelNumberEnds', () => {
  it('puts a right-to-left mark after the punctuation that follows a right-to-left label ending in a number', () => {
    const children = [h('span', 'جدول ١'), {type: 'text' as const, value: ': المؤشرات'}]
    expect(toHtml(markLabelNumberEnds(children))).toBe('<span>جدول ١</span>:\u200F المؤشرات')
  })

  it('reads the text after the label across the text nodes it comes in', () => {
    const children = [
      h('span', 'جدول ١'),
      {type: 'text' as const, value: ': '},
      {type: 'text' as const, value: 'المؤشرات'}
    ]
    expect(toHtml(markLabelNumberEnds(children))).toBe('<span>جدول ١</span>:\u200F المؤشرات')
  })

  it('leaves the white space between two blocks alone', () => {
    const children = [h('p', h('a', 'فهرس 1921')), {type: 'text' as const, value: '\n'}, h('p', 'ثم')]
    expect(toHtml(markLabelNumberEnds(children))).toBe('<p><a>فهرس 1921</a></p>\n<p>ثم</p>')
  })

  it('leaves the text after a Latin element or a note call alone', () => {
    const children = [
      h('span', {dir: 'ltr'}, 'no. 2'),
      {type: 'text' as const, value: ': ثم'},
      h('sup', 'ملاحظة 1'),
      {type: 'text' as const, value: ' ثم'}
    ]
    expect(toHtml(markLabelNumberEnds(children))).toBe('<span dir="ltr">no. 2</span>: ثم<sup>ملاحظة 1</sup> ثم')
  })
})

describe('markNumberCommas', () => {
  it('puts a right-to-left mark between a number and the Arabic comma after it, not before a Latin comma', () => {
    expect(markNumberCommas({type: 'text', value: 'عامي 2019 و2023، كما ١٢، و1,5'}).value).toBe(
      'عامي 2019 و2023\u200F، كما ١٢\u200F، و1,5'
    )
  })
})

describe('markPowerEnds', () => {
  it("puts a right-to-left mark after an Arabic unit's power that punctuation follows, not before a space", () => {
    expect(markPowerEnds({type: 'text', value: '(مليار م³) و20 كم² في mc²)'}).value).toBe(
      '(مليار م³\u200F) و20 كم² في mc²)'
    )
  })
})

describe('markCommasBeforeNumbers', () => {
  it('puts a right-to-left mark after an Arabic comma that a space and a number follow', () => {
    expect(markCommasBeforeNumbers({type: 'text', value: 'الأهرام، 2011، ص ١٢، ٣'}).value).toBe(
      'الأهرام،\u200F 2011، ص ١٢،\u200F ٣'
    )
  })
})

describe('markLatinStarts', () => {
  it("puts a right-to-left mark between an Arabic word's colon and the space before a left-to-right element", () => {
    const parts = [h('p', ['أطروحتها: ', h('span', {dir: 'ltr'}, '"Reform"'), ' وهي'])]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe('<p>أطروحتها:\u200F <span dir="ltr">"Reform"</span>\u200F وهي</p>')
  })

  it('puts the mark in the white space after an Arabic label in an element of its own', () => {
    const children = markLatinStarts([
      h('strong', 'المؤلف:'),
      {type: 'text', value: ' '},
      h('span', {dir: 'ltr'}, 'Catherine')
    ])
    expect(toHtml(children)).toBe('<strong>المؤلف:</strong>\u200F <span dir="ltr">Catherine</span>')
  })

  it('leaves the white space between a block and a left-to-right element alone', () => {
    const children = markLatinStarts([h('div', 'نص'), {type: 'text', value: '\n'}, h('p', {dir: 'ltr'}, 'Text')])
    expect(toHtml(children)).toBe('<div>نص</div>\n<p dir="ltr">Text</p>')
  })

  it('puts the mark before the space when a quotation mark opens the left-to-right phrase', () => {
    const children = markLatinStarts([{type: 'text', value: 'أطروحتها: "'}, h('span', {dir: 'ltr'}, 'Reform')])
    expect(toHtml(children)).toBe('أطروحتها:\u200F "<span dir="ltr">Reform</span>')
  })

  it('leaves the space after a full stop before a left-to-right element alone', () => {
    const children = markLatinStarts([{type: 'text', value: 'مفتوح الآن. '}, h('span', {dir: 'ltr'}, '{% endif %}')])
    expect(toHtml(children)).toBe('مفتوح الآن. <span dir="ltr">{% endif %}</span>')
  })

  it('leaves Latin text before a left-to-right element alone', () => {
    const children = markLatinStarts([{type: 'text', value: 'see: '}, h('code', 'x')])
    expect(toHtml(children)).toBe('see: <code>x</code>')
  })
})

describe('markTextLayer before an Arabic label', () => {
  it('puts a right-to-left mark in the white space between a Latin phrase and an Arabic label after it', () => {
    const parts = [
      h('p', [h('em', {dir: 'ltr'}, 'and Iraq'), '\n', h('strong', 'المؤلف:'), ' ', h('span', {dir: 'ltr'}, 'C')])
    ]
    markTextLayer(parts)
    expect(toHtml(parts)).toBe(
      '<p><em dir="ltr">and Iraq</em>\u200F\n<strong>المؤلف:</strong>\u200F <span dir="ltr">C</span></p>'
    )
  })
})
