import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import type {Document} from '../../src/model/types.js'
import {manuscriptAt} from '../../src/manuscript/read.js'
import {createDocument} from '../../src/pipeline/create-document.js'

export const labels = {notes: 'الهوامش', noteBack: 'العودة'}

/** A valid front matter block, with extra lines if given, and a blank line after it. */
export function frontMatterWith(...extra: string[]): string {
  return ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31', ...extra, '---', '', ''].join('\n')
}

export const frontMatter = frontMatterWith()

/** A manuscript in a fresh folder, read into the document model: what the build does, without writing. */
export async function documentOf(
  markdown: string,
  files: Record<string, string | Uint8Array> = {}
): Promise<{document: Document | undefined; file: VFile}> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'press-test-'))
  const manuscriptPath = path.join(folder, 'index.md')
  writeFileSync(manuscriptPath, markdown)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), content)
  }
  const file = new VFile({path: 'index.md', value: markdown})
  const document = await createDocument(manuscriptAt(manuscriptPath), file, labels)
  return {document, file}
}
