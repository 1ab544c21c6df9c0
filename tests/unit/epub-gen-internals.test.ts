import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {EPub} from 'epub-gen-memory'
import {beforeAll, describe, expect, it} from 'vitest'
import {projectFolder} from '../../src/run/build.js'
import {
  makeReproducible,
  renderedEntries,
  withChapterData,
  withManifestId,
  withTemplateData
} from '../../src/outputs/epub/epub-gen-internals.js'
import {chapterXhtml, contentOpf, ownLanguageChapterXhtml, tocNcx, tocXhtml} from '../../src/outputs/epub/templates.js'

// What the e-book writer takes from epub-gen-memory beyond its public options, run through the real
// library as src/outputs/epub/epub.ts runs it. Each failure says what changed.
const installed = (createRequire(import.meta.url)('epub-gen-memory/package.json') as {version: string}).version
const relied = (what: string) =>
  `epub-gen-memory ${installed} no longer ${what}; src/outputs/epub/epub-gen-internals.ts relies on it`

// The smallest valid PNG: one transparent pixel.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)
const identifier = 'urn:uuid:00000000-0000-5000-8000-000000000000'

let files: Map<string, Buffer>
const text = (name: string) => files.get(name)?.toString('utf8') ?? ''

beforeAll(async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'press-epub-gen-'))
  writeFileSync(path.join(folder, 'figure.png'), png)
  const imageUrl = pathToFileURL(path.join(folder, 'figure.png')).href
  const epub = new EPub(
    withTemplateData(
      {
        title: 'كتاب',
        lang: 'ar',
        tocTitle: 'المحتويات',
        contentOPF: contentOpf('ar', 'rtl'),
        tocXHTML: tocXhtml('ar', 'rtl'),
        chapterXHTML: chapterXhtml('ar', 'rtl'),
        ignoreFailedDownloads: false,
        verbose: false
      },
      {
        metadata: '<dc:title>from-the-writer</dc:title>',
        nav: '<ol><li>nav-from-the-writer</li></ol>',
        landmarks: '<ol></ol>',
        coverUrl: imageUrl
      }
    ),
    [
      withManifestId(
        {title: 'فصل', filename: 'part.xhtml', content: `<p>نص عربي</p><img src="${imageUrl}" alt="">`},
        'part-1'
      )
    ]
  )
  makeReproducible(epub, identifier)
  await epub.render()
  files = new Map((await renderedEntries(epub)).map((entry) => [entry.name, Buffer.from(entry.data)]))
})

