import {createHash} from 'node:crypto'
import {watch as watchFiles, type FSWatcher} from 'node:fs'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import {isIPv6, type AddressInfo} from 'node:net'
import path from 'node:path'
import type {VFile} from 'vfile'
import {build, type ManuscriptResult} from '../run/build.js'
import {discoverManuscripts} from '../run/discover.js'
import {resolveWatchOptions, type WatchInput} from '../config/options.js'
import {Renderer} from '../run/render.js'
import {loadBrand, type Brand} from '../brand/brand.js'
import {readManuscript, type Manuscript} from '../manuscript/read.js'
import {htmlEdition, type Files} from '../outputs/html/edition.js'
import {BrowserPool} from '../outputs/pdf/pool.js'
import {createDocument} from '../pipeline/create-document.js'
import {errorPage, indexPage} from './pages.js'
import {Reloads} from './reloads.js'

export interface WatchHooks {
  onEvent?: ((event: WatchEvent) => void) | undefined
}

export type WatchEvent =
  | {type: 'updated'; slug: string; ok: boolean}
  | {type: 'built'; result: ManuscriptResult}
  /** A background build that could not run at all (the browser would not start, say). */
  | {type: 'build-failed'; message: string}

export interface Preview {
  url: string
  /** The browser the PDF and EPUB are built in, kept from one save to the next. */
  readonly browser: {launches: number; pid: number | undefined}
  close(): Promise<void>
}

interface Edition {
  manuscript: Manuscript
  title: string
  files?: Files
  /** The messages of a manuscript that has errors, shown in the page instead of a stale view. */
  error?: VFile
  version: number
}

/** Milliseconds the background build waits at most for the pages told to reload to ask for their new version. */
const reloadGrace = 300

/** Only the page may load; it may talk back to its own origin, for the reload signal. */
const policy =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'"
/**
 * The page's side of the reload signal. It names the version it shows when it connects, so a save made
 * while it was loading, before it was listening, still reloads it.
 */
const reloadScript = `const {pressSlug: slug, pressVersion: version} = document.documentElement.dataset
const source = new EventSource('/__press/events?' + new URLSearchParams({slug, version}))
source.onmessage = (event) => { if (slug === '*' || event.data === slug) location.reload() }
`

/**
 * `press watch`: each manuscript's web edition, served on localhost and rebuilt in memory on every save
 * (tens of milliseconds); the open page reloads itself. The PDF and EPUB follow in the background.
 */
