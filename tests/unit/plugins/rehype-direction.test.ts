import type {Root} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {applyDirection} from '../../../src/arabic/direction-tree.js'
import rehypeDirection from '../../../src/pipeline/plugins/rehype-direction.js'

function run(tree: Root, options?: Parameters<typeof rehypeDirection>[0]): string {
  rehypeDirection(options)(tree)
  return toHtml(tree)
}

const noteCall = h('sup', h('a', {href: '#fn-1', id: 'fnref-1', dataFootnoteRef: true}, '1'))

describe('rehypeDirection: phrases in right-to-left text', () => {
  it('wraps a Latin sentence with its full stop', () => {
    expect(run(h(null, [h('p', 'قال The treaty is historic. ثم')]))).toBe(
      '<p>قال <span dir="ltr">The treaty is historic.</span> ثم</p>'
    )
  })

  it('wraps several runs in one text node, leaving a single word’s full stop out', () => {
    expect(run(h(null, [h('p', 'حلف NATO. ووباء COVID-19 في 2024')]))).toBe(
      '<p>حلف <span dir="ltr">NATO</span>. ووباء <span dir="ltr">COVID-19</span> في 2024</p>'
    )
  })

  it('leaves Arabic text with plain numbers, percentages and ranges as it is', () => {
    expect(run(h(null, [h('p', 'في 2024 بلغت 12% بين 1950-1953 كان')]))).toBe(
      '<p>في 2024 بلغت 12% بين 1950-1953 كان</p>'
    )
  })

  it('isolates a phrase across a link, an emphasis and punctuation as one span', () => {
    const tree = h(null, [
      h('p', [
        'انظر: Author, "Title," ',
        h('em', 'Journal'),
        ' 12, no. 3 (2019): 45–67, ',
        h('a', {href: 'https://doi.org/10.1/x'}, 'https://doi.org/10.1/x'),
        '.'
      ])
    ])
    expect(run(tree)).toBe(
      '<p>انظر: <span dir="ltr">Author, "Title," <em>Journal</em> 12, no. 3 (2019): 45–67, ' +
        '<a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a>.</span></p>'
    )
  })

  it('puts the dir on an element that is the whole phrase', () => {
    const tree = h(null, [
      h('p', ['انظر ', h('a', {href: 'https://hcrsiraq.net'}, 'www.hcrsiraq.net'), ' و ', h('em', 'Foreign Affairs')])
    ])
    expect(run(tree)).toBe(
      '<p>انظر <a href="https://hcrsiraq.net" dir="ltr">www.hcrsiraq.net</a> و <em dir="ltr">Foreign Affairs</em></p>'
    )
  })

  it('joins code and elements that already read left to right to the phrase around them', () => {
    const tree = h(null, [
      h('p', ['شغّل Install it with ', h('code', 'npm install'), ', then ', h('span', {dir: 'ltr'}, 'run'), ' it. ثم'])
    ])
    expect(run(tree)).toBe(
      '<p>شغّل <span dir="ltr">Install it with <code>npm install</code>, then <span dir="ltr">run</span> it.</span> ثم</p>'
    )
  })

  it('goes into an inline element that mixes directions, and leaves it out of the phrases around it', () => {
    const tree = h(null, [h('p', ['قال Smith ', h('a', {href: '#x'}, 'عن NATO'), ' and Jones'])])
    expect(run(tree)).toBe(
      '<p>قال <span dir="ltr">Smith</span> <a href="#x">عن <span dir="ltr">NATO</span></a> <span dir="ltr">and Jones</span></p>'
    )
  })

  it('keeps a note call inside a phrase it interrupts, and outside a phrase it ends', () => {
    expect(run(h(null, [h('p', ['قال Smith', structuredClone(noteCall), ' and Jones ثم'])]))).toBe(
      '<p>قال <span dir="ltr">Smith<sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup> and Jones</span> ثم</p>'
    )
    expect(run(h(null, [h('p', ['قال Smith', structuredClone(noteCall), ' ثم'])]))).toBe(
      '<p>قال <span dir="ltr">Smith</span><sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup> ثم</p>'
    )
  })

  it('never crosses a line break', () => {
    expect(run(h(null, [h('p', ['قال Smith', h('br'), 'Jones'])]))).toBe(
      '<p>قال <span dir="ltr">Smith</span><br><span dir="ltr">Jones</span></p>'
    )
  })

  it('wraps text directly under the root', () => {
    expect(run(h(null, ['حلف NATO']), null)).toBe('حلف <span dir="ltr">NATO</span>')
  })
})

