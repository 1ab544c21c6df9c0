import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {hashRecordedAssets, recordAssets, recordCollectionAssets} from '../../src/run/fingerprint.js'

function folderWithImage() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'press-fingerprint-'))
  const folder = path.join(root, 'paper')
  mkdirSync(path.join(folder, 'figures'), {recursive: true})
  writeFileSync(path.join(folder, 'figures', 'pic.png'), 'one')
  writeFileSync(path.join(root, 'secret.png'), 'outside')
  return {root, folder}
}

describe('recorded assets', () => {
  it('are recorded relative to the manuscript’s folder, reached through a link or not', async () => {
    const {root, folder} = folderWithImage()
    const linked = path.join(root, 'linked')
    symlinkSync(folder, linked)
    // The pipeline gives real paths.
    const assets = [{src: 'figures/pic.png', path: path.join(folder, 'figures', 'pic.png')}]
    expect((await recordAssets(linked, assets)).files).toEqual(['figures/pic.png'])
    expect((await recordAssets(folder, assets)).files).toEqual(['figures/pic.png'])
  })

  it('hash as they were recorded until a file changes', async () => {
    const {folder} = folderWithImage()
    const recorded = await recordAssets(folder, [
      {src: 'figures/pic.png', path: path.join(folder, 'figures', 'pic.png')}
    ])
    expect(await hashRecordedAssets(folder, recorded.files)).toBe(recorded.hash)
    writeFileSync(path.join(folder, 'figures', 'pic.png'), 'two')
    expect(await hashRecordedAssets(folder, recorded.files)).not.toBe(recorded.hash)
  })

  it('are not hashed when a record leads out of the folder', async () => {
    const {root, folder} = folderWithImage()
    expect(await hashRecordedAssets(folder, ['../secret.png'])).toBeUndefined()
    expect(await hashRecordedAssets(folder, ['figures/../../secret.png'])).toBeUndefined()
    expect(await hashRecordedAssets(folder, [path.join(root, 'secret.png')])).toBeUndefined()
    expect(await hashRecordedAssets(folder, ['.'])).toBeUndefined()
  })
})

describe('a collection’s recorded assets', () => {
  it('are its papers’ images relative to the collection’s folder, hashed as recorded until one changes', async () => {
    const {root, folder} = folderWithImage()
    const journal = path.join(root, 'journal')
    mkdirSync(journal)
    const papers = [{folder, assets: [{src: 'figures/pic.png', path: path.join(folder, 'figures', 'pic.png')}]}]
    const recorded = await recordCollectionAssets({folder: journal, papers})
    expect(recorded.files).toEqual(['../paper/figures/pic.png'])
    expect(await hashRecordedAssets(journal, recorded.files, [folder])).toBe(recorded.hash)
    writeFileSync(path.join(folder, 'figures', 'pic.png'), 'two')
    expect(await hashRecordedAssets(journal, recorded.files, [folder])).not.toBe(recorded.hash)
  })

  it('are not hashed when a record leads out of every paper’s folder', async () => {
    const {root, folder} = folderWithImage()
    const journal = path.join(root, 'journal')
    expect(await hashRecordedAssets(journal, ['../secret.png'], [folder])).toBeUndefined()
    expect(await hashRecordedAssets(journal, ['../paper/../secret.png'], [folder])).toBeUndefined()
  })
})