export async function watch(input: WatchInput & WatchHooks = {}): Promise<Preview> {
  const options = resolveWatchOptions(input)
  const {cwd, paths, template, fonts, out} = options
  const emit = input.onEvent ?? (() => undefined)
  let brand: Brand = await loadBrand(template, fonts)
  const editions = new Map<string, Edition>()
  /** Counts every change of any edition: the version the list of manuscripts shows. */
  let generation = 0
  const versionOf = (slug: string) => String(slug === '*' ? generation : editions.get(slug)?.version)
  /** The open pages' connections for the reload signal, with the manuscript each shows ('*': the list). */
  const clients = new Map<ServerResponse, string>()
  const reloads = new Reloads()
  /** Tells the open pages that `slug` changed; the list of manuscripts changes with it. */
  const announce = (slug: string) => {
    generation++
    for (const client of clients.keys()) client.write(`data: ${slug}\n\n`)
    reloads.told([...clients.values()].filter((shown) => shown === slug || shown === '*').length)
  }

  const render = async (manuscript: Manuscript): Promise<void> => {
    // A manuscript removed or renamed between listing and reading: the next change drops it from the list.
    const file = await readManuscript(manuscript, cwd).catch(() => undefined)
    if (!file) return
    const previous = editions.get(manuscript.slug)
    const edition: Edition = {
      manuscript,
      title: previous?.title ?? manuscript.slug,
      version: (previous?.version ?? 0) + 1
    }
    try {
      const document = await createDocument(manuscript, file, brand.data.labels)
      if (document) {
        edition.files = sameFilesKept(await htmlEdition(document, brand), previous?.files)
        edition.title = document.meta.title
      } else {
        edition.error = file
      }
    } catch (error) {
      file.message(`Could not render: ${error instanceof Error ? error.message : String(error)}`).fatal = true
      edition.error = file
    }
    editions.set(manuscript.slug, edition)
    emit({type: 'updated', slug: manuscript.slug, ok: !edition.error})
    announce(manuscript.slug)
  }

  const discover = async () => {
    const manuscripts = await discoverManuscripts(paths)
    for (const slug of editions.keys()) {
      if (!manuscripts.some((manuscript) => manuscript.slug === slug)) {
        editions.delete(slug)
        announce(slug)
      }
    }
    return manuscripts
  }
  for (const manuscript of await discover()) await render(manuscript)

  // One browser for every background build, started now and kept warm (its tab holding the brand's
  // shell, the writers loaded) so that a save costs only its own document's work.
  const pool = options.background === false ? undefined : new BrowserPool({tabs: 1})
  /** The template's, fonts' and code's hashes for the builds' cache, kept until the template or fonts change. */
  const folderHashes = new Map<string, Promise<string>>()
  // Background builds run one at a time; a save during one is built after it.
  const pending = new Set<string>()
  let building: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  const buildPending = async () => {
    while (pending.size > 0) {
      // The pages reloading come first: they are served by this process, on the same cores.
      await reloads.settled(reloadGrace)
      const batch = [...pending]
      pending.clear()
      try {
        const result = await build({paths: batch, out, cwd, template, pool, folderHashes})
        for (const entry of result.results) emit({type: 'built', result: entry})
      } catch (error) {
        emit({type: 'build-failed', message: error instanceof Error ? error.message : String(error)})
      }
    }
  }
  const startBuilding = () => {
    if (building || pending.size === 0) return
    building = buildPending().finally(() => {
      building = undefined
      startBuilding()
    })
  }
  const scheduleBuild = (manuscripts: Manuscript[]) => {
    if (!options.background || manuscripts.length === 0) return
    for (const manuscript of manuscripts) pending.add(manuscript.path)
    clearTimeout(timer)
    timer = setTimeout(startBuilding, options.debounce)
  }

  let changeTimer: NodeJS.Timeout | undefined
  const changed = new Set<string>()
  const onChange = (file: string) => {
    changed.add(file)
    clearTimeout(changeTimer)
    changeTimer = setTimeout(async () => {
      const files = [...changed]
      changed.clear()
      const templateChanged = files.some(
        (name) => name.startsWith(template + path.sep) || name.startsWith(fonts + path.sep)
      )
      if (templateChanged) {
        folderHashes.clear()
        brand = await loadBrand(template, fonts).catch(() => brand)
      }
      const manuscripts = await discover().catch(() => [])
      const affected = templateChanged
        ? manuscripts
        : manuscripts.filter(
            (manuscript) =>
              files.some((name) => name === manuscript.path || name.startsWith(manuscript.folder + path.sep)) ||
              !editions.has(manuscript.slug)
          )
      for (const manuscript of affected) await render(manuscript)
      scheduleBuild(affected)
    }, 60)
  }

  const watchers: FSWatcher[] = []
  for (const folder of [
    ...new Set(paths.map((given) => (given.endsWith('.md') ? path.dirname(given) : given))),
    template,
    fonts
  ]) {
    watchers.push(
      watchFiles(folder, {recursive: true}, (_event, name) => {
        if (
          !name ||
          String(name)
            .split(path.sep)
            .some((part) => part.startsWith('.'))
        )
          return
        const file = path.join(folder, String(name))
        // The builds' own outputs, when the output folder is among the watched ones, are not edits.
        if (file === out || file.startsWith(out + path.sep)) return
        onChange(file)
      })
    )
  }

  /** The files' tags for the browser's cache, each computed once. */
  const tags = new WeakMap<Uint8Array, string>()
  const tagOf = (content: Uint8Array | string) => {
    if (typeof content === 'string') return digest(content)
    let tag = tags.get(content)
    if (!tag) tags.set(content, (tag = digest(content)))
    return tag
  }
  const server = createServer((request, response) => serve(request, response))
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const send = (status: number, type: string, body: string | Uint8Array) => {
      response.writeHead(status, {'content-type': type, 'cache-control': 'no-store', 'content-security-policy': policy})
      response.end(body)
    }
    if (url.pathname === '/__press/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      response.write(': connected\n\n')
      const slug = url.searchParams.get('slug') ?? '*'
      clients.set(response, slug)
      request.on('close', () => clients.delete(response))
      if (url.searchParams.get('version') !== versionOf(slug)) response.write(`data: ${slug}\n\n`)
      return
    }
    if (url.pathname === '/__press/reload.js') return send(200, 'text/javascript; charset=utf-8', reloadScript)
    if (url.pathname === '/') {
      reloads.served()
      return send(
        200,
        'text/html; charset=utf-8',
        indexPage(
          [...editions.values()].map((edition) => ({
            slug: edition.manuscript.slug,
            title: edition.title,
            ok: !edition.error
          })),
          versionOf('*')
        )
      )
    }
    const [, slug = '', ...rest] = decodeURIComponent(url.pathname).split('/')
    const edition = editions.get(slug)
    if (!edition) return send(404, 'text/plain; charset=utf-8', 'Not found')
    if (rest.length === 0) {
      response.writeHead(302, {location: `/${encodeURIComponent(slug)}/`})
      return response.end()
    }
    const name = rest.join('/') || 'index.html'
    if (name === 'index.html') {
      reloads.served()
      const version = versionOf(slug)
      const page = edition.error
        ? errorPage(edition.error, slug, version)
        : withReload(String(edition.files!.get('index.html')), slug, version)
      return send(200, 'text/html; charset=utf-8', page)
    }
    const content = edition.files?.get(name)
    if (content === undefined) return send(404, 'text/plain; charset=utf-8', 'Not found')
    // Fonts, stylesheets and images: a reloading page asks again and keeps its copy (fonts decoded) when
    // they have not changed.
    const tag = tagOf(content)
    if (request.headers['if-none-match'] === tag) {
      response.writeHead(304, {etag: tag, 'cache-control': 'no-cache'})
      return response.end()
    }
    response.writeHead(200, {
      'content-type': contentType(name),
      'cache-control': 'no-cache',
      etag: tag,
      'content-security-policy': policy
    })
    return response.end(content)
  }

  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve))
  const {port} = server.address() as AddressInfo
  if (pool) {
    pool.start().catch(() => undefined)
    // A failure to start is reported by the first build, which tries again.
    Renderer.create(template, fonts, pool, {timeout: options.timeout * 1000}).then(
      (renderer) => renderer.warm(),
      () => undefined
    )
  }
  return {
    url: pageAddress(options.host, port),
    get browser() {
      return {launches: pool?.launches ?? 0, pid: pool?.pid}
    },
    async close() {
      clearTimeout(timer)
      clearTimeout(changeTimer)
      for (const watcher of watchers) watcher.close()
      for (const client of clients.keys()) client.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await building
      await pool?.close()
    }
  }
}

