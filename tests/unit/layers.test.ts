import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'

/**
 * The layers of `src/`, lowest first: a module may import from its own layer and the ones below it,
 * never from a layer above (README, "How the code is laid out").
 */
const layers: readonly (readonly string[])[] = [
  ['core', 'arabic', 'brand'],
  ['manuscript'],
  ['model'],
  ['pipeline'],
  ['parts'],
  ['outputs/shared'],
  ['outputs/html', 'outputs/pdf', 'outputs/epub'],
  ['outputs/cover'],
  ['config'],
  ['run'],
  ['import', 'preview', 'site'],
  ['cli']
]

/** Layers whose folders may not import each other: the writers stand side by side. */
const apart = new Set(['outputs/html', 'outputs/pdf', 'outputs/epub', 'import', 'preview', 'site'])

const source = path.resolve(import.meta.dirname, '../../src')

function layerOf(file: string): string {
  const parts = path.relative(source, file).split(path.sep)
  return parts[0] === 'outputs' ? `outputs/${parts[1]}` : parts[0]!
}

function rank(layer: string): number {
  return layers.findIndex((names) => names.includes(layer))
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

function localImports(file: string): string[] {
  const {importedFiles} = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  return importedFiles
    .map((reference) => reference.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name))
}

/** An import between two folders of one layer that stand apart. */
function side(file: string, target: string): boolean {
  const [from, to] = [layerOf(file), layerOf(target)]
  return from !== to && rank(from) === rank(to) && apart.has(from) && apart.has(to)
}

describe('layers of src/', () => {
  const files = sourceFiles(source)

  it('places every folder of src/ in a layer', () => {
    const unplaced = [...new Set(files.map(layerOf))].filter((layer) => rank(layer) === -1)
    expect(unplaced).toEqual([])
  })

  it('has no module importing from a layer above its own, nor from a writer beside its own', () => {
    const upward = files.flatMap((file) =>
      localImports(file)
        .filter((target) => rank(layerOf(target)) > rank(layerOf(file)) || side(file, target))
        .map((target) => `${path.relative(source, file)} → ${path.relative(source, target)}`)
    )
    expect(upward).toEqual([])
  })
})
