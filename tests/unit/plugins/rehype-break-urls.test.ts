import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import rehypeBreakUrls, {addressKind, urlPieces} from '../../../src/pipeline/plugins/rehype-break-urls.js'
import {documentOf, frontMatter} from '../../helpers/pipeline.js'

const texts = (text: string, kind: 'url' | 'email') => urlPieces(text, kind).map((piece) => piece.text)

describe('addressKind', () => {
  it('knows URLs with a scheme and a host, and www. addresses', () => {
    expect(addressKind('https://example.org/a?b=c')).toBe('url')
    expect(addressKind('ftp://files.example.org')).toBe('url')
    expect(addressKind('www.example.org/path')).toBe('url')
  })

  it('knows e-mail addresses, with or without mailto:', () => {
    expect(addressKind('name@example.edu.iq')).toBe('email')
    expect(addressKind('mailto:name@example.edu.iq')).toBe('email')
  })

  it('takes nothing else for an address', () => {
    expect(addressKind('ورقة')).toBeUndefined()
    expect(addressKind('a:b')).toBeUndefined()
    expect(addressKind('http:example.org')).toBeUndefined()
    expect(addressKind('https://example.org and more')).toBeUndefined()
    expect(addressKind('@handle')).toBeUndefined()
    expect(addressKind('a@b')).toBeUndefined()
    expect(addressKind('javascript:alert(1)')).toBeUndefined()
  })
})

describe('urlPieces', () => {
  it('cuts after slashes (not inside //) and before ? & = #', () => {
    expect(texts('https://example.org/a/b?x=1&y=2#top', 'url')).toEqual([
      'https://',
      'example.org/',
      'a/',
      'b',
      '?x',
      '=1',
      '&y',
      '=2',
      '#top'
    ])
  })

  it('cuts a piece longer than a dozen characters before dots and hyphens, joining bits up to that length', () => {
    expect(texts('https://www.example-research.org/', 'url')).toEqual(['https://', 'www.example', '-research', '.org/'])
  })

  it('cuts an e-mail address before its @, and a long part before dots and hyphens', () => {
    expect(texts('researcher.name@example-university.edu.iq', 'email')).toEqual([
      'researcher',
      '.name',
      '@example',
      '-university',
      '.edu.iq'
    ])
  })

  it('keeps every piece whole but one longer than any line', () => {
    const long = 'a'.repeat(40)
    const pieces = urlPieces(`https://example.org/${long}/b`, 'url')
    expect(pieces.filter((piece) => !piece.whole).map((piece) => piece.text)).toEqual([`${long}/`])
  })

  it('gives the address back whole when its pieces are joined', () => {
    const url =
      'https://www.example-research.org/reports/long-path-with-many-hyphens/2024/report?lang=ar&download=true#section-2'
    expect(texts(url, 'url').join('')).toBe(url)
  })
})

describe('rehypeBreakUrls', () => {
  it('makes a link whose text is a URL a left-to-right address, its pieces in spans with <wbr> between', () => {
    const tree = h(null, [h('p', ['انظر ', h('a', {href: 'https://example.org/a-b/c'}, 'https://example.org/a-b/c')])])
    rehypeBreakUrls()(tree)
    expect(toHtml(tree)).toBe(
      '<p>انظر <a href="https://example.org/a-b/c" dir="ltr" class="url"><span class="url-part">https://</span><wbr><span class="url-part">example.org/</span><wbr><span class="url-part">a-b/</span><wbr><span class="url-part">c</span></a></p>'
    )
  })

  it('leaves a link with words for text as it is', () => {
    const tree = h(null, [h('p', [h('a', {href: 'https://example.org/'}, 'الموقع')])])
    rehypeBreakUrls()(tree)
    expect(toHtml(tree)).toBe('<p><a href="https://example.org/">الموقع</a></p>')
  })

  it('makes a URL written in plain text an address span, leaving the full stop after it outside', () => {
    const tree = h(null, [h('p', 'انظر https://example.org/a. ثم')])
    rehypeBreakUrls()(tree)
    expect(toHtml(tree)).toBe(
      '<p>انظر <span class="url" dir="ltr"><span class="url-part">https://</span><wbr><span class="url-part">example.org/</span><wbr><span class="url-part">a</span></span>. ثم</p>'
    )
  })

  it('keeps a closing parenthesis that pairs with one inside the URL', () => {
    const paragraph = h('p', '(انظر https://example.org/Babylon_(city))')
    rehypeBreakUrls()(h(null, [paragraph]))
    expect(paragraph.children.map((child) => toString(child))).toEqual([
      '(انظر ',
      'https://example.org/Babylon_(city)',
      ')'
    ])
  })

  it('makes an address written in capitals, WWW. or HTTPS:, an address span', () => {
    const paragraph = h('p', 'انظر WWW.EXAMPLE.ORG/A و HTTPS://EXAMPLE.ORG/B')
    rehypeBreakUrls()(h(null, [paragraph]))
    expect(paragraph.children.map((child) => toString(child))).toEqual([
      'انظر ',
      'WWW.EXAMPLE.ORG/A',
      ' و ',
      'HTTPS://EXAMPLE.ORG/B'
    ])
  })

  it('does not touch code', () => {
    const tree = h(null, [h('p', [h('code', 'https://example.org/a')]), h('pre', h('code', 'https://example.org/a'))])
    const before = toHtml(tree)
    rehypeBreakUrls()(tree)
    expect(toHtml(tree)).toBe(before)
  })
})

describe('addresses through the pipeline', () => {
  it('breaks a GFM autolink and an e-mail autolink, and localized digits leave them alone', async () => {
    const {document} = await documentOf(
      `---\ntitle: ورقة\nauthors: [كاتب]\ndate: 2024-10-31\ndigits: arabic-indic\n---\n\nفي 2024 انظر https://example.org/2024/a أو name@example.org\n`
    )
    const html = toHtml(document!.body)
    expect(html).toContain(
      '<a href="https://example.org/2024/a" dir="ltr" class="url"><span class="url-part">https://</span><wbr><span class="url-part">example.org/</span><wbr><span class="url-part">2024/</span><wbr><span class="url-part">a</span></a>'
    )
    expect(html).toContain(
      '<a href="mailto:name@example.org" dir="ltr" class="url"><span class="url-part">name</span><wbr><span class="url-part">@example.org</span></a>'
    )
    expect(html).toContain('في ٢٠٢٤')
  })

  it('leaves a manuscript with no address as it was', async () => {
    const {document} = await documentOf(`${frontMatter}نص بلا عناوين.\n`)
    expect(toHtml(document!.body)).not.toContain('url')
  })
})
