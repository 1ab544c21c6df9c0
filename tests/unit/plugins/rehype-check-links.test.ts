import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {judge} from '../../../src/pipeline/plugins/rehype-check-links.js'
import {documentOf, frontMatter, frontMatterWith} from '../../helpers/pipeline.js'

const ids = new Set(['intro', 'المدخل'])

describe('judge', () => {
  it('keeps links to ids of the document and to web, mail and phone addresses', () => {
    for (const href of [
      '#intro',
      '#%D8%A7%D9%84%D9%85%D8%AF%D8%AE%D9%84',
      'https://example.org/a',
      'http://x.test',
      'mailto:a@b.test',
      'tel:+964'
    ]) {
      expect(judge(href, ids)).toEqual({href})
    }
  })

  it('names what is wrong with the others', () => {
    expect(judge('#nothing', ids)).toMatchObject({ruleId: 'link-missing-fragment'})
    expect(judge('/docs/x', ids)).toMatchObject({ruleId: 'link-outside'})
    expect(judge('../README.md', ids)).toMatchObject({ruleId: 'link-outside'})
    expect(judge('other.html', ids)).toMatchObject({ruleId: 'link-outside'})
    expect(judge('a b.html', ids)).toMatchObject({ruleId: 'link-malformed'})
    expect(judge('https://exa mple.org', ids)).toMatchObject({ruleId: 'link-malformed'})
    expect(judge('ftp://example.org/f', ids)).toMatchObject({ruleId: 'link-malformed'})
  })

  it('resolves relative links against a base address', () => {
    expect(judge('/docs/x', ids, 'https://example.org/papers/one/')).toEqual({href: 'https://example.org/docs/x'})
    expect(judge('../README.md', ids, 'https://example.org/papers/one/')).toEqual({
      href: 'https://example.org/papers/README.md'
    })
    expect(judge('#nothing', ids, 'https://example.org/')).toMatchObject({ruleId: 'link-missing-fragment'})
  })
})

describe('link checks in the document', () => {
  it('unlinks broken links, keeping their text, with a warning where each stands', async () => {
    const {document, file} = await documentOf(
      `${frontMatter}## المدخل\n\n[أ](#المدخل) [ب](#nothing) [ج](/docs/x) [^1]\n\n[^1]: [د](#fnref-1) [هـ](../README.md)`
    )
    expect(file.messages.map(String)).toEqual([
      'index.md:9:14-9:27: Link to `#nothing`: no heading or anchor of the document has this id; printed as plain text',
      'index.md:9:28-9:40: Link to `/docs/x`: it is not part of the publication (give the manuscript a `baseUrl` to link to the web page it means); printed as plain text',
      'index.md:11:21-11:39: Link to `../README.md`: it is not part of the publication (give the manuscript a `baseUrl` to link to the web page it means); printed as plain text'
    ])
    const html = toHtml(document!.body)
    expect(html).toContain('<a href="#%D8%A7%D9%84%D9%85%D8%AF%D8%AE%D9%84">أ</a> ب ج')
    expect(toHtml(document!.notes[0]!.content)).toBe('<p><a href="#fnref-1">د</a> هـ</p>')
  })

  // The abstract's places are counted in the abstract's own text, as for every message about it.
  it("lets the abstract link to the body's headings", async () => {
    const {document, file} = await documentOf(
      `${frontMatterWith('abstract: انظر [الخاتمة](#end) و[غيرها](#none)')}## الخاتمة {#end}`
    )
    expect(file.messages.map(String)).toEqual([
      'index.md:1:23-1:37: Link to `#none`: no heading or anchor of the document has this id; printed as plain text'
    ])
    expect(toHtml(document!.abstract!)).toBe('<p>انظر <a href="#end">الخاتمة</a> وغيرها</p>')
  })

  it("turns relative links into addresses under the front matter's baseUrl", async () => {
    const {document, file} = await documentOf(
      `${frontMatterWith('baseUrl: https://example.org/papers/')}[دليل](guide/intro.html)`
    )
    expect(file.messages).toEqual([])
    expect(toHtml(document!.body)).toContain('<a href="https://example.org/papers/guide/intro.html">دليل</a>')
  })

  it('refuses a baseUrl that is not an absolute web address', async () => {
    const {document, file} = await documentOf(`${frontMatterWith('baseUrl: docs/')}نص`)
    expect(document).toBeUndefined()
    expect(file.messages.map(String)).toEqual([
      'index.md:5:10: `baseUrl` must be an absolute http(s) address, such as https://example.org/docs/ (got "docs/")'
    ])
  })
})
