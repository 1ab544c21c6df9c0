import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {hyperlinkTarget} from '../../src/import/docx/inline.js'
import {readDocx} from '../../src/import/docx/read.js'
import {toManuscript} from '../../src/import/markdown.js'
import {docxWith, documentXml} from '../helpers/docx.js'

/** The Markdown of a hand-written body. */
async function markdownOf(body: string): Promise<string> {
  const docx = await readDocx(await docxWith({'word/document.xml': documentXml(body)}), new VFile())
  return toManuscript(docx!.tree, {}).replace(/^---\n\{\}\n---\n\n/, '')
}

const run = (inner: string) => `<w:r>${inner}</w:r>`

describe('fields and symbols', () => {
  it('makes a link of a HYPERLINK field, its instruction not read as text', async () => {
    const body = `<w:p>${run('<w:t xml:space="preserve">انظر </w:t>')}${run('<w:fldChar w:fldCharType="begin"/>')}${run('<w:instrText xml:space="preserve"> HYPERLINK "https://example.org/a" \\o "tip" </w:instrText>')}${run('<w:fldChar w:fldCharType="separate"/>')}${run('<w:rPr><w:bCs/></w:rPr><w:t>الموقع</w:t>')}${run('<w:fldChar w:fldCharType="end"/>')}${run('<w:t>.</w:t>')}</w:p>`
    expect(await markdownOf(body)).toBe('انظر [**الموقع**](https://example.org/a).\n')
  })

  it('keeps the result of another field as text', async () => {
    const body = `<w:p>${run('<w:fldChar w:fldCharType="begin"/>')}${run('<w:instrText>PAGE</w:instrText>')}${run('<w:fldChar w:fldCharType="separate"/>')}${run('<w:t>7</w:t>')}${run('<w:fldChar w:fldCharType="end"/>')}</w:p>`
    expect(await markdownOf(body)).toBe('7\n')
  })

  it('reads a bookmark link of a field', () => {
    expect(hyperlinkTarget(' HYPERLINK \\l "_Toc1" ')).toBe('#_Toc1')
  })

  it('keeps a Unicode symbol and leaves out a symbol font’s private glyph', async () => {
    expect(
      await markdownOf(
        `<w:p>${run('<w:t>أ</w:t><w:sym w:font="Arial" w:char="2192"/><w:sym w:font="Symbol" w:char="F0B7"/><w:t>ب</w:t>')}</w:p>`
      )
    ).toBe('أ→ب\n')
  })
})

describe('runs', () => {
  it('keeps spaces at the edges of bold outside its marks', async () => {
    expect(
      await markdownOf(
        `<w:p>${run('<w:t>قبل</w:t>')}${run('<w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> غامق </w:t>')}${run('<w:t>بعد</w:t>')}</w:p>`
      )
    ).toBe('قبل **غامق** بعد\n')
  })

  it('takes bold switched off by w:val="0" as not bold', async () => {
    expect(
      await markdownOf(`<w:p>${run('<w:rPr><w:b w:val="0"/><w:bCs w:val="false"/></w:rPr><w:t>عادي</w:t>')}</w:p>`)
    ).toBe('عادي\n')
  })

  it('escapes Markdown typed as text', async () => {
    expect(await markdownOf(`<w:p>${run('<w:t>1. ليس قائمة و*نجمة*</w:t>')}</w:p>`)).toBe(
      '1\\. ليس قائمة و\\*نجمة\\*\n'
    )
  })
})

describe('tables', () => {
  const cell = (text: string, jc = '') =>
    `<w:tc><w:p>${jc ? `<w:pPr><w:jc w:val="${jc}"/></w:pPr>` : ''}${run(`<w:t>${text}</w:t>`)}</w:p></w:tc>`
  it('centres a GFM column whose body cells Word centres', async () => {
    const body = `<w:tbl><w:tr>${cell('البلد')}${cell('القيمة')}</w:tr><w:tr>${cell('العراق')}${cell('٥', 'center')}</w:tr><w:tr>${cell('مصر', 'right')}${cell('٧', 'center')}</w:tr></w:tbl>`
    const [, delimiter] = (await markdownOf(body)).split('\n')
    expect(delimiter).toMatch(/^\| -+ \| :-+: \|$/)
  })
})

describe('messages in notes', () => {
  it('name the note and the paragraph within it', async () => {
    const notes =
      '<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>هامش</w:t></w:r></w:p><w:p><w:ins w:id="9"><w:r><w:t>مضاف</w:t></w:r></w:ins></w:p></w:footnote></w:footnotes>'
    const relationships =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'
    const body = `<w:p>${run('<w:t>نص</w:t>')}${run('<w:footnoteReference w:id="1"/>')}</w:p>`
    const file = new VFile()
    const docx = await readDocx(
      await docxWith({
        'word/document.xml': documentXml(body),
        'word/footnotes.xml': notes,
        'word/_rels/document.xml.rels': relationships
      }),
      file
    )
    expect(toManuscript(docx!.tree, {})).toContain('نص[^1]\n\n[^1]: هامش\n\n    مضاف\n')
    expect(file.messages.map((message) => message.reason)).toEqual([
      'note 1, paragraph 2 («مضاف»): tracked changes accepted (1 insertion kept, 0 deletions dropped)'
    ])
  })
})

describe('images', () => {
  const drawing = (blip: string, descr: string) =>
    `<w:p>${run(`<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="p" descr="${descr}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip ${blip}/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`)}</w:p>`
  const relationships =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/a.png"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/b.emf"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://example.org/c.png" TargetMode="External"/></Relationships>'

  it('writes an embedded picture once however often it is used, reports EMF and linked pictures and leaves them out', async () => {
    const body = [
      drawing('r:embed="rId1"', 'خريطة'),
      drawing('r:embed="rId1"', 'مرة ثانية'),
      drawing('r:embed="rId2"', 'رسم'),
      drawing('r:link="rId3"', 'مربوطة')
    ].join('')
    const file = new VFile()
    const docx = await readDocx(
      await docxWith({
        'word/document.xml': documentXml(body),
        'word/_rels/document.xml.rels': relationships,
        'word/media/a.png': new Uint8Array([137, 80, 78, 71]),
        'word/media/b.emf': 'x'
      }),
      file
    )
    expect(toManuscript(docx!.tree, {})).toContain('![خريطة](media/image-1.png)\n\n![مرة ثانية](media/image-1.png)\n')
    expect([...docx!.media.keys()]).toEqual(['media/image-1.png'])
    expect(file.messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([
      'docx-image-format: paragraph 3: an image in EMF format (`b.emf`) was left out: no converter to PNG is available here; save it from Word as PNG and insert that',
      'docx-image-linked: paragraph 4: a linked image (`https://example.org/c.png`) is not in the file and was left out: insert the picture itself'
    ])
  })
})
