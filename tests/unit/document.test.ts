import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {brandSchema, loadBrand, type Brand} from '../../src/brand/brand.js'
import {projectFolder} from '../../src/run/build.js'
import {composeParts, contentsList} from '../../src/parts/pages.js'
import {documentOf, frontMatter, frontMatterWith} from '../helpers/pipeline.js'

// The smallest valid PNG: one transparent pixel.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)

describe('the document model', () => {
  it('reads `##` as sections and demotes a stray `#` with a warning', async () => {
    const {document, file} = await documentOf(`${frontMatter}# خطأ\n\n## قسم\n\n### فرع`)
    expect(file.messages.map(String)).toEqual([expect.stringMatching(/^index\.md:7:1: A level-1 heading in the body/)])
    expect(document?.headings.map((heading) => [heading.depth, heading.text])).toEqual([
      [2, 'خطأ'],
      [2, 'قسم'],
      [3, 'فرع']
    ])
  })

  it('leaves a heading marked {-} unnumbered', async () => {
    const {document} = await documentOf(`${frontMatterWith('numbering: ordinal')}## أول\n\n## الخاتمة {-}`)
    expect(document?.headings).toEqual([
      {depth: 2, id: 'أول', text: 'أول', number: 'أولاً:'},
      {depth: 2, id: 'الخاتمة', text: 'الخاتمة', number: undefined}
    ])
  })

  it('takes the notes out of the body, numbered in the order of their calls', async () => {
    const {document} = await documentOf(`${frontMatter}نص[^b] ونص[^a].\n\n[^a]: الثانية.\n[^b]: الأولى.`)
    expect(document?.notes.map((note) => [note.number, note.id, note.callId, toHtml(note.content)])).toEqual([
      [1, 'fn-b', 'fnref-b', '<p>الأولى.</p>'],
      [2, 'fn-a', 'fnref-a', '<p>الثانية.</p>']
    ])
    const body = toHtml(document!.body)
    expect(body).not.toContain('data-footnotes')
    expect(body).toContain('href="#fn-b"')
    expect(body).not.toContain('aria-describedby')
  })

  it('sanitizes raw HTML: no scripts, handlers, javascript: links or remote sources', async () => {
    const {document} = await documentOf(
      `${frontMatter}<script>alert(1)</script>\n\n<p onclick="x()">نص <a href="javascript:alert(1)">رابط</a></p>\n\n<style>@import url(http://evil.test/a.css)</style>\n\n<iframe src="http://evil.test"></iframe>`
    )
    const html = toHtml(document!.body)
    expect(html).not.toMatch(/script|onclick|javascript|iframe|evil\.test|@import/)
    expect(html).toContain('<p>نص <a>رابط</a></p>')
  })

  it('lists the images it found and refuses remote, missing or escaping ones', async () => {
    const ok = await documentOf(`${frontMatter}![شكل](chart.png)`, {'chart.png': png})
    expect(ok.file.messages).toEqual([])
    expect(ok.document?.assets.map((asset) => asset.src)).toEqual(['chart.png'])

    const bad = await documentOf(
      `${frontMatter}![بعيد](http://example.org/a.png)\n\n![غائب](missing.png)\n\n![خارج](../../etc/passwd)\n\n![نص](notes.txt)`,
      {'notes.txt': 'x'}
    )
    expect(bad.document).toBeUndefined()
    expect(bad.file.messages.map((message) => [message.fatal, message.ruleId, message.line])).toEqual([
      [true, 'image-remote', 7],
      [true, 'image-missing', 9],
      [true, 'image-outside', 11],
      [true, 'image-type', 13]
    ])
  })

  it('lists the images of the abstract with those of the body, once each', async () => {
    const {document} = await documentOf(
      `${frontMatterWith("abstract: '![شعار](logo.png) ![شكل](chart.png)'")}![شكل](chart.png)`,
      {'chart.png': png, 'logo.png': png}
    )
    expect(document?.assets.map((asset) => asset.src)).toEqual(['chart.png', 'logo.png'])
  })

  it('warns about an image without alternative text', async () => {
    const {file} = await documentOf(`${frontMatter}![](chart.png)`, {'chart.png': png})
    expect(file.messages.map((message) => [message.fatal, message.ruleId])).toEqual([[false, 'image-alt']])
  })

  it('isolates Latin runs and localizes digits, outside URLs', async () => {
    const {document} = await documentOf(
      `${frontMatterWith('digits: arabic-indic')}في 2024 قال: The treaty is historic. انظر www.example.org`
    )
    expect(toHtml(document!.body)).toBe(
      '<p>في ٢٠٢٤ قال: <span dir="ltr">The treaty is historic.</span> انظر <a href="http://www.example.org" dir="ltr" class="url"><span class="url-part">www.example</span><wbr><span class="url-part">.org</span></a></p>'
    )
  })
})

