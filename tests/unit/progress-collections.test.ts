import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {filesOf, jsonResults, progressReporter} from '../../src/cli/progress.js'
import {fail} from '../../src/core/messages.js'
import type {ManuscriptResult} from '../../src/run/build.js'

/** A collection that failed on its second paper's error, as the build reports it. */
function failedCollection(): ManuscriptResult {
  const paper = new VFile({path: 'papers/bad.md'})
  fail(paper, '`date` must be a calendar date written YYYY-MM-DD (got "2024-02-30")', {line: 4, column: 7}, 'x')
  const file = new VFile({path: 'journal/collection.yaml'})
  fail(
    file,
    'Paper `papers/bad.md` has errors (reported at its own lines): the collection is not built',
    {line: 6, column: 5},
    'y'
  )
  file.data.papers = [new VFile({path: 'papers/good.md'}), paper]
  const journal = {slug: 'journal', path: '/w/journal/collection.yaml', folder: '/w/journal'}
  return {
    manuscript: journal,
    kind: 'collection',
    file,
    outputs: [],
    ok: false,
    skipped: false,
    sizes: {},
    milliseconds: 5
  }
}

describe('progress of a run with a collection', () => {
  it('gives the collection a line of its own with its first error', () => {
    let text = ''
    const report = progressReporter({write: (chunk) => (text += chunk)}, false)
    const result = failedCollection()
    report({type: 'planned', manuscripts: [], collections: [result.manuscript]})
    report({type: 'started', manuscript: result.manuscript, kind: 'collection'})
    report({type: 'finished', result})
    expect(text).toBe(
      'journal: failed: Paper `papers/bad.md` has errors (reported at its own lines): the collection is not built\n'
    )
  })

  it('reports the messages of the collection’s yaml, then of its papers', () => {
    const result = failedCollection()
    expect(filesOf(result).map((file) => file.path)).toEqual([
      'journal/collection.yaml',
      'papers/good.md',
      'papers/bad.md'
    ])
    const json = JSON.parse(jsonResults({results: [result], ok: false, browserStarted: false, elsewhere: 0})) as {
      manuscripts: Array<{kind: string; messages: Array<{file: string; line: number}>}>
    }
    expect(json.manuscripts[0]!.kind).toBe('collection')
    expect(json.manuscripts[0]!.messages.map((message) => [message.file, message.line])).toEqual([
      ['journal/collection.yaml', 6],
      ['papers/bad.md', 4]
    ])
  })
})