describe('rehypeDirection: numbers in written order', () => {
  it('isolates signed numbers and percentages', () => {
    expect(run(h(null, [h('p', 'بلغ التغير −12% ثم +85% والهامش ±3 والعائد -0.5 فقط')]))).toBe(
      '<p>بلغ التغير <span dir="ltr">−12%</span> ثم <span dir="ltr">+85%</span> والهامش <span dir="ltr">±3</span>' +
        ' والعائد <span dir="ltr">-0.5</span> فقط</p>'
    )
  })

  it('isolates a letter with its superscript or subscript, a unit with its exponent, and a formula', () => {
    const tree = h(null, [
      h('p', ['التعقيد n', h('sup', '2'), ' أسوأ من x', h('sub', 'i'), ' والحجم (m³) حسب E = mc² تقريباً'])
    ])
    expect(run(tree)).toBe(
      '<p>التعقيد <span dir="ltr">n<sup>2</sup></span> أسوأ من <span dir="ltr">x<sub>i</sub></span>' +
        ' والحجم (<span dir="ltr">m³</span>) حسب <span dir="ltr">E = mc²</span> تقريباً</p>'
    )
  })

  it('isolates products and powers of ten', () => {
    expect(run(h(null, [h('p', ['نحو 3×10⁶ أو 10', h('sup', '9'), ' دولار'])]))).toBe(
      '<p>نحو <span dir="ltr">3×10⁶</span> أو <span dir="ltr">10<sup>9</sup></span> دولار</p>'
    )
  })

  it('leaves numbers to the Arabic text when its digits are Arabic-Indic, and still isolates phrases', () => {
    expect(run(h(null, [h('p', 'بلغ −12% في NATO')]), {digits: 'arabic-indic'})).toBe(
      '<p>بلغ −12% في <span dir="ltr">NATO</span></p>'
    )
  })
})

describe('rehypeDirection: blocks', () => {
  it('gives left-to-right blocks of a right-to-left publication their dir', () => {
    const tree = h(null, [
      h('p', 'An English paragraph, with a full stop.'),
      h('ul', [h('li', 'An English item'), h('li', 'بند عربي')]),
      h('table', [
        h('caption', 'Main indicators'),
        h('tr', [h('th', 'Indicator'), h('td', 'Volume (m³)'), h('td', '−12%'), h('td', 'القيمة')])
      ]),
      h('figure', [h('img', {src: 'a.png', alt: ''}), h('figcaption', 'A chart')]),
      h('dl', [h('dt', 'Term'), h('dd', 'Definition')]),
      h('h3', 'A heading in English')
    ])
    expect(run(tree)).toBe(
      '<p dir="ltr">An English paragraph, with a full stop.</p>' +
        '<ul><li dir="ltr">An English item</li><li>بند عربي</li></ul>' +
        '<table><caption dir="ltr">Main indicators</caption>' +
        '<tr><th dir="ltr">Indicator</th><td dir="ltr">Volume (m³)</td><td><span dir="ltr">−12%</span></td><td>القيمة</td></tr></table>' +
        '<figure><img src="a.png" alt=""><figcaption dir="ltr">A chart</figcaption></figure>' +
        '<dl><dt dir="ltr">Term</dt><dd dir="ltr">Definition</dd></dl>' +
        '<h3 dir="ltr">A heading in English</h3>'
    )
  })

  it('keeps mixed blocks and blocks without letters in the inherited direction', () => {
    const tree = h(null, [h('p', 'قال The treaty'), h('p', '2024 – 12%'), h('li', ['اكتب ', h('code', 'npm install')])])
    expect(run(tree)).toBe(
      '<p>قال <span dir="ltr">The treaty</span></p><p>2024 – 12%</p><li>اكتب <code dir="ltr">npm install</code></li>'
    )
  })

  it('counts code as left-to-right letters: an item that is only code reads left to right', () => {
    expect(run(h(null, [h('ul', [h('li', h('code', 'npm install'))])]))).toBe(
      '<ul><li dir="ltr"><code>npm install</code></li></ul>'
    )
  })

  it('decides a blockquote from all its content, and marks its paragraphs too', () => {
    const tree = h(null, [
      h('blockquote', [h('p', ['A quotation with ', h('strong', 'bold'), ' text.'])]),
      h('blockquote', [h('p', 'A quotation'), h('p', 'وترجمتها')])
    ])
    expect(run(tree)).toBe(
      '<blockquote dir="ltr"><p dir="ltr">A quotation with <strong>bold</strong> text.</p></blockquote>' +
        '<blockquote><p dir="ltr">A quotation</p><p>وترجمتها</p></blockquote>'
    )
  })

  it('marks the paragraphs of an English note, so that they keep their direction once taken out', () => {
    const tree = h(null, [
      h('section', {dataFootnotes: true}, [
        h('h2', 'الهوامش'),
        h('ol', [
          h('li', {id: 'fn-1'}, [
            h('p', [
              'Author, ',
              h('em', 'Title'),
              ' (2019). ',
              h('a', {dataFootnoteBackref: true, href: '#fnref-1'}, '↩')
            ])
          ])
        ])
      ])
    ])
    expect(run(tree)).toContain(
      '<li id="fn-1" dir="ltr"><p dir="ltr">Author, <em>Title</em> (2019). <a data-footnote-backref href="#fnref-1">↩</a></p></li>'
    )
  })

  it('mirrors in a left-to-right publication: Arabic blocks get dir=rtl, and no phrase is wrapped', () => {
    const tree = h(null, [h('p', 'نص عربي فقط'), h('p', 'English with عربي inside'), h('p', 'Plain English −12%')])
    expect(run(tree, {direction: 'ltr'})).toBe(
      '<p dir="rtl">نص عربي فقط</p><p>English with عربي inside</p><p>Plain English −12%</p>'
    )
  })

  it('decides inside a block from its own direction: an Arabic paragraph inside an author’s dir="ltr"', () => {
    const tree = h(null, [h('div', {dir: 'ltr'}, [h('p', 'English'), h('p', 'عربي مع NATO')])])
    expect(run(tree)).toBe('<div dir="ltr"><p dir="ltr">English</p><p>عربي مع NATO</p></div>')
  })
})

