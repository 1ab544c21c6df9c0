import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildCommandSchema, commandFields, watchSchema} from '../../src/config/options.js'
import {projectFolder} from '../../src/config/project.js'

/** The compiled command (`npm test` compiles first), run as people run it: no browser is needed here. */
function press(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(projectFolder, 'lib', 'cli', 'press.js'), ...args], {
    cwd: projectFolder,
    encoding: 'utf8'
  })
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

describe('press', () => {
  it('prints the version of package.json with --version', () => {
    const {version} = JSON.parse(readFileSync(path.join(projectFolder, 'package.json'), 'utf8')) as {version: string}
    expect(press('--version')).toEqual({status: 0, stdout: `${version}\n`, stderr: ''})
  })

  it('lists its commands with --help', () => {
    const run = press('--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Usage: press \[options\] \[command\]/)
    expect(run.stdout).toMatch(/^ {2}build \[options\] \[PATH\.\.\.\] /m)
    expect(run.stdout).toMatch(/^ {2}watch \[options\] \[PATH\.\.\.\] /m)
  })

  it('shows its help on stderr and exits 2 without a command', () => {
    const run = press()
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Usage: press [options] [command]')
  })

  it.each([
    ['build', buildCommandSchema],
    ['watch', watchSchema]
  ])('lists every option of the schema with %s --help', (command, schema) => {
    const run = press(command, '--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`Usage: press ${command} [options] [PATH...]`)
    for (const field of commandFields(schema)) {
      if (field.meta.kind === 'option')
        expect(run.stdout).toContain(`  ${field.meta.name}${field.meta.value ? ` <${field.meta.value}>` : ''} `)
    }
  })

  it('refuses an unknown option with exit 2 and suggests the nearest', () => {
    const run = press('build', '--jbos', '2')
    expect(run.status).toBe(2)
    expect(run.stderr).toBe(
      "press: unknown option '--jbos'\n(Did you mean --jobs?)\n(press build --help lists its options)\n"
    )
  })

  it('refuses an unknown command with exit 2 and suggests the nearest', () => {
    const run = press('biuld')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain("press: unknown command 'biuld'\n(Did you mean build?)")
  })

  it.each([
    [['build', '--jobs', '0'], 'press: --jobs takes a whole number from 1 to 16 (got `0`)'],
    [['build', '--timeout', 'x'], 'press: --timeout takes a number of seconds above 0, at most 3600 (got `x`)'],
    [['build', '--format', 'pdf,doc'], 'press: --format takes any of pdf, epub, html, comma-separated (got `pdf,doc`)'],
    [['build', '--shard', '5/4'], 'press: --shard takes K/N, two whole numbers with 1 ≤ K ≤ N (got `5/4`)'],
    [['watch', '--port', 'http'], 'press: --port takes a whole number from 0 to 65535 (got `http`)']
  ])('refuses %j with exit 2, naming the option and what it takes', (args, message) => {
    expect(press(...args)).toEqual({status: 2, stdout: '', stderr: `${message}\n`})
  })
})