describe('contentsList', () => {
  it('nests deeper headings inside the item before them', () => {
    const list = contentsList([
      {depth: 2, id: 'a', text: 'أ', number: 'أولاً'},
      {depth: 3, id: 'b', text: 'ب'},
      {depth: 2, id: 'c', text: 'ج'}
    ])
    expect(toHtml(list)).toBe(
      '<ol><li class="toc-level-2"><a href="#a"><span class="toc-number">أولاً</span><span class="toc-text">أ</span></a>' +
        '<ol><li class="toc-level-3"><a href="#b"><span class="toc-text">ب</span></a></li></ol></li>' +
        '<li class="toc-level-2"><a href="#c"><span class="toc-text">ج</span></a></li></ol>'
    )
  })
})

describe('the keywords', () => {
  const brandOf = async (placement?: string): Promise<Brand> => {
    const brand = await loadBrand(path.join(projectFolder, 'templates', 'hammurabi'), path.join(projectFolder, 'fonts'))
    return placement
      ? {...brand, data: {...brand.data, placement: {keywordsWithoutAbstract: placement as 'title-page'}}}
      : brand
  }
  const holdsKeywords = (part: Element): boolean => {
    let found = false
    visit(part, 'element', (node: Element) => {
      if ((node.properties.className as string[] | undefined)?.includes('keywords')) found = true
    })
    return found
  }
  const partsHolding = (parts: Record<string, Element | undefined>) =>
    Object.entries(parts)
      .filter(([, part]) => part && holdsKeywords(part))
      .map(([name]) => name)

  it('follow the abstract when there is one', async () => {
    const {document} = await documentOf(frontMatterWith('abstract: ملخص.', 'keywords: [أ, ب]'))
    const parts = composeParts(document!, await brandOf())
    expect(partsHolding({...parts})).toEqual(['abstract'])
  })

  it('go under the rights notice without an abstract, by default, and make no abstract page', async () => {
    const {document} = await documentOf(frontMatterWith('keywords: [أ, ب]'))
    const parts = composeParts(document!, await brandOf())
    expect(parts.abstract).toBeUndefined()
    expect(partsHolding({...parts})).toEqual(['rightsPage'])
    expect(toHtml(parts.rightsPage)).toMatch(
      /rights-notice.*disclaimer.*<p class="keywords"><span class="keywords-label">الكلمات المفتاحية: <\/span>أ، ب<\/p>/
    )
  })

  it('go on the title page without an abstract when the template says so', async () => {
    const {document} = await documentOf(frontMatterWith('keywords: [أ, ب]'))
    const parts = composeParts(document!, await brandOf('title-page'))
    expect(partsHolding({...parts})).toEqual(['titlePage'])
  })

  it('are placed by a setting the brand schema checks, rights page by default', () => {
    const data = parseYaml(
      readFileSync(path.join(projectFolder, 'templates', 'hammurabi', 'brand.yaml'), 'utf8')
    ) as Record<string, unknown>
    expect(brandSchema.parse({...data, placement: undefined}).placement.keywordsWithoutAbstract).toBe('rights-page')
    expect(brandSchema.safeParse({...data, placement: {keywordsWithoutAbstract: 'back-page'}}).success).toBe(false)
  })
})
