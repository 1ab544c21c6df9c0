import {readFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'

/** Content types of what a built site holds (Pagefind's index files are fetched as bytes). */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css'
}

/** A folder served over HTTP on the loopback address, as a static host would serve a site. */
export async function serveFolder(folder: string): Promise<{origin: string; close: () => Promise<void>}> {
  const server: Server = createServer(async (request, response) => {
    const {pathname} = new URL(request.url ?? '/', 'http://localhost')
    const file = path.join(folder, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '')
    if (!file.startsWith(folder + path.sep)) return void response.writeHead(403).end()
    try {
      const body = await readFile(file)
      response.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream'}).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
