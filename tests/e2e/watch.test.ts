import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import type {Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {watch, type Preview, type WatchEvent} from '../../src/preview/server.js'

const folder = mkdtempSync(path.join(os.tmpdir(), 'press-watch-'))
const manuscript = path.join(folder, 'paper', 'index.md')
const text = (body: string, date = '2024-10-31') =>
  ['---', 'title: ورقة المعاينة', 'authors: [كاتب]', `date: ${date}`, '---', '', body, ''].join('\n')
const events: WatchEvent[] = []
let preview: Preview
let browser: Browser

beforeAll(async () => {
  mkdirSync(path.dirname(manuscript))
  writeFileSync(manuscript, text('النص الأول.'))
  preview = await watch({
    paths: [folder],
    port: 0,
    cwd: folder,
    out: path.join(folder, 'dist'),
    debounce: 100,
    onEvent: (event) => events.push(event)
  })
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await preview?.close()
})

describe('press watch', () => {
  it('lists the manuscripts and follows every save, error included', async () => {
    const page = await browser.newPage()
    await page.goto(preview.url)
    expect(await page.$eval('body', (body) => body.innerText)).toContain('ورقة المعاينة')

    await page.goto(`${preview.url}paper/`)
    expect(await page.$eval('main', (main) => main.innerText)).toContain('النص الأول.')

    // A save: the open page reloads itself with the new text.
    writeFileSync(manuscript, text('النص بعد التعديل.'))
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('النص بعد التعديل.'), {
      timeout: 20_000
    })

    // A broken save: the page shows the error, with file, line and message, instead of a stale view.
    writeFileSync(manuscript, text('نص.', '2024-02-30'))
    await page.waitForFunction(() => document.querySelector('[role="alert"]') !== null, {timeout: 20_000})
    const alert = await page.$eval('[role="alert"]', (element) => element.textContent ?? '')
    expect(alert).toContain('paper/index.md:4:7')
    expect(alert).toContain('`date` must be a calendar date')

    // And recovers on the next good save.
    writeFileSync(manuscript, text('النص بعد الإصلاح.'))
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('النص بعد الإصلاح.'), {
      timeout: 20_000
    })
    await page.close()
  }, 120_000)

  it('answers a reloading page\'s request for a font unchanged by a save with "not modified"', async () => {
    const first = await fetch(`${preview.url}paper/fonts/NotoNaskhArabic-Regular.ttf`)
    const tag = first.headers.get('etag')
    expect(first.status).toBe(200)
    expect(tag).toBeTruthy()
    const before = events.length
    writeFileSync(manuscript, text('نص لا يغير الخطوط.'))
    await until(() => events.slice(before).some((event) => event.type === 'updated' && event.ok))
    const again = await fetch(`${preview.url}paper/fonts/NotoNaskhArabic-Regular.ttf`, {
      headers: {'if-none-match': tag!}
    })
    expect(again.status).toBe(304)
  })

  it('reloads a page that was still loading when a save came', async () => {
    // The page's connection for the reload signal is held back until the server has shown a save: the
    // signal is sent before the page listens, as on a slow machine, and the page must still catch up.
    const page = await browser.newPage()
    await page.setRequestInterception(true)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    page.on('request', (request) => {
      if (request.url().includes('/__press/events')) void held.then(() => request.continue())
      else void request.continue()
    })
    const before = events.length
    writeFileSync(manuscript, text('نص قبل الحفظ السريع.'))
    await until(() => events.slice(before).some((event) => event.type === 'updated' && event.ok))
    await page.goto(`${preview.url}paper/`, {waitUntil: 'domcontentloaded'})
    expect(await page.$eval('main', (main) => main.innerText)).toContain('نص قبل الحفظ السريع.')

    const seen = events.length
    writeFileSync(manuscript, text('نص الحفظ السريع.'))
    await until(() => events.slice(seen).some((event) => event.type === 'updated'))
    release()
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('نص الحفظ السريع.'), {
      timeout: 20_000
    })
    await page.close()
  })

  it('keeps the list of manuscripts current: a new title, a manuscript added', async () => {
    const page = await browser.newPage()
    await page.goto(preview.url)
    writeFileSync(manuscript, text('نص.').replace('ورقة المعاينة', 'ورقة بعنوان جديد'))
    await page.waitForFunction(() => document.body.innerText.includes('ورقة بعنوان جديد'), {timeout: 20_000})
    mkdirSync(path.join(folder, 'second'))
    writeFileSync(path.join(folder, 'second', 'index.md'), text('نص.').replace('ورقة المعاينة', 'الورقة الثانية'))
    await page.waitForFunction(() => document.body.innerText.includes('الورقة الثانية'), {timeout: 20_000})
    await page.close()
  })

  it('rebuilds the PDF and EPUB in the background after a save, and after the next', async () => {
    writeFileSync(manuscript, text('النص في الطبعة المطبوعة.'))
    const built = await builtWith('المطبوعة')
    expect(built.result.outputs.map((output) => path.basename(output))).toEqual(['paper.pdf', 'paper.epub'])

    // A change that is no manuscript's (a note beside them) stops nothing later: the next save is built.
    writeFileSync(path.join(folder, 'notes.txt'), 'ملاحظات')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    writeFileSync(manuscript, text('النص في الطبعة الثانية.'))
    const next = await builtWith('الثانية')
    expect(next.result.outputs.map((output) => path.basename(output))).toEqual(['paper.pdf', 'paper.epub'])
    const epub = await JSZip.loadAsync(readFileSync(path.join(folder, 'dist', 'paper.epub')))
    const sections = await Promise.all(
      Object.values(epub.files)
        .filter((entry) => entry.name.endsWith('.xhtml'))
        .map((entry) => entry.async('string'))
    )
    expect(sections.join('')).toContain('النص في الطبعة الثانية.')
  })

  it('builds the next save in the same browser process, kept running between saves', async () => {
    const before = preview.browser
    expect(before.launches).toBe(1)
    expect(before.pid).toBeGreaterThan(0)
    expect(isAlive(before.pid!)).toBe(true)
    writeFileSync(manuscript, text('النص في الطبعة الثالثة.'))
    await builtWith('الثالثة')
    expect(preview.browser).toEqual(before)
    expect(isAlive(before.pid!)).toBe(true)
  })
})

/** Waits for `check` to give something (polling, up to 90 s). */
async function until<T>(check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 90_000
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > deadline) throw new Error('Timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The first background build, from now on, whose PDF has `words`: builds of earlier saves may finish first. */
async function builtWith(words: string) {
  let from = events.length
  for (;;) {
    const built = await until(() =>
      events
        .slice(from)
        .find((event) => event.type === 'built' && event.result.ok && event.result.manuscript.slug === 'paper')
    )
    if (built.type === 'built' && pdfText(path.join(folder, 'dist', 'paper.pdf')).includes(words)) return built
    from = events.indexOf(built) + 1
  }
}

/** Whether a process runs (a zombie waiting for its parent does not). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], {encoding: 'utf8'})
}
