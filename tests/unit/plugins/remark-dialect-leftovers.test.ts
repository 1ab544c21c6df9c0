import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {findLeftovers} from '../../../src/pipeline/plugins/remark-dialect-leftovers.js'
import {documentOf, frontMatter} from '../../helpers/pipeline.js'

describe('findLeftovers', () => {
  it('finds kramdown, Liquid and attribute blocks, and nothing in ordinary braces', () => {
    expect(
      findLeftovers('نص {: .lead} و{{ page.title }} و{% if x %}', false).map(({start, end, remove, ruleId}) => [
        start,
        end,
        remove,
        ruleId
      ])
    ).toEqual([
      [3, 12, true, 'dialect-kramdown'],
      [14, 30, false, 'dialect-liquid'],
      [32, 42, false, 'dialect-liquid']
    ])
    expect(findLeftovers('{width=50%} بعد الصورة', true)).toMatchObject([
      {start: 0, end: 11, ruleId: 'dialect-attributes'}
    ])
    expect(findLeftovers('أ {::comment}ملاحظة للمحرر{:/comment} ب', false)).toMatchObject([
      {start: 2, end: 37, remove: true}
    ])
    expect(findLeftovers('المجموعة {أ، ب} و{x}', false)).toEqual([])
    expect(findLeftovers('{width=50%} في أول السطر', false)).toEqual([])
  })
})

describe('dialect leftovers in the document', () => {
  it('removes kramdown and attribute blocks and keeps Liquid, each with a warning where it stands', async () => {
    const {document, file} = await documentOf(
      `${frontMatter}فقرة أولى.\n{: .lead}\n\n{::options parse_block_html="true" /}\n\n[رابط](https://example.org){target=_blank} ثم {{ page.title }}\n\n{.wide}`
    )
    expect(file.messages.map(String)).toEqual([
      'index.md:8:1-8:10: kramdown attribute list `{: .lead}` means nothing in a publication: removed',
      'index.md:10:1-10:38: kramdown extension `{::options parse_block_html="true" /}` means nothing in a publication: removed',
      'index.md:12:28-12:43: Attribute block `{target=_blank}` (Pandoc, markdown-it) is read on headings only: removed',
      "index.md:12:47-12:63: Liquid output `{{ page.title }}` (a site generator's template language): nothing fills it in here; kept as text",
      'index.md:14:1-14:8: Attribute block `{.wide}` (Pandoc, markdown-it) is read on headings only: removed'
    ])
    const text = toString(document!.body)
    expect(text).toBe('فقرة أولى.\nرابط ثم {{ page.title }}')
    expect(toHtml(document!.body)).toContain('<a href="https://example.org">رابط</a> ثم')
  })
})