describe('rehypeDirection: what it leaves alone', () => {
  it('never changes verbatim or foreign content inside', () => {
    const tree = h(null, [
      h('pre', h('code', 'const x = "نص" // −1')),
      h('p', ['نص ', h('samp', 'Error −1'), ' و ', h('kbd', 'Enter')]),
      h('script', 'var a'),
      h('style', 'p {color: red}'),
      h('svg', [h('text', 'Label −1')]),
      h('math', [h('mi', 'x')])
    ])
    expect(run(tree)).toBe(
      '<pre><code>const x = "نص" // −1</code></pre><p>نص <samp dir="ltr">Error −1</samp> و <kbd dir="ltr">Enter</kbd></p>' +
        '<script>var a</script><style>p {color: red}</style><svg><text>Label −1</text></svg><math dir="ltr"><mi>x</mi></math>'
    )
  })

  it('respects an existing dir and never wraps twice', () => {
    const tree = h(null, [
      h('p', ['انظر ', h('span', {dir: 'auto'}, 'Some English −1'), ' و Oxford']),
      h('blockquote', {dir: 'rtl'}, [h('p', 'A quoted English paragraph')])
    ])
    rehypeDirection()(tree)
    const once = toHtml(tree)
    rehypeDirection()(tree)
    expect(toHtml(tree)).toBe(once)
    expect(once).toBe(
      '<p>انظر <span dir="auto">Some English −1</span> و <span dir="ltr">Oxford</span></p>' +
        '<blockquote dir="rtl"><p dir="ltr">A quoted English paragraph</p></blockquote>'
    )
  })

  it('isolates the phrase inside an element that also holds what is no phrase, not the element', () => {
    const tree = h(null, [
      h('li', [h('a', {href: '#x'}, [h('span.toc-text', 'A heading'), h('span.toc-leader'), h('span.toc-page')])])
    ])
    applyDirection(tree, 'rtl', {blocks: false})
    expect(toHtml(tree)).toBe(
      '<li><a href="#x"><span class="toc-text" dir="ltr">A heading</span><span class="toc-leader"></span><span class="toc-page"></span></a></li>'
    )
  })

  it('isolates phrases without deciding blocks when asked', () => {
    const tree = h(null, [h('li', [h('span', '1.2'), ' ', h('span', 'Background')])])
    applyDirection(tree, 'rtl', {blocks: false})
    expect(toHtml(tree)).toBe('<li><span>1.2</span> <span dir="ltr">Background</span></li>')
  })
})