/** The address to open: `localhost` when only this machine is served. */
function pageAddress(host: string, port: number): string {
  const url = new URL('http://localhost/')
  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.')
  if (!loopback) url.hostname = isIPv6(host) ? `[${host}]` : host
  url.port = String(port)
  return url.href
}

/** The files unchanged since the previous edition, kept as they were: their tags for the browser's cache are known. */
function sameFilesKept(files: Files, previous: Files | undefined): Files {
  for (const [name, content] of files) {
    const before = previous?.get(name)
    if (before instanceof Uint8Array && content instanceof Uint8Array && Buffer.compare(before, content) === 0)
      files.set(name, before)
  }
  return files
}

function digest(content: Uint8Array | string): string {
  return `"${createHash('sha256').update(content).digest('base64url')}"`
}

function withReload(html: string, slug: string, version: string): string {
  return html
    .replace(
      /<meta http-equiv="content-security-policy" content="[^"]*">/i,
      `<meta http-equiv="content-security-policy" content="${policy}">`
    )
    .replace('<html ', `<html data-press-slug="${escapeAttribute(slug)}" data-press-version="${version}" `)
    .replace('</head>', '<script src="/__press/reload.js" defer></script></head>')
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp'
}

function contentType(name: string): string {
  return types[path.extname(name).toLowerCase()] ?? 'application/octet-stream'
}
