import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runImport, type ImportOptions} from '../../src/import/run.js'
import {docxWith} from '../helpers/docx.js'

const fixtures = path.resolve('tests/fixtures/docx')

/** `press import` in-process, its output captured. */
async function press(options: ImportOptions): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await runImport(options, {
    stdout: {write: (text: string) => (stdout += text)},
    stderr: {write: (text: string) => (stderr += text)}
  })
  return {code, stdout, stderr}
}

/** Every file under a folder, relative to it. */
function tree(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('press import', () => {
  it('writes <out>/<slug>/index.md and its images, and says what it read', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'press-import-'))
    const result = await press({files: [path.join(fixtures, 'features.docx')], out, slug: 'features'})
    expect(result.code).toBe(0)
    expect(tree(out)).toEqual(['features/index.md', 'features/media/image-1.png'])
    expect(result.stdout).toMatch(
      /^.+features\.docx → .+\/features\/index\.md: 4 headings, 3 notes, 2 tables, 1 image, 6 lists; front matter: .*title/
    )
    expect(result.stderr).toContain('docx-tracked-change')
  })

  it('writes the same bytes from the same file', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'press-import-'))
    await press({files: [path.join(fixtures, 'pandoc-seed.docx')], out, slug: 'a', quiet: true})
    await press({files: [path.join(fixtures, 'pandoc-seed.docx')], out, slug: 'b', quiet: true})
    expect(readFileSync(path.join(out, 'a/index.md'), 'utf8')).toBe(readFileSync(path.join(out, 'b/index.md'), 'utf8'))
  })

  it('leaves an existing manuscript alone without --force, and replaces it with it', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'press-import-'))
    const file = path.join(fixtures, 'pandoc-seed.docx')
    await press({files: [file], out, slug: 'seed', quiet: true})
    writeFileSync(path.join(out, 'seed/index.md'), 'edited')
    const refused = await press({files: [file], out, slug: 'seed'})
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('exists already: choose another --slug, or --force to replace it')
    expect(readFileSync(path.join(out, 'seed/index.md'), 'utf8')).toBe('edited')
    expect((await press({files: [file], out, slug: 'seed', force: true, quiet: true})).code).toBe(0)
    expect(readFileSync(path.join(out, 'seed/index.md'), 'utf8')).toContain(
      '## خلفية تاريخية للعلاقات الروسية-الكورية الشمالية'
    )
  })

  it('imports the other files when one fails, and exits with 1', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'press-import-'))
    const result = await press({
      files: [path.join(fixtures, 'missing.docx'), path.join(fixtures, 'libreoffice-seed.docx')],
      out
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Cannot read this file: it does not exist')
    expect(tree(out)).toEqual([expect.stringMatching(/^[^/]+\/index\.md$/)])
  })

  it('writes nothing for a hostile file, inside the output folder or out of it', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'press-import-'))
    const hostile = path.join(work, 'hostile.docx')
    writeFileSync(hostile, await docxWith({'../../outside.xml': 'x', 'word/media/../../../escape.png': 'x'}))
    const result = await press({files: [hostile], out: path.join(work, 'out')})
    expect(result.code).toBe(1)
    expect(tree(work)).toEqual(['hostile.docx'])
    expect(existsSync(path.join(work, '..', 'outside.xml'))).toBe(false)
  })

  it('refuses a slug that is not one folder name', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'press-import-'))
    const result = await press({files: [path.join(fixtures, 'features.docx')], out, slug: '../up'})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('`../up` cannot be a slug')
    expect(tree(out)).toEqual([])
  })

  it('prints the results as JSON with --json', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'press-import-'))
    const result = await press({files: [path.join(fixtures, 'features.docx')], out, json: true})
    const [entry] = JSON.parse(result.stdout) as {
      ok: boolean
      counts: Record<string, number>
      messages: {ruleId: string}[]
    }[]
    expect(entry!.ok).toBe(true)
    expect(entry!.counts).toMatchObject({tables: 2, images: 1, notes: 3})
    expect(entry!.messages.map((message) => message.ruleId)).toContain('docx-comment')
    expect(result.stderr).toBe('')
  })
})
