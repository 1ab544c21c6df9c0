import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {documentOf, frontMatter} from '../../helpers/pipeline.js'

const callouts = {note: 'ملاحظة', tip: 'تلميح', warning: 'تنبيه'}

async function render(markdown: string) {
  const {document, file} = await documentOf(frontMatter + markdown)
  return {html: toHtml(document!.body), text: toString(document!.body), messages: file.messages.map(String)}
}

describe('containers', () => {
  it('make boxed notes of :::note, :::tip and :::warning, titled with the one written (no labels given here)', async () => {
    const {html, messages} = await render(
      ':::tip\nنص **مهم**.\n:::\n\n:::warning[عنوان خاص]\nحذار.\n:::\n\n:::info\nمعلومة.\n:::'
    )
    expect(messages).toEqual([])
    expect(html).toBe(
      [
        '<aside class="callout callout-tip"><p>نص <strong>مهم</strong>.</p></aside>',
        '<aside class="callout callout-warning"><p class="callout-title">عنوان خاص</p><p>حذار.</p></aside>',
        '<aside class="callout callout-note"><p>معلومة.</p></aside>'
      ].join('\n')
    )
  })

  it('read the VitePress form, with a space and a title, with or without blank lines inside', async () => {
    const {html, messages} = await render(
      '::: tip عنوان مخصص\nسطر أول.\n:::\n\n::: danger\n\nفقرة.\n\nفقرة ثانية.\n\n:::'
    )
    expect(messages).toEqual([])
    expect(html).toBe(
      [
        '<aside class="callout callout-tip"><p class="callout-title">عنوان مخصص</p><p>سطر أول.</p></aside>',
        '<aside class="callout callout-warning"><p>فقرة.</p><p>فقرة ثانية.</p></aside>'
      ].join('\n')
    )
  })

  it('leave text with colons, and the other directive forms, as it was written, autolinks included', async () => {
    const {html, text, messages} = await render(
      'الساعة 10:30 و ar:true و std:vector و :name[x]{y=1} و mailto:a@b.org\n\n::leaf[نص]'
    )
    expect(messages).toEqual([])
    expect(text).toBe('الساعة 10:30 و ar:true و std:vector و :name[x]{y=1} و mailto:a@b.org\n::leaf[نص]')
    expect(html).toContain('<a href="mailto:a@b.org"')
  })

  it('keep an unknown container as text with a warning, its content still read', async () => {
    const {html, messages} = await render(':::details\n**نص**\n:::\n\n::: spoiler\nب\n:::')
    // The plain (VitePress) form is read before the generic one.
    expect(messages).toEqual([
      'index.md:11:1: Unknown container `::: spoiler` (known: note, info, tip, important, warning, caution, danger): kept as text',
      'index.md:7:1: Unknown container `:::details` (known: note, info, tip, important, warning, caution, danger): kept as text'
    ])
    expect(html).toContain('<p><strong>نص</strong></p>')
    expect(html).not.toContain('aside')
  })

  it('keep a container never closed as text, with a warning', async () => {
    const {html, messages} = await render('::: tip\nنص بلا نهاية.')
    expect(messages).toEqual(['index.md:7:1: Container `::: tip` is never closed (a line `:::` ends it): kept as text'])
    expect(html).not.toContain('aside')
  })
})

describe('container titles', () => {
  it('come from the labels when none is written', async () => {
    const {createDocument} = await import('../../../src/pipeline/create-document.js')
    const {manuscriptAt} = await import('../../../src/manuscript/read.js')
    const {VFile} = await import('vfile')
    const {mkdtempSync, writeFileSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const path = await import('node:path')
    const folder = mkdtempSync(path.join(tmpdir(), 'press-test-'))
    const markdown = frontMatter + ':::note\nأ\n:::\n\n:::caution[خاص]\nب\n:::'
    writeFileSync(path.join(folder, 'index.md'), markdown)
    const document = await createDocument(
      manuscriptAt(path.join(folder, 'index.md')),
      new VFile({path: 'index.md', value: markdown}),
      {notes: 'الهوامش', noteBack: 'العودة', callouts}
    )
    expect(toHtml(document!.body)).toBe(
      '<aside class="callout callout-note"><p class="callout-title">ملاحظة</p><p>أ</p></aside>\n<aside class="callout callout-warning"><p class="callout-title">خاص</p><p>ب</p></aside>'
    )
  })
})
