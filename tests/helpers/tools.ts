import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import {projectFolder} from '../../src/run/build.js'

/** The text of a PDF as `pdftotext` gives it (what search, copy and screen readers get), bidi marks removed. */
export function pdfText(file: string, options: {first?: number; last?: number; layout?: boolean} = {}): string {
  const range = [
    ...(options.first ? ['-f', String(options.first)] : []),
    ...(options.last ? ['-l', String(options.last)] : [])
  ]
  const text = execFileSync('pdftotext', ['-q', ...(options.layout ? ['-layout'] : []), ...range, file, '-'], {
    encoding: 'utf8'
  })
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
}

/** Text as compared by the text-layer measure: no harakat or tatweel (extractors move tanween), one space. */
export function plainArabic(text: string): string {
  return text.replace(/[\u064b-\u065f\u0670\u0640]/g, '').replace(/\s+/g, ' ')
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], {encoding: 'utf8'})
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
}

export interface PdfFont {
  name: string
  embedded: boolean
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], {encoding: 'utf8'}).trim().split('\n').slice(2)
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/)
    // name type... encoding emb sub uni object ID
    return {name: columns[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: columns.at(-5) === 'yes'}
  })
}

export interface EpubCheckResult {
  errors: string[]
  warnings: string[]
  output: string
}

export interface ToolOptions {
  /** The program to run (a stand-in in the helpers' own tests). */
  command?: string
  /** The tool's own file: epubcheck's jar, or Ace's command-line script. */
  path?: string
}

/**
 * Debian's epubcheck (its /usr/bin wrapper is not executable, so the jar is run directly; `EPUBCHECK_JAR`
 * names another). Throws when it cannot run or did not finish, and when its exit status, its messages and
 * its own count of them disagree: a check that did not run, or whose messages were not understood, must
 * not pass.
 */
export function epubcheck(file: string, flags: string[] = [], options: ToolOptions = {}): EpubCheckResult {
  const command = options.command ?? 'java'
  const jar = options.path ?? process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar'
  const run = spawnSync(command, ['-jar', jar, file, ...flags], {encoding: 'utf8'})
  if (run.error) throw new Error(`epubcheck could not run (${command} -jar ${jar}): ${run.error.message}`)
  const output = `${run.stdout}\n${run.stderr}`
  const lines = output.split('\n')
  const errors = lines.filter((line) => /^(ERROR|FATAL)/.test(line))
  const warnings = lines.filter((line) => /^WARNING/.test(line))
  const summary = /^Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/m.exec(output)
  if (!summary)
    throw new Error(`epubcheck did not finish (${command} -jar ${jar}, exit status ${run.status}):\n${output}`)
  if ((run.status !== 0) !== errors.length > 0) {
    throw new Error(
      `epubcheck's exit status (${run.status}) disagrees with its messages (${errors.length} errors):\n${output}`
    )
  }
  if (Number(summary[1]) + Number(summary[2]) !== errors.length || Number(summary[3]) !== warnings.length) {
    throw new Error(
      `epubcheck counts ${summary[0]}, but ${errors.length} error and ${warnings.length} warning lines were read:\n${output}`
    )
  }
  return {errors, warnings, output}
}

export interface AceResult {
  /** The titles of the rules violated. */
  violations: string[]
  outcome: string
}

/**
 * DAISY Ace on an e-book, with the project's Chromium. Ace is asked to exit with 2 when the book fails;
 * throws when it cannot run or wrote no report, and when its exit status and its report disagree.
 */
export function ace(epub: string, browser: string, options: ToolOptions = {}): AceResult {
  const command = options.command ?? process.execPath
  const cli =
    options.path ??
    process.env.ACE_CLI ??
    path.join(projectFolder, 'node_modules', '@daisy', 'ace-cli', 'bin', 'ace.js')
  const reports = mkdtempSync(path.join(os.tmpdir(), 'press-ace-'))
  const run = spawnSync(command, [cli, '--silent', '--force', '--exiterror2', '--outdir', reports, epub], {
    encoding: 'utf8',
    env: {...process.env, PUPPETEER_EXECUTABLE_PATH: browser},
    timeout: 280_000
  })
  if (run.error) throw new Error(`Ace could not run (${command} ${cli}): ${run.error.message}`)
  const output = `${run.stdout}\n${run.stderr}`
  if (run.status !== 0 && run.status !== 2)
    throw new Error(`Ace failed (${command} ${cli}, exit status ${run.status ?? run.signal}):\n${output}`)
  const reportFile = path.join(reports, 'report.json')
  if (!existsSync(reportFile)) throw new Error(`Ace wrote no report (exit status ${run.status}):\n${output}`)
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    'earl:result': {'earl:outcome': string}
    assertions: Array<{assertions?: Array<{'earl:test': {'dct:title': string}}>}>
  }
  const violations = report.assertions
    .flatMap((assertion) => assertion.assertions ?? [])
    .map((violation) => violation['earl:test']['dct:title'])
  const outcome = report['earl:result']['earl:outcome']
  if ((run.status === 2) !== (outcome === 'fail') || (outcome === 'pass') !== (violations.length === 0)) {
    throw new Error(
      `Ace's exit status (${run.status}), outcome (${outcome}) and ${violations.length} violations disagree:\n${output}`
    )
  }
  return {violations, outcome}
}

export async function epubEntries(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const entries = new Map<string, string>()
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir && /\.(xhtml|opf|ncx|css|xml)$|^mimetype$/.test(name)) entries.set(name, await entry.async('string'))
  }
  return entries
}
