#!/usr/bin/env node
// Makes sure this machine can build and test: a Chromium for printing, and the tools the tests use
// (epubcheck, poppler-utils). Runs after `npm install` (see `npm run setup`); uses no dependency.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'

// The list the build uses too (src/outputs/pdf/browser.ts); read as data, since nothing is compiled yet.
const systemBrowsers = JSON.parse(
  readFileSync(new URL('../src/outputs/pdf/system-browsers.json', import.meta.url), 'utf8')
)

/** What the tests need beside the browser, as Debian packages and the file that proves each is there. */
const testTools = [
  {package: 'epubcheck', file: '/usr/share/java/epubcheck.jar', what: 'the EPUB validator'},
  {package: 'poppler-utils', file: '/usr/bin/pdftotext', what: 'pdftotext, pdffonts and pdftoppm'},
  {package: 'default-jre-headless', command: 'java', what: 'Java, to run epubcheck'}
]

function log(message) {
  console.log(`setup: ${message}`)
}

async function puppeteerBrowser() {
  try {
    const {default: puppeteer} = await import('puppeteer')
    const path = puppeteer.executablePath()
    return path && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

async function findBrowser() {
  const fromEnvironment = process.env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnvironment) {
    if (existsSync(fromEnvironment)) return fromEnvironment
    throw new Error(`PUPPETEER_EXECUTABLE_PATH is ${fromEnvironment}, which does not exist`)
  }
  return (await puppeteerBrowser()) ?? systemBrowsers.find((candidate) => existsSync(candidate))
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], {stdio: 'ignore'}).status === 0
}

function isDebianLike() {
  if (!existsSync('/etc/os-release')) return false
  const release = readFileSync('/etc/os-release', 'utf8')
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release) && hasCommand('apt-get')
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

function aptInstall(packages) {
  log(`installing Debian packages: ${packages.join(' ')}`)
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'}
  execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env})
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {stdio: 'inherit', env})
}

async function main() {
  const missing = []
  let browser = await findBrowser()
  if (!browser) missing.push('chromium')
  for (const tool of testTools) {
    const present = tool.file ? existsSync(tool.file) : hasCommand(tool.command)
    if (!present) missing.push(tool.package)
  }

  if (missing.length > 0) {
    if (isRoot && isDebianLike()) {
      aptInstall(missing)
      browser = await findBrowser()
    } else {
      const list = missing.join(' ')
      console.error(
        [
          `setup: missing on this machine: ${list}.`,
          isDebianLike()
            ? `setup: install them with: sudo apt-get install -y ${list}`
            : 'setup: install Chromium (or Chrome) and set PUPPETEER_EXECUTABLE_PATH to it; the tests also need epubcheck (Java) and poppler (pdftotext).'
        ].join('\n')
      )
      if (!browser) process.exit(1)
    }
  }
  if (!browser) {
    console.error(
      'setup: no Chromium found after installing: set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable'
    )
    process.exit(1)
  }
  const version = spawnSync(browser, ['--version'], {encoding: 'utf8'}).stdout.trim()
  log(`browser: ${browser}${version ? ` (${version})` : ''}`)
}

main().catch((error) => {
  console.error(`setup: ${error.message}`)
  process.exit(1)
})