describe('epub-gen-memory, where the e-book writer relies on more than its public options', () => {
  it('is pinned in package.json to the exact version installed', () => {
    const pinned = (
      JSON.parse(readFileSync(path.join(projectFolder, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>
      }
    ).dependencies['epub-gen-memory']
    expect(
      pinned,
      `package.json asks for epub-gen-memory ${pinned}, ${installed} is installed: pin the version tested here`
    ).toBe(installed)
  })

  it('exposes the files it assembled as `zip.files`, the package’s files among them', () => {
    expect([...files.keys()].sort(), relied('exposes `zip.files` with the assembled package')).toEqual([
      'META-INF/container.xml',
      'OEBPS/content.opf',
      'OEBPS/images/image-1.png',
      'OEBPS/part.xhtml',
      'OEBPS/style.css',
      'OEBPS/toc.ncx',
      'OEBPS/toc.xhtml',
      'mimetype'
    ])
    expect(
      files.get('OEBPS/images/image-1.png')?.equals(png),
      relied('reads a `file:` image into the package as it is')
    ).toBe(true)
  })

  it('names a chapter’s images after their `id` in `images`, as `images/<id>.<extension>`', () => {
    expect(
      text('OEBPS/part.xhtml'),
      relied("writes an image's source as `images/<id>.<extension>` from its entry in `images`")
    ).toContain('src="images/image-1.png"')
  })

  it('writes `image-placeholder` for an empty alt, and non-ASCII text as references in `content`', () => {
    const chapter = text('OEBPS/part.xhtml')
    expect(
      chapter,
      relied('writes `alt="image-placeholder"` for an empty alt, or `content` is not the chapters\' text')
    ).toContain('alt=""')
    expect(
      chapter,
      relied("writes non-ASCII text as `&#x…;` references in `content`, or `content` is not the chapters' text")
    ).toContain('<p>نص عربي</p>')
    expect(chapter).not.toContain('&#x')
  })

  it('writes `uuid` into toc.ncx as the book’s identifier', () => {
    expect(text('OEBPS/toc.ncx'), relied('takes the identifier in toc.ncx from `uuid`')).toContain(identifier)
  })

  it("hands options it does not know, and a chapter's own `id`, to the templates", () => {
    const opf = text('OEBPS/content.opf')
    expect(opf, relied('passes options it does not know (`metadata`) to the templates')).toContain(
      '<dc:title>from-the-writer</dc:title>'
    )
    expect(text('OEBPS/toc.xhtml'), relied('passes options it does not know (`nav`) to the templates')).toContain(
      'nav-from-the-writer'
    )
    expect(opf, relied("keeps a chapter's own `id`")).toContain('<itemref idref="part-1"/>')
    expect(opf, relied('gives the templates `images` with `id`, `extension`, `mediaType` and `url`')).toContain(
      '<item id="image-1" href="images/image-1.png" media-type="image/png" properties="cover-image"/>'
    )
  })

  it('names what is missing when an EPub lacks the fields relied on', () => {
    expect(() => makeReproducible({} as EPub, identifier)).toThrow(
      /no longer has `uuid` \(a string\), `images` \(an array\), `content` .*, `zip\.files` \(an object\) on an EPub/
    )
  })
})

describe("epub-gen-memory, where a collection's e-book relies on more than its public options", () => {
  it("renders each chapter's template with the chapter's own fields, over its options of the same name", async () => {
    const epub = new EPub(
      withTemplateData(
        {
          title: 'مجموعة',
          lang: 'ar',
          contentOPF: contentOpf('ar', 'rtl'),
          tocXHTML: tocXhtml('ar', 'rtl'),
          chapterXHTML: ownLanguageChapterXhtml(),
          tocNCX: tocNcx('ar'),
          ignoreFailedDownloads: false,
          verbose: false
        },
        {metadata: '', nav: '<ol></ol>', landmarks: '<ol></ol>', coverUrl: '', navMap: '<navPoint/>', navDepth: '2'}
      ),
      [
        withChapterData(withManifestId({title: 'Paper', filename: 'english.xhtml', content: '<p>Text</p>'}, 'part-1'), {
          lang: 'en',
          dir: 'ltr'
        }),
        withChapterData(withManifestId({title: 'ورقة', filename: 'arabic.xhtml', content: '<p>نص</p>'}, 'part-2'), {
          lang: 'ar',
          dir: 'rtl'
        })
      ]
    )
    makeReproducible(epub, identifier)
    await epub.render()
    const rendered = new Map(
      (await renderedEntries(epub)).map((entry) => [entry.name, Buffer.from(entry.data).toString()])
    )
    const opening = (name: string) => rendered.get(`OEBPS/${name}`)?.split('<head>')[0]
    expect(
      opening('english.xhtml'),
      relied("renders a chapter's template with the chapter's own `lang` and `dir`")
    ).toContain('xml:lang="en" lang="en" dir="ltr"')
    expect(opening('arabic.xhtml')).toContain('xml:lang="ar" lang="ar" dir="rtl"')
    expect(rendered.get('OEBPS/toc.ncx'), relied('renders `tocNCX` with the options it does not know')).toContain(
      '<meta name="dtb:depth" content="2"/>'
    )
    expect(rendered.get('OEBPS/toc.ncx'), relied('takes the identifier in toc.ncx from `uuid`')).toContain(identifier)
  })
})
