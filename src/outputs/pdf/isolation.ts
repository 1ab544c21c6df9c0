import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {HTTPRequest, Page} from 'puppeteer'

/**
 * A tab that runs no script of the page's and reads nothing but what it is allowed: the folders of the
 * document being printed (its manuscript, the template, the fonts, the page itself) and `data:` URLs.
 * The pipeline's own layout runs through the DevTools protocol, which page scripts being off does not
 * stop. Every other request is refused and remembered: the sanitizer and the page's Content-Security-
 * Policy should have stopped it already, so one showing up here is worth reporting.
 */
interface Allowance {
  folders: string[]
  refused: string[]
}

const allowances = new WeakMap<Page, Allowance>()

export async function isolate(page: Page): Promise<void> {
  if (allowances.has(page)) return
  const allowance: Allowance = {folders: [], refused: []}
  allowances.set(page, allowance)
  await page.setJavaScriptEnabled(false)
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return
    if (isAllowed(request.url(), allowance.folders)) {
      void request.continue()
    } else {
      allowance.refused.push(request.url())
      void request.abort('blockedbyclient')
    }
  })
}

/** Lets the tab read these folders only, from now on; returns what it refused since the last call. */
export function allowOnly(page: Page, folders: string[]): string[] {
  const allowance = allowances.get(page)
  if (!allowance) return []
  allowance.folders = folders.map((folder) => path.resolve(folder))
  return allowance.refused.splice(0)
}

/** What the tab refused since the last call. */
export function refused(page: Page): string[] {
  return allowances.get(page)?.refused.splice(0) ?? []
}

export function isAllowed(url: string, folders: string[]): boolean {
  if (url.startsWith('data:') || url === 'about:blank') return true
  if (!url.startsWith('file:')) return false
  let file: string
  try {
    file = path.resolve(fileURLToPath(url))
  } catch {
    return false
  }
  return folders.some((folder) => file === folder || file.startsWith(folder + path.sep))
}
