import {describe, expect, it} from 'vitest'
import {documentOf} from '../helpers/pipeline.js'

async function messagesOf(markdown: string): Promise<string[]> {
  const {file} = await documentOf(markdown)
  return file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${String(message)}`)
}

describe('front matter', () => {
  it('accepts a complete front matter and fills in defaults', async () => {
    const {document, file} = await documentOf(
      ['---', 'title: ورقة', 'authors:', '  - name: كاتب', '    role: باحث', 'date: 2024-10-31', '---', '', 'نص.'].join(
        '\n'
      )
    )
    expect(file.messages).toEqual([])
    expect(document?.meta).toMatchObject({
      title: 'ورقة',
      lang: 'ar',
      numbering: 'none',
      digits: 'latin',
      authors: [{name: 'كاتب', role: 'باحث'}]
    })
    expect(document?.dir).toBe('rtl')
  })

  it('names the file, line and column of a missing field', async () => {
    expect(await messagesOf(['---', 'authors: [كاتب]', 'date: 2024-10-31', '---', 'نص'].join('\n'))).toEqual([
      'error index.md:1:1: Missing required field `title` in front matter'
    ])
  })

  it('rejects a date that is no date, at the value', async () => {
    expect(await messagesOf(['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-02-30', '---'].join('\n'))).toEqual([
      'error index.md:4:7: `date` must be a calendar date written YYYY-MM-DD (got "2024-02-30")'
    ])
  })

  it('rejects a wrong type, naming the item', async () => {
    expect(
      await messagesOf(['---', 'title: ورقة', 'authors:', '  - 42', 'date: 2024-10-31', '---'].join('\n'))
    ).toEqual(['error index.md:4:5: `authors[0]` must be a name or {name, role}'])
    expect(await messagesOf(['---', 'title: [a, b]', 'authors: [كاتب]', 'date: 2024-10-31', '---'].join('\n'))).toEqual(
      ['error index.md:2:8: `title` must be a string (got a list)']
    )
  })

  it('rejects a value outside its choices', async () => {
    expect(
      await messagesOf(['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31', 'digits: hindi', '---'].join('\n'))
    ).toEqual(['error index.md:5:9: `digits` must be one of `latin`, `arabic-indic` (got "hindi")'])
  })

  it('warns about an unknown key and builds all the same', async () => {
    const {document, file} = await documentOf(
      ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31', 'colour: red', '---', 'نص'].join('\n')
    )
    expect(file.messages.map(String)).toEqual([
      expect.stringMatching(/^index\.md:5:1: Unknown front matter key `colour`/)
    ])
    expect(file.messages[0]?.fatal).toBe(false)
    expect(document).toBeDefined()
  })

  it('reports YAML that does not parse', async () => {
    const messages = await messagesOf(['---', 'title: "ورقة', 'authors: [كاتب]', '---'].join('\n'))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^error index\.md:[23]:\d+: Front matter is not valid YAML: Missing closing "quote/)
  })

  it('requires front matter', async () => {
    expect(await messagesOf('# عنوان\n\nنص')).toEqual([
      'error index.md:1:1: Missing front matter: start the file with a `---` block giving at least title, authors and date'
    ])
  })

  it('accepts CRLF line endings and a byte-order mark', async () => {
    const text =
      '\uFEFF' +
      ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31', '---', '', '## قسم', '', 'نص.'].join('\r\n')
    const {document, file} = await documentOf(text)
    expect(file.messages).toEqual([])
    expect(document?.meta.title).toBe('ورقة')
    expect(document?.headings.map((heading) => heading.text)).toEqual(['قسم'])
  })

  it('turns the contents page on from four sections up, unless told', async () => {
    const sections = (n: number) => Array.from({length: n}, (_, i) => `## قسم ${i + 1}\n\nنص.`).join('\n\n')
    const head = ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31']
    expect((await documentOf([...head, '---', sections(3)].join('\n'))).document?.toc).toBe(false)
    expect((await documentOf([...head, '---', sections(4)].join('\n'))).document?.toc).toBe(true)
    expect((await documentOf([...head, 'toc: false', '---', sections(4)].join('\n'))).document?.toc).toBe(false)
  })
})
