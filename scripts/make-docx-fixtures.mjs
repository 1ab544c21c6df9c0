#!/usr/bin/env node
/**
 * Makes the Word files `press import` is tested on, in tests/fixtures/docx/ (committed: CI has neither
 * Pandoc nor LibreOffice). Run again after changing it: `node scripts/make-docx-fixtures.mjs`.
 *
 * - features.docx, with the `docx` library: right-to-left paragraphs, complex-script bold and italic,
 *   abjad, Arabic-Indic and nested decimal numbering with a restart, footnotes and endnotes, merged cells,
 *   an image with a description and its caption, tracked changes, a comment, a text box, direction marks,
 *   tatweel, odd spaces, Persian digits, a hyperlink, superscript and strike-through, an Arabic-named style
 *   with an outline level.
 * - pandoc-*.docx: manuscripts of the corpus through Pandoc, without its typographic quotes (`##` sections made Heading 1, as the centre's
 *   Word papers have them), when Pandoc is installed. Pandoc's metadata knows `author`, not the manuscripts'
 *   `authors`: each author is handed to it as the name, a line break, and the role, which Pandoc writes
 *   as one paragraph in its Author style. The section numbers and Arabic-Indic digits are typed into the text
 *   as the build prints them (`scripts/pandoc-as-typed.lua`), as in a Word paper.
 * - libreoffice-*.docx: one of those opened and saved again by LibreOffice, when it is installed.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
  VerticalMergeType,
  WidthType
} from 'docx'
import sharp from 'sharp'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const out = path.join(root, 'tests/fixtures/docx')
mkdirSync(out, {recursive: true})

const rtl = (text, options = {}) => new TextRun({text, rightToLeft: true, ...options})
const para = (children, options = {}) =>
  new Paragraph({bidirectional: true, children: typeof children === 'string' ? [rtl(children)] : children, ...options})
const author = {author: 'محرر', date: '2024-10-01T00:00:00Z'}

async function features() {
  const png = await sharp({create: {width: 40, height: 20, channels: 3, background: '#0a6e5a'}})
    .png()
    .toBuffer()
  const cell = (text, options = {}) => new TableCell({children: [para(text)], ...options})
  const document = new Document({
    creator: 'قالب المركز',
    title: 'عنوان الخصائص',
    styles: {
      paragraphStyles: [
        {id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: {size: 28}},
        {
          id: 'ArabicSection',
          name: 'عنوان قسم',
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: {outlineLevel: 0},
          run: {bold: true, size: 32}
        }
      ]
    },
    numbering: {
      config: [
        {
          reference: 'abjad',
          levels: [{level: 0, format: LevelFormat.ARABIC_ABJAD, text: '%1-', alignment: AlignmentType.START}]
        },
        {
          reference: 'indic',
          levels: [{level: 0, format: LevelFormat.HINDI_NUMBERS, text: '%1.', alignment: AlignmentType.START}]
        },
        {
          reference: 'decimal',
          levels: [
            {level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START},
            {level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.START}
          ]
        },
        {
          reference: 'bullets',
          levels: [{level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START}]
        }
      ]
    },
    footnotes: {
      1: {
        children: [
          para([
            rtl('هامش أول فيه '),
            rtl('غامق', {bold: true}),
            rtl(' و'),
            new ExternalHyperlink({link: 'https://example.org/source', children: [rtl('رابط')]})
          ])
        ]
      },
      2: {children: [para('هامش من فقرتين، الأولى.'), para('والثانية.')]}
    },
    endnotes: {1: {children: [para('تعليق ختامي.')]}},
    comments: {
      children: [
        {id: 0, author: 'محرر', date: new Date('2024-10-01T00:00:00Z'), initials: 'م', children: [para('تعليق يحذف')]}
      ]
    },
    sections: [
      {
        properties: {},
        children: [
          para('عنوان الورقة', {heading: HeadingLevel.TITLE}),
          para('العنوان الفرعي', {style: 'Subtitle'}),
          para(''),
          para([new PageBreak()]),
          para('المقدمة', {heading: HeadingLevel.HEADING_1}),
          para([
            rtl('نص \u200Fفيه علامات\u200E اتجاه و'),
            rtl('غامق معقد', {boldComplexScript: true}),
            rtl(' و'),
            rtl('مائل معقد', {italicsComplexScript: true}),
            rtl(' وكشيـــدة ومسافة\u00A0صلبة وشر\u00ADطة وأرقام ۱۲۳ و١٢٣ و123.')
          ]),
          para([
            rtl('م'),
            rtl('2', {superScript: true}),
            rtl(' و'),
            rtl('محذوف', {strike: true}),
            rtl(' و'),
            new ExternalHyperlink({link: 'https://example.org/', children: [rtl('موقع')]}),
            rtl('.'),
            new FootnoteReferenceRun(1),
            rtl(' ثم'),
            new FootnoteReferenceRun(2),
            rtl(' ثم ختامي'),
            new EndnoteReferenceRun(1)
          ]),
          para('قسم باسم عربي', {style: 'ArabicSection'}),
          para('فرع', {heading: HeadingLevel.HEADING_2}),
          para('ألف', {numbering: {reference: 'abjad', level: 0}}),
          para('باء', {numbering: {reference: 'abjad', level: 0}}),
          para('واحد', {numbering: {reference: 'indic', level: 0}}),
          para('اثنان', {numbering: {reference: 'indic', level: 0}}),
          para('أول', {numbering: {reference: 'decimal', level: 0}}),
          para('أول فرعي', {numbering: {reference: 'decimal', level: 1}}),
          para('ثان', {numbering: {reference: 'decimal', level: 0}}),
          para('فقرة بين القائمتين.'),
          para('ثالث يكمل', {numbering: {reference: 'decimal', level: 0}}),
          para('نقطة', {numbering: {reference: 'bullets', level: 0}}),
          para('أول من جديد', {numbering: {reference: 'decimal', level: 0, instance: 2}}),
          para([
            rtl('نص '),
            new InsertedTextRun({id: 1, ...author, text: 'مضاف', rightToLeft: true}),
            new DeletedTextRun({id: 2, ...author, text: 'محذوف بالتتبع', rightToLeft: true}),
            rtl(' و'),
            new CommentRangeStart(0),
            rtl('معلق عليه'),
            new CommentRangeEnd(0),
            new TextRun({children: [new CommentReference(0)]}),
            rtl('.')
          ]),
          para('جدول 1: جدول بخلايا مدمجة'),
          new Table({
            width: {size: 100, type: WidthType.PERCENTAGE},
            rows: [
              new TableRow({tableHeader: true, children: [cell('البلد'), cell('السنة', {columnSpan: 2})]}),
              new TableRow({
                children: [cell('العراق', {verticalMerge: VerticalMergeType.RESTART}), cell('2023'), cell('2024')]
              }),
              new TableRow({
                children: [
                  cell('', {verticalMerge: VerticalMergeType.CONTINUE}),
                  cell('١٠'),
                  new TableCell({children: [para('سطر'), para('وسطر')]})
                ]
              })
            ]
          }),
          new Table({
            rows: [
              new TableRow({children: [cell('عمود'), cell('قيمة')]}),
              new TableRow({children: [new TableCell({children: [para('خلية'), para('بفقرتين')]}), cell('٥')]})
            ]
          }),
          para([
            new ImageRun({
              type: 'png',
              data: png,
              transformation: {width: 40, height: 20},
              altText: {name: 'شعار', description: 'مستطيل أخضر', title: 'مستطيل'}
            })
          ]),
          para('شكل 1: مستطيل أخضر للتجربة'),
          new Textbox({style: {width: '2in', height: '1in'}, children: [para('نص في مربع')]}),
          para('الخاتمة', {heading: HeadingLevel.HEADING_1}),
          para('نهاية.')
        ]
      }
    ]
  })
  writeFileSync(path.join(out, 'features.docx'), await Packer.toBuffer(document))
}

function hasTool(name) {
  try {
    execFileSync(name, ['--version'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

/** Pandoc's .docx of every corpus manuscript and the seed: `##` becomes Heading 1, as in the centre's papers. */
function pandoc() {
  const corpus = path.join(root, 'tests/fixtures/corpus')
  const manuscripts = readdirSync(corpus, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => [entry.name, path.join(corpus, entry.name)])
  manuscripts.push(['seed', path.join(root, 'manuscript/russia-dprk-partnership')])
  const work = mkdtempSync(path.join(os.tmpdir(), 'press-pandoc-'))
  for (const [name, folder] of manuscripts) {
    const metadata = path.join(work, `${name}.yaml`)
    writeFileSync(metadata, stringifyYaml({author: authorsOf(readFileSync(path.join(folder, 'index.md'), 'utf8'))}))
    execFileSync(
      'pandoc',
      [
        'index.md',
        '--from',
        'markdown-smart',
        '--shift-heading-level-by=-1',
        '--metadata-file',
        metadata,
        '--lua-filter',
        path.join(root, 'scripts/pandoc-as-typed.lua'),
        '--resource-path',
        folder,
        '-o',
        path.join(out, `pandoc-${name}.docx`)
      ],
      {cwd: folder, env: {...process.env, SOURCE_DATE_EPOCH: '1730332800'}}
    )
  }
}

