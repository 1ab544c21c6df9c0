import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ace, epubcheck} from '../helpers/tools.js'

/**
 * The helpers that run the e-book checkers must fail when the checker did not really check: a missing
 * tool, or an answer they cannot read, is not a pass.
 */

const folder = mkdtempSync(path.join(os.tmpdir(), 'press-tools-'))

/** A stand-in for java or node: prints `output` and exits with `status`, whatever it is asked. */
function fakeCommand(name: string, output: string[], status: number): string {
  const file = path.join(folder, name)
  writeFileSync(file, `#!/bin/sh\n${output.map((line) => `echo '${line}'`).join('\n')}\nexit ${status}\n`)
  chmodSync(file, 0o755)
  return file
}

const summary = (errors: number, warnings: number) =>
  `Messages: 0 fatals / ${errors} errors / ${warnings} warnings / 0 infos`

describe('the epubcheck helper', () => {
  it('throws when the jar is missing', () => {
    expect(() => epubcheck('book.epub', [], {path: path.join(folder, 'no-such-epubcheck.jar')})).toThrow(
      /epubcheck did not finish|epubcheck could not run/
    )
  })

  it('throws when java is missing', () => {
    expect(() => epubcheck('book.epub', [], {command: path.join(folder, 'no-such-java')})).toThrow(
      /epubcheck could not run .*ENOENT/
    )
  })

  it('throws on a pass with errors, and on a failure without any', () => {
    const passWithErrors = fakeCommand(
      'pass-with-errors',
      ['ERROR(RSC-005): book.epub/a.xhtml(1,1): bad', summary(1, 0)],
      0
    )
    expect(() => epubcheck('book.epub', [], {command: passWithErrors})).toThrow(/exit status \(0\) disagrees/)
    const silentFailure = fakeCommand('silent-failure', [summary(0, 0)], 1)
    expect(() => epubcheck('book.epub', [], {command: silentFailure})).toThrow(/exit status \(1\) disagrees/)
  })

  it('throws when the messages it read are not those epubcheck counted', () => {
    const unreadWarning = fakeCommand('unread-warning', ['Warning (a new format): something', summary(0, 1)], 0)
    expect(() => epubcheck('book.epub', [], {command: unreadWarning})).toThrow(/0 warning lines were read/)
  })

  it('reads errors and warnings when all agree', () => {
    const failing = fakeCommand('failing', ['ERROR(RSC-005): bad', 'WARNING(CSS-017): odd', summary(1, 1)], 1)
    const result = epubcheck('book.epub', [], {command: failing})
    expect([result.errors, result.warnings]).toEqual([['ERROR(RSC-005): bad'], ['WARNING(CSS-017): odd']])
  })
})

describe('the Ace helper', () => {
  it('throws when Ace is missing', () => {
    expect(() => ace('book.epub', '/usr/bin/true', {path: path.join(folder, 'no-such-ace.js')})).toThrow(
      /Ace failed .*exit status 1/
    )
  })

  it('throws when it writes no report', () => {
    expect(() => ace('book.epub', '/usr/bin/true', {command: fakeCommand('no-report', ['done'], 0)})).toThrow(
      /Ace wrote no report/
    )
  })
})
