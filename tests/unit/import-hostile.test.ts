import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readDocx} from '../../src/import/docx/read.js'
import {docxWith, documentXml} from '../helpers/docx.js'

/** Hostile Word files, made at test time (a zip bomb is not a thing to commit): each a clear error. */
async function errorsOf(bytes: Uint8Array): Promise<string[]> {
  const file = new VFile({path: 'hostile.docx'})
  const result = await readDocx(bytes, file)
  expect(result).toBeUndefined()
  return file.messages.filter((message) => message.fatal).map((message) => `${message.ruleId}: ${message.reason}`)
}

describe('hostile Word files', () => {
  it('refuses a file that is not a zip archive', async () => {
    const errors = await errorsOf(new TextEncoder().encode('<html>not a Word file</html>'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^docx-not-zip: Cannot import this file: not a Word file \(a \.docx is a zip archive\): /)
  })

  it('refuses a zip bomb by its ratio before unpacking it', async () => {
    const bytes = await docxWith({'word/document.xml': ' '.repeat(4 * 2 ** 20)})
    expect(await errorsOf(bytes)).toEqual([
      expect.stringMatching(
        /^docx-zip-bomb: Cannot import this file: `word\/document.xml` unpacks to \d+ times its packed size: a zip bomb, not a Word file$/
      )
    ])
  })

  it('refuses an archive of too many entries', async () => {
    const entries = Object.fromEntries(Array.from({length: 5001}, (_, index) => [`word/x${index}.xml`, 'x']))
    expect(await errorsOf(await docxWith(entries, 0))).toEqual([
      'docx-too-large: Cannot import this file: the archive holds 5006 entries, more than the 5000 a Word file may have'
    ])
  })

  it('refuses a 100 MB image before unpacking it', async () => {
    const bytes = await docxWith({'word/media/image1.png': new Uint8Array(100 * 2 ** 20)}, 1)
    expect(await errorsOf(bytes)).toEqual([
      'docx-too-large: Cannot import this file: `word/media/image1.png` unpacks to 100 MB, more than the 64 MB one part may have'
    ])
  })

  it('refuses a part whose DOCTYPE declares an external entity, reading nothing', async () => {
    const xml = documentXml(
      '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>',
      '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    )
    const errors = await errorsOf(await docxWith({'word/document.xml': xml}))
    expect(errors).toEqual([
      expect.stringMatching(/^docx-bad-xml: Cannot import this file: `word\/document.xml` is not well-formed XML: /)
    ])
    expect(errors.join('')).not.toContain('root:')
  })

  it('refuses a billion-laughs expansion', async () => {
    const laughs = [
      '<!ENTITY a "ha">',
      ...Array.from(
        {length: 9},
        (_, index) =>
          `<!ENTITY ${String.fromCharCode(98 + index)} "${`&${String.fromCharCode(97 + index)};`.repeat(10)}">`
      )
    ].join('')
    const xml = documentXml('<w:p><w:r><w:t>&j;</w:t></w:r></w:p>', `<!DOCTYPE w:document [${laughs}]>`)
    expect(await errorsOf(await docxWith({'word/document.xml': xml}))).toEqual([
      expect.stringMatching(/^docx-bad-xml: /)
    ])
  })

  it('refuses an archive with a path-traversal name', async () => {
    const errors = await errorsOf(await docxWith({'../../outside.xml': 'x'}))
    expect(errors).toEqual([
      "docx-unsafe-name: Cannot import this file: an entry's name leads outside the archive (invalid relative path: ../): refused, nothing is unpacked"
    ])
  })

  it('refuses a zip archive that holds no Word document', async () => {
    const bytes = await docxWith({'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="x"/>'})
    expect(await errorsOf(bytes)).toEqual([
      'docx-not-word: Cannot import this file: not a Word document: `word/document.xml` with a body is missing'
    ])
  })
})
