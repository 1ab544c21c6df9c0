import {readFileSync} from 'node:fs'
import type {Heading, Paragraph} from 'mdast'
import {VFile} from 'vfile'
import {beforeAll, describe, expect, it} from 'vitest'
import {readDocx, type Docx} from '../../src/import/docx/read.js'
import {cleanText} from '../../src/import/docx/text.js'
import {toManuscript} from '../../src/import/markdown.js'
import {documentOf} from '../helpers/pipeline.js'

/** tests/fixtures/docx/features.docx, made with the `docx` library by scripts/make-docx-fixtures.mjs. */
let docx: Docx
let markdown = ''
let file: VFile

beforeAll(async () => {
  file = new VFile({path: 'features.docx'})
  docx = (await readDocx(readFileSync('tests/fixtures/docx/features.docx'), file))!
  markdown = toManuscript(docx.tree, {})
})

describe('reading features.docx', () => {
  it('keeps Title and Subtitle as paragraphs that name their style', () => {
    const [title, subtitle] = docx.tree.children as Paragraph[]
    expect(title!.data?.docx).toMatchObject({paragraph: 1, style: 'Title'})
    expect(subtitle!.data?.docx?.style).toBe('Subtitle')
  })

  it('makes sections of Heading 1 and of an Arabic-named style with outline level 0, and subsections of Heading 2', () => {
    const headings = docx.tree.children.filter((node): node is Heading => node.type === 'heading')
    expect(headings.map((heading) => [heading.depth, (heading.children[0] as {value: string}).value])).toEqual([
      [2, 'المقدمة'],
      [2, 'قسم باسم عربي'],
      [3, 'فرع'],
      [2, 'الخاتمة']
    ])
  })

  it('marks the page break before the first section, and a dropped empty paragraph leaves no block', () => {
    const introduction = docx.tree.children.find((node) => node.type === 'heading')!
    expect(introduction.data?.docx?.pageBreakBefore).toBe(true)
    expect(markdown).toContain('العنوان الفرعي\n\n## المقدمة')
  })

  it('reads complex-script bold and italic, superscript, strike-through and links', () => {
    expect(markdown).toContain('**غامق معقد**')
    expect(markdown).toContain('*مائل معقد*')
    expect(markdown).toContain('م<sup>2</sup>')
    expect(markdown).toContain('~~محذوف~~')
    expect(markdown).toContain('[موقع](https://example.org/)')
  })

  it('removes direction marks, justification tatweel and soft hyphens, makes spaces plain and Persian digits Arabic-Indic', () => {
    expect(markdown).toContain('نص فيه علامات اتجاه و')
    expect(markdown).toContain('وكشيدة ومسافة صلبة وشرطة وأرقام ١٢٣ و١٢٣ و123.')
  })

  it('turns footnotes and endnotes into notes in place, with their formatting, links and paragraphs', () => {
    expect(markdown).toContain('.[^1] ثم[^2] ثم ختامي[^3]')
    expect(markdown).toContain('[^1]: هامش أول فيه **غامق** و[رابط](https://example.org/source)')
    expect(markdown).toContain('[^2]: هامش من فقرتين، الأولى.\n\n    والثانية.')
    expect(markdown).toContain('[^3]: تعليق ختامي.')
  })

  it('makes lists of Word numbering: nested, continued after a paragraph with its number, restarted, bullets', () => {
    expect(markdown).toContain(
      '1. أول\n   1. أول فرعي\n2. ثان\n\nفقرة بين القائمتين.\n\n3. ثالث يكمل\n\n- نقطة\n\n1. أول من جديد'
    )
    expect(markdown).toContain('1. ألف\n2. باء')
    expect(markdown).toContain('1) واحد\n2) اثنان')
  })

  it('accepts tracked changes and drops comments', () => {
    expect(markdown).toContain('نص مضاف ومعلق عليه.')
    expect(markdown).not.toContain('محذوف بالتتبع')
    expect(markdown).not.toContain('تعليق يحذف')
  })

  it('writes a table with merged cells as HTML holding Markdown, its caption after it without the typed label', () => {
    expect(markdown).toContain('<th colspan="2">\n\nالسنة\n\n</th>')
    expect(markdown).toContain('<td rowspan="2">\n\nالعراق\n\n</td>')
    expect(markdown).toContain('</table>\n\n: جدول بخلايا مدمجة')
  })

  it('writes a plain table as GFM, a cell’s paragraphs joined by <br>', () => {
    expect(markdown).toContain('| خلية<br>بفقرتين | ٥    |')
  })

  it('writes the image to media/ and captions it with the caption paragraph’s text', () => {
    expect(markdown).toContain('![مستطيل أخضر للتجربة](media/image-1.png)')
    expect([...docx.media.keys()]).toEqual(['media/image-1.png'])
    expect(docx.media.get('media/image-1.png')!.subarray(1, 4).toString()).toBe('PNG')
  })

  it('keeps the text of a text box after its paragraph', () => {
    expect(markdown).toContain('نص في مربع\n\n## الخاتمة')
  })

  it('counts what it read', () => {
    expect(docx.counts).toEqual({tables: 2, images: 1, notes: 3, lists: 7, headings: 4})
  })

  it('reports the tracked changes, the comment, the text box and the letters list, naming the paragraph', () => {
    expect(file.messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([
      'docx-tracked-change: paragraph 21 («نص مضاف ومعلق عليه.»): tracked changes accepted (1 insertion kept, 1 deletion dropped)',
      'docx-comment: paragraph 21 («نص مضاف ومعلق عليه.»): a comment dropped',
      'docx-text-box: paragraph 39 («نص في مربع»): the text of a text box is placed after this paragraph: check where it belongs',
      'docx-list-format: paragraph 10: a list numbered in Word with letters (arabicAbjad) is numbered with digits in Markdown'
    ])
  })

  it('gives a manuscript the pipeline reads with no error, its merged cells and notes intact', async () => {
    const {document, file: built} = await documentOf(
      toManuscript(docx.tree, {title: 'ورقة', authors: ['كاتب'], date: '2024-10-31'}),
      Object.fromEntries(docx.media)
    )
    expect(built.messages.filter((message) => message.fatal).map(String)).toEqual([])
    expect(document!.notes).toHaveLength(3)
    expect(document!.assets.map((asset) => asset.src)).toEqual(['media/image-1.png'])
  })

  it('reads the document properties', () => {
    expect(docx.core).toMatchObject({title: 'عنوان الخصائص', creator: 'قالب المركز'})
  })
})

describe('cleanText', () => {
  it('keeps a tatweel that does not stand between letters', () => {
    expect(cleanText('ـه وكتـــاب')).toBe('ـه وكتاب')
  })

  it('keeps digits as typed but Persian ones', () => {
    expect(cleanText('12 ١٢ ۴۵')).toBe('12 ١٢ ٤٥')
  })

  it('makes odd spaces plain and drops bidi controls', () => {
    expect(cleanText('a\u202Fb\u2003c\u2067d\u2069\u202Be\u202C')).toBe('a b cde')
  })
})
