import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {frontMatterWith} from '../helpers/pipeline.js'
import {leftToRightBlocks} from '../helpers/latin-blocks.js'

function manuscript(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'press-latin-')), 'index.md')
  writeFileSync(file, text)
  return file
}

describe('the left-to-right blocks of a manuscript', () => {
  it('are its code blocks and its Latin-only paragraphs, headings and cells, not table captions or mixed blocks', async () => {
    const file = manuscript(
      frontMatterWith() +
        [
          'نص عربي فيه word واحدة.',
          '',
          'An English paragraph with x<sub>i</sub>.',
          '',
          '```js',
          '// تعليق',
          'f(x)',
          '```',
          '',
          '| البلد | Name |',
          '| --- | --- |',
          '| الصين | China |',
          '',
          ': Top partners',
          '',
          '- English item',
          ''
        ].join('\n')
    )
    expect(await leftToRightBlocks(file)).toEqual({
      direction: 'rtl',
      blocks: [['An', 'English', 'paragraph', 'with', 'xi'], ['تعليق', 'f(x'], ['Name'], ['China'], ['English', 'item']]
    })
  })

  it('come with the publication’s direction, from its lang', async () => {
    expect((await leftToRightBlocks(manuscript(frontMatterWith('lang: en') + 'Text.\n'))).direction).toBe('ltr')
  })
})
