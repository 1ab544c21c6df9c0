import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {unique, validFrom} from '../../../src/pipeline/plugins/rehype-unique-ids.js'
import {documentOf, frontMatter} from '../../helpers/pipeline.js'

describe('ids', () => {
  it('makes an invalid id valid and a taken one unique', () => {
    expect(validFrom('1x')).toBe('id-1x')
    expect(validFrom('a b')).toBe('a-b')
    expect(validFrom('مدخل')).toBe('مدخل')
    expect(unique('a', new Set(['a', 'a-1']))).toBe('a-2')
    expect(unique('b', new Set(['a']))).toBe('b')
  })

  it('renames invalid and duplicate raw HTML ids with warnings; links follow a renamed invalid id', async () => {
    const {document, file} = await documentOf(
      `${frontMatter}<div id="1x">أ</div>\n\n<p id="m">ب</p>\n\n<p id="m">ج</p>\n\n[إلى](#1x) [إلى](#m)`
    )
    expect(file.messages.map(String)).toEqual([
      'index.md:7:1-7:21: Id `1x` is not a valid id (it must start with a letter and hold no spaces): renamed `id-1x`',
      'index.md:11:1-11:16: Id `m` is used twice (first at line 9): this one is renamed `m-1`, links go to the first'
    ])
    const html = toHtml(document!.body)
    expect(html).toContain('<div id="id-1x">')
    expect(html).toContain('<p id="m-1">ج</p>')
    expect(html).toContain('<a href="#id-1x">إلى</a> <a href="#m">إلى</a>')
  })

  it("keeps the ids the pipeline made and renames the author's that collide with them", async () => {
    const {document, file} = await documentOf(`${frontMatter}<p id="fn-1">أ</p>\n\nنص[^1]\n\n[^1]: هامش`)
    expect(file.messages.map(String)).toEqual([
      'index.md:7:1-7:19: Id `fn-1` is used twice: this one is renamed `fn-1-1`, links go to the first'
    ])
    expect(document?.notes.map((note) => note.id)).toEqual(['fn-1'])
    expect(toHtml(document!.body)).toContain('<p id="fn-1-1">أ</p>')
  })
})

describe("ids of the publication's parts", () => {
  it('are taken by no heading, whether its id is written or made from its text', async () => {
    const {document, file} = await documentOf(`${frontMatter}## Text\n\n## أول {#title}`)
    expect(file.messages.map(String)).toEqual([
      'index.md:9:1-9:16: Id `title` belongs to a part of the publication the template adds: renamed `title-1`'
    ])
    expect(document?.headings.map((heading) => heading.id)).toEqual(['text-1', 'title-1'])
  })
})
