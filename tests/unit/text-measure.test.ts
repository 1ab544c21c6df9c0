import {describe, expect, it} from 'vitest'
import {expectedWords, inWrittenOrder, intactShare, words, wordsRead} from '../helpers/text-measure.js'

describe('the text-layer measure', () => {
  it('splits on white space, trims punctuation from word ends and drops harakat, tatweel and bidi controls', () => {
    expect(words('«الْعِلْمُ» نُورٌ،\n\u200fكـتاب\u200e (−12%) https://a.org/x?lang=ar.')).toEqual([
      'العلم',
      'نور',
      'كتاب',
      '12',
      'https://a.org/x?lang=ar'
    ])
  })

  it('keeps an address broken into pieces with <wbr> as one word', () => {
    const html =
      '<main><p><a class="url" href="https://a.org/x"><span class="url-part">https://a.org/</span><wbr><span class="url-part">x</span></a></p></main>'
    expect(expectedWords(html)).toEqual(['https://a.org/x'])
  })

  it('counts each occurrence of an expected word once', () => {
    const result = intactShare(['نص', 'نص', 'word'], 'word نص')
    expect(result.missing).toEqual(['نص'])
    expect(result.share).toBeCloseTo(66.67, 1)
  })

  it('finds a phrase only as a contiguous run in its written order', () => {
    const text = words('قال: The treaty is historic. ثم أضاف')
    expect(inWrittenOrder(words('The treaty is historic'), text)).toBe(true)
    expect(inWrittenOrder(words('historic is treaty The'), text)).toBe(false)
    expect(inWrittenOrder(words('The is historic'), text)).toBe(false)
  })

  it('takes the abstract and the main element of a web edition, blocks apart, note calls, note numbers and the notes heading left out', () => {
    const html = [
      '<html><body><section class="page cover"><p>غلاف</p></section>',
      '<section class="abstract"><p>ملخص</p></section>',
      '<main><p>كلمة<sup><a href="#fn-1" id="fnref-1" data-footnote-ref="">1</a></sup>.</p><ul><li>one</li><li>two</li></ul>',
      '<pre><code>a = 1\nb = 2</code></pre>',
      '<section class="notes"><h2>الهوامش</h2><ol><li class="note"><a class="note-number" href="#fnref-1" role="doc-backlink">1</a><p>Note.</p></li></ol></section></main>',
      '<section class="page back-page"><p>ظهر</p></section></body></html>'
    ].join('')
    expect(expectedWords(html)).toEqual(['ملخص', 'كلمة', 'one', 'two', 'a', '1', 'b', '2', 'Note'])
  })

  const long = `https://a.example/${'x'.repeat(40)}`

  it('reads a word longer than 40 characters given back in pieces on consecutive pages as one, where its first piece stands', () => {
    expect(wordsRead(`one ${long.slice(0, 30)}\fhead ${long.slice(30)} two`, [long])).toEqual([
      'one',
      long,
      'head',
      'two'
    ])
  })

  it('leaves pieces on one page as pieces, and short words unjoined', () => {
    expect(wordsRead(`${long.slice(0, 30)} ${long.slice(30)}`, [long])).toEqual([long.slice(0, 30), long.slice(30)])
    expect(wordsRead('Pt\fα', ['Ptα'])).toEqual(['Pt', 'α'])
  })
})
