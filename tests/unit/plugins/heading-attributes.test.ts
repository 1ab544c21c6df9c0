import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {parseAttributes, trailingAttributeBlock} from '../../../src/pipeline/attributes.js'
import {documentOf, frontMatter, frontMatterWith} from '../../helpers/pipeline.js'

const messages = (file: {messages: unknown[]}) => file.messages.map(String)

describe('attribute blocks', () => {
  it('reads ids, classes, the unnumbered marks and pairs', () => {
    expect(parseAttributes('#intro .lead - key="two words"')).toEqual({
      ids: ['intro'],
      classes: ['lead'],
      unnumbered: true,
      pairs: ['key="two words"']
    })
    expect(parseAttributes('.unnumbered')).toMatchObject({unnumbered: true, classes: []})
  })

  it('takes brace groups of other tokens for text', () => {
    expect(parseAttributes('x')).toBeUndefined()
    expect(parseAttributes('1,2')).toBeUndefined()
    expect(parseAttributes('')).toBeUndefined()
    expect(trailingAttributeBlock('المجموعة {أ}')).toBeUndefined()
    expect(trailingAttributeBlock('العنوان {#intro}  ')).toMatchObject({start: 8, end: 16, ids: ['intro']})
  })
})

describe('heading attributes', () => {
  it('give the heading its id and leave the text, contents and bookmarks without the block', async () => {
    const {document, file} = await documentOf(
      `${frontMatterWith('numbering: ordinal')}## المدخل {#intro}\n\n## الخاتمة {#end -}\n\n## ملحق {- #annex .wide}\n\n[انظر](#intro)`
    )
    expect(messages(file)).toEqual([])
    expect(document?.headings).toEqual([
      {depth: 2, id: 'intro', text: 'المدخل', number: 'أولاً:'},
      {depth: 2, id: 'end', text: 'الخاتمة', number: undefined},
      {depth: 2, id: 'annex', text: 'ملحق', number: undefined}
    ])
    const html = toHtml(document!.body)
    expect(html).toContain('<h2 class="wide unnumbered" id="annex">ملحق</h2>')
    expect(html).toContain('<a href="#intro">انظر</a>')
  })

  it("warns of an invalid id where it is written and falls back to the text's id", async () => {
    const {document, file} = await documentOf(`${frontMatter}## المدخل {#1intro}`)
    expect(messages(file)).toEqual([
      "index.md:7:11-7:20: Heading id `1intro` is not a valid id (it must start with a letter and hold only letters, digits, `-`, `_` and `.`): an id made from the heading's text is used"
    ])
    expect(document?.headings[0]?.id).toBe('المدخل')
  })

  it('makes a second heading of the same id unique, with a warning', async () => {
    const {document, file} = await documentOf(`${frontMatter}## أول {#a}\n\n## ثان {#a}`)
    expect(messages(file)).toEqual([
      'index.md:9:1-9:12: Id `a` is used twice (first at line 7): this one is renamed `a-1`, links go to the first'
    ])
    expect(document?.headings.map((heading) => heading.id)).toEqual(['a', 'a-1'])
  })

  it('leaves a brace group that is not attributes in the heading', async () => {
    const {document} = await documentOf(`${frontMatter}## المجموعة {أ}`)
    expect(document?.headings[0]?.text).toBe('المجموعة {أ}')
  })
})
