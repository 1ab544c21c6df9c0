import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import JSZip from 'jszip'

/** The text of a PDF as `pdftotext` gives it (what search, copy and screen readers get), bidi marks removed. */
export function pdfText(file: string, options: {first?: number; last?: number; layout?: boolean} = {}): string {
  const range = [...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : [])]
  const text = execFileSync('pdftotext', ['-q', ...(options.layout ? ['-layout'] : []), ...range, file, '-'], {encoding: 'utf8'})
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

/** Debian's epubcheck (its /usr/bin wrapper is not executable, so the jar is run directly). */
export function epubcheck(file: string, flags: string[] = []): EpubCheckResult {
  const run = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', file, ...flags], {encoding: 'utf8'})
  const output = `${run.stdout}\n${run.stderr}`
  const lines = output.split('\n')
  return {
    errors: lines.filter((line) => /^(ERROR|FATAL)/.test(line)),
    warnings: lines.filter((line) => /^WARNING/.test(line)),
    output
  }
}

export async function epubEntries(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const entries = new Map<string, string>()
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir && /\.(xhtml|opf|ncx|css|xml)$|^mimetype$/.test(name)) entries.set(name, await entry.async('string'))
  }
  return entries
}