/** The manuscript's `authors` as Pandoc's `author`: Markdown, the role under the name after a hard line break. */
function authorsOf(markdown) {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/)
  const meta = parseYaml(lines.slice(1, lines.indexOf('---', 1)).join('\n'))
  return meta.authors.map((author) =>
    typeof author === 'string' ? author : author.role ? `${author.name}\\\n${author.role}` : author.name
  )
}

/** The seed's Pandoc file saved again by LibreOffice Writer, as most Arabic offices' tools write Word files. */
function libreoffice() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'press-lo-'))
  copyFileSync(path.join(out, 'pandoc-seed.docx'), path.join(work, 'seed.docx'))
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${work}/profile`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      path.join(work, 'out'),
      path.join(work, 'seed.docx')
    ],
    {stdio: 'ignore'}
  )
  copyFileSync(path.join(work, 'out', 'seed.docx'), path.join(out, 'libreoffice-seed.docx'))
}

await features()
if (hasTool('pandoc')) pandoc()
else console.warn('make-docx-fixtures: Pandoc is not installed; the pandoc-*.docx files are left as they are')
if (hasTool('soffice') && existsSync(path.join(out, 'pandoc-seed.docx'))) libreoffice()
else console.warn('make-docx-fixtures: LibreOffice is not installed; libreoffice-seed.docx is left as it is')
