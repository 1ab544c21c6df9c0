import {existsSync} from 'node:fs'
import puppeteer, {type Browser} from 'puppeteer'
// Browsers a machine may already have, most specific first; data, since `npm run setup` reads it too.
import systemBrowsers from './system-browsers.json' with {type: 'json'}

export class BrowserNotFoundError extends Error {
  constructor() {
    super('No Chromium found: run `npm run setup`, or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable')
  }
}

/** `PUPPETEER_EXECUTABLE_PATH`, then a browser Puppeteer downloaded itself, then the system's Chromium. */
export function findBrowser(): string {
  const fromEnvironment = process.env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnvironment) {
    if (existsSync(fromEnvironment)) return fromEnvironment
    throw new Error(`PUPPETEER_EXECUTABLE_PATH is ${fromEnvironment}, which does not exist`)
  }
  try {
    const own = puppeteer.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Puppeteer has no browser of its own here: look for the system's.
  }
  const system = systemBrowsers.find((candidate) => existsSync(candidate))
  if (system) return system
  throw new BrowserNotFoundError()
}

/**
 * Flags for printing on a closed machine: no sandbox when running as root (Chromium refuses otherwise),
 * and none of the background traffic (updates, sync, field trials) that a print job has no use for.
 */
export const browserArguments = [
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--mute-audio',
  '--font-render-hinting=none',
  // The new headless mode builds the address bar's pop-ups ahead of use: half the browser's start-up
  // work, for a window no one sees. (Puppeteer merges these with its own disabled features.)
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup'
]

export async function launchBrowser(): Promise<Browser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
  return puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: [...browserArguments, ...(asRoot ? ['--no-sandbox'] : [])],
    // Puppeteer's own defaults include flags that start background services; ours replace them.
    ignoreDefaultArgs: ['--enable-automation'],
    // Over a pipe rather than a port: Chromium exits when the pipe closes, so a build killed outright
    // (SIGKILL, an out-of-memory kill) leaves no browser behind; and no port is opened on the machine.
    pipe: true
  })
}
