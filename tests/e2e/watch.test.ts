import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchBrowser} from '../../src/outputs/pdf/browser.js'
import {watch, type Preview, type WatchEvent} from '../../src/preview/server.js'

const folder = mkdtempSync(path.join(os.tmpdir(), 'press-watch-'))
const manuscript = path.join(folder, 'paper', 'index.md')
const text = (body: string, date = '2024-10-31') => ['---', 'title: ورقة المعاينة', 'authors: [كاتب]', `date: ${date}`, '---', '', body, ''].join('\n')
const events: WatchEvent[] = []
let preview: Preview
let browser: Browser

beforeAll(async () => {
  mkdirSync(path.dirname(manuscript))
  writeFileSync(manuscript, text('النص الأول.'))
  preview = await watch({paths: [folder], port: 0, cwd: folder, out: path.join(folder, 'dist'), debounce: 100, onEvent: (event) => events.push(event)})
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
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('النص بعد التعديل.'), {timeout: 20_000})

    // A broken save: the page shows the error, with file, line and message, instead of a stale view.
    writeFileSync(manuscript, text('نص.', '2024-02-30'))
    await page.waitForFunction(() => document.querySelector('[role="alert"]') !== null, {timeout: 20_000})
    const alert = await page.$eval('[role="alert"]', (element) => element.textContent ?? '')
    expect(alert).toContain('paper/index.md:4:7')
    expect(alert).toContain('`date` must be a calendar date')

    // And recovers on the next good save.
    writeFileSync(manuscript, text('النص بعد الإصلاح.'))
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('النص بعد الإصلاح.'), {timeout: 20_000})
    await page.close()
  }, 120_000)

  it('rebuilds the PDF and EPUB in the background after a save', async () => {
    const deadline = Date.now() + 90_000
    while (!events.some((event) => event.type === 'built' && event.result.ok) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const built = events.find((event) => event.type === 'built' && event.result.ok)
    expect(built?.type === 'built' && built.result.outputs.map((output) => path.basename(output))).toEqual(['paper.pdf', 'paper.epub'])
  }, 120_000)
})
