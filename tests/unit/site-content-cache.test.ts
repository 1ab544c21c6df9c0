import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import type {Manuscript} from '../../src/manuscript/read.js'
import {paperContents, type PaperContent} from '../../src/site/paper-content.js'

const manuscript: Manuscript = {slug: 'paper', path: '/papers/paper/index.md', folder: '/papers/paper'}

function content(title: string): PaperContent {
  return {
    slug: 'paper',
    meta: {title, authors: ['نور'], date: '2025-01-01', lang: 'ar', numbering: 'none', digits: 'latin'},
    dir: 'rtl',
    abstractText: '',
    titlePage: h('section', title),
    text: h('div', 'نص'),
    assets: [],
    fullText: 'نص'
  } as PaperContent
}

function buildFolderWith(inputs: string | undefined): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'press-site-cache-'))
  mkdirSync(path.join(folder, '.cache'), {recursive: true})
  const records = inputs ? {'paper/index.html': {inputs, assets: []}} : {}
  writeFileSync(path.join(folder, '.cache', 'hammurabi-press.json'), JSON.stringify(records))
  return folder
}

function setRecord(folder: string, inputs: string): void {
  writeFileSync(
    path.join(folder, '.cache', 'hammurabi-press.json'),
    JSON.stringify({'paper/index.html': {inputs, assets: []}})
  )
}

describe('the site’s cache of paper contents', () => {
  it('makes a paper’s content once while the build’s record of its web edition stays the same', async () => {
    const folder = buildFolderWith('html:one')
    const made: string[] = []
    const make = async () => {
      made.push('made')
      return content('أول')
    }
    const first = await paperContents(folder, [manuscript], make)
    const second = await paperContents(folder, [manuscript], make)
    expect([made.length, first.reused, second.reused, second.contents[0]?.meta.title]).toEqual([1, 0, 1, 'أول'])
  })

  it('makes it again once the record changes', async () => {
    const folder = buildFolderWith('html:one')
    await paperContents(folder, [manuscript], async () => content('أول'))
    setRecord(folder, 'html:two')
    const again = await paperContents(folder, [manuscript], async () => content('ثان'))
    expect([again.reused, again.contents[0]?.meta.title]).toEqual([0, 'ثان'])
  })

  it('keeps nothing for a paper the build has no record of', async () => {
    const folder = buildFolderWith(undefined)
    await paperContents(folder, [manuscript], async () => content('أول'))
    const again = await paperContents(folder, [manuscript], async () => content('ثان'))
    expect([again.reused, again.contents[0]?.meta.title]).toEqual([0, 'ثان'])
  })
})
