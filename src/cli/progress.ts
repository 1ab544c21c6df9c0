import type {VFile} from 'vfile'
import type {BuildEvent, BuildResult, ManuscriptResult} from '../run/build.js'

/** The files whose messages a result reports: a collection's own, then its papers'. */
export function filesOf(result: ManuscriptResult): VFile[] {
  return result.file ? [result.file, ...(result.file.data.papers ?? [])] : []
}

/** Sizes as people read them. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '–'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function formatTime(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds.toFixed(0)} ms` : `${(milliseconds / 1000).toFixed(1)} s`
}

function describe(result: ManuscriptResult): string {
  if (result.skipped) return 'up to date'
  if (!result.ok) {
    const first = result.file?.messages.find((message) => message.fatal)
    return `failed${first ? `: ${first.reason}` : ''}`
  }
  const parts = [
    result.pages === undefined ? undefined : `${result.pages} pages`,
    result.sizes.pdf === undefined ? undefined : `PDF ${formatBytes(result.sizes.pdf)}`,
    result.sizes.epub === undefined ? undefined : `EPUB ${formatBytes(result.sizes.epub)}`,
    result.sizes.html === undefined ? undefined : `HTML ${formatBytes(result.sizes.html)}`
  ].filter(Boolean)
  return `done (${[...parts, formatTime(result.milliseconds)].join(', ')})`
}

export interface Output {
  write(text: string): void
  isTTY?: boolean | undefined
  columns?: number | undefined
}

/**
 * Progress as people expect it: on a terminal, a live line per manuscript and an overall bar, redrawn in
 * place; in CI or through a pipe, one plain line per event.
 */
export function progressReporter(output: Output, live: boolean): (event: BuildEvent) => void {
  const states = new Map<string, string>()
  let order: string[] = []
  let total = 0
  let finished = 0
  let drawn = 0
  const width = Math.max(20, Math.min(output.columns ?? 80, 100))

  const draw = () => {
    const lines = order.map((slug) => `  ${slug.padEnd(28)} ${states.get(slug) ?? ''}`.slice(0, width - 1))
    const filled = total === 0 ? 0 : Math.round((finished / total) * 30)
    lines.push(`  [${'█'.repeat(filled)}${'░'.repeat(30 - filled)}] ${finished}/${total}`)
    output.write(`${drawn > 0 ? `\u001B[${drawn}F` : ''}${lines.map((line) => `${line}\u001B[K`).join('\n')}\n`)
    drawn = lines.length
  }

  return (event) => {
    if (event.type === 'planned') {
      order = [...event.collections, ...event.manuscripts].map((publication) => publication.slug)
      total = order.length
      for (const slug of order) states.set(slug, 'queued')
      if (live) draw()
      return
    }
    if (event.type === 'started') {
      states.set(event.manuscript.slug, 'rendering…')
      if (live) draw()
      return
    }
    finished++
    const text = describe(event.result)
    states.set(event.result.manuscript.slug, text)
    if (live) draw()
    else output.write(`${event.result.manuscript.slug}: ${text}\n`)
  }
}

/** The closing table: manuscript, pages, PDF size, EPUB size, time. */
export function summaryTable(result: BuildResult): string {
  const rows = result.results.map((entry) => [
    entry.manuscript.slug,
    entry.skipped ? 'up to date' : entry.ok ? 'built' : 'FAILED',
    entry.pages === undefined ? '–' : String(entry.pages),
    formatBytes(entry.sizes.pdf),
    formatBytes(entry.sizes.epub),
    formatTime(entry.milliseconds)
  ])
  const header = ['manuscript', 'result', 'pages', 'PDF', 'EPUB', 'time']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)
      )
      .join('  ')
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n')
}

/** Results for programs (`--json`). */
export function jsonResults(result: BuildResult): string {
  return JSON.stringify(
    {
      ok: result.ok,
      browserStarted: result.browserStarted,
      manuscripts: result.results.map((entry) => ({
        slug: entry.manuscript.slug,
        kind: entry.kind,
        path: entry.manuscript.path,
        ok: entry.ok,
        skipped: entry.skipped,
        outputs: entry.outputs,
        pages: entry.pages ?? null,
        sizes: entry.sizes,
        milliseconds: Math.round(entry.milliseconds),
        messages: filesOf(entry)
          .flatMap((file) => file.messages)
          .map((message) => ({
            file: message.file,
            line: message.line ?? null,
            column: message.column ?? null,
            severity: message.fatal ? 'error' : 'warning',
            rule: message.ruleId ?? null,
            message: message.reason
          }))
      }))
    },
    null,
    2
  )
}
