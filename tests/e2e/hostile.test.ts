import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../../src/run/build.js'
import {epubEntries} from '../helpers/tools.js'

/**
 * The bad-input corpus: manuscripts as they come from many authors, pasted from Word or the web, and
 * some written to do harm. Each case says what must happen: an error (nothing built for it) or warnings
 * (built all the same), each message placed at its line. All are built in one batch, with a spy server
 * on 127.0.0.1 that must receive no request, and a secret file beside the manuscripts that must appear in
 * no output.
 */
const secret = 'TOP-SECRET-7d1f-do-not-print'
const root = mkdtempSync(path.join(os.tmpdir(), 'press-hostile-'))
let spy: Server
let spyHits: string[] = []
let spyUrl = ''
let result: BuildResult
const out = path.join(root, 'dist')

interface Case {
  name: string
  text: string | Buffer | ((spy: string) => string | Buffer)
  files?: Record<string, string | Buffer>
  setup?: (folder: string) => void
  /** Nothing built: the messages include an error. */
  fails: boolean
  /** [severity, rule, line] of every message, in order. */
  messages: Array<['error' | 'warning', string, number]>
}

const front = (...extra: string[]) =>
  ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31', ...extra, '---', ''].join('\n')
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)

const cases: Case[] = [
  {
    name: 'fm-not-yaml',
    text: ['---', 'title: [مفتوح', 'authors: [كاتب]', 'date: 2024-10-31', '---', '', 'نص.'].join('\n'),
    fails: true,
    messages: [['error', 'front-matter-yaml', 3]]
  },
  {
    name: 'fm-not-closed',
    text: ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-10-31', '', 'نص.'].join('\n'),
    fails: true,
    messages: [['error', 'front-matter-missing', 1]]
  },
  {
    name: 'fm-wrong-type',
    text: ['---', 'title: ورقة', 'authors: 5', 'date: 2024-10-31', '---', '', 'نص.'].join('\n'),
    fails: true,
    messages: [['error', 'front-matter-schema', 3]]
  },
  {
    name: 'fm-missing-title',
    text: ['---', 'authors: [كاتب]', 'date: 2024-10-31', '---', '', 'نص.'].join('\n'),
    fails: true,
    messages: [['error', 'front-matter-schema', 1]]
  },
  {
    name: 'fm-missing-authors',
    text: ['---', 'title: ورقة', 'date: 2024-10-31', '---', '', 'نص.'].join('\n'),
    fails: true,
    messages: [['error', 'front-matter-schema', 1]]
  },
  {
    name: 'fm-missing-date',
    text: ['---', 'title: ورقة', 'authors: [كاتب]', '---', '', 'نص.'].join('\n'),
    fails: true,
    messages: [['error', 'front-matter-schema', 1]]
  },
  {
    name: 'fm-impossible-date',
    text: ['---', 'title: ورقة', 'authors: [كاتب]', 'date: 2024-02-30', '---', '', 'نص.'].join('\n'),
    fails: true,
    messages: [['error', 'front-matter-schema', 4]]
  },
  {
    name: 'fm-unknown-key',
    text: front('colour: أحمر') + 'نص.',
    fails: false,
    messages: [['warning', 'front-matter-unknown-key', 5]]
  },
  {name: 'empty-file', text: '', fails: true, messages: [['error', 'front-matter-missing', 1]]},
  {name: 'only-front-matter', text: front(), fails: false, messages: []},
  {
    name: 'invalid-utf8',
    text: Buffer.concat([Buffer.from(front() + 'نص '), Buffer.from([0xc3, 0x28]), Buffer.from(' بقية')]),
    fails: true,
    messages: [['error', 'encoding', 6]]
  },
  {
    name: 'nul-bytes',
    text: Buffer.concat([Buffer.from(front() + '\nنص'), Buffer.from([0]), Buffer.from('بقية')]),
    fails: true,
    messages: [['error', 'encoding', 7]]
  },
  {name: 'byte-order-mark', text: '\uFEFF' + front() + 'نص.', fails: false, messages: []},
  {name: 'crlf', text: (front() + 'نص.\n\n## قسم\n\nنص آخر.').replace(/\n/g, '\r\n'), fails: false, messages: []},
  {
    name: 'five-megabytes',
    text: front() + 'نص طويل جداً. '.repeat((5 * 2 ** 20) / 24),
    fails: true,
    messages: [['error', 'size', 1]]
  },
  {name: 'long-line', text: front() + 'كلمة '.repeat(4000), fails: false, messages: []},
  {
    name: 'nested-lists',
    text: front() + Array.from({length: 500}, (_, depth) => `${'  '.repeat(depth)}- بند`).join('\n'),
    fails: true,
    messages: [['error', 'nesting-depth', 38]]
  },
  {
    name: 'nested-quotes',
    text: front() + `${'> '.repeat(500)}اقتباس`,
    fails: true,
    messages: [['error', 'nesting-depth', 6]]
  },
  {
    name: 'note-call-without-note',
    text: front() + 'نص[^غائب].',
    fails: false,
    messages: [['warning', 'note-missing', 6]]
  },
  {
    name: 'note-never-called',
    text: front() + 'نص.\n\n[^1]: هامش.',
    fails: false,
    messages: [['warning', 'note-unused', 8]]
  },
  {
    name: 'note-twice',
    text: front() + 'نص[^1].\n\n[^1]: الأول.\n[^1]: الثاني.',
    fails: false,
    messages: [['warning', 'note-duplicate', 9]]
  },
  {
    name: 'image-missing',
    text: front() + '![خريطة](missing.png)',
    fails: true,
    messages: [['error', 'image-missing', 6]]
  },
  {
    name: 'image-not-an-image',
    text: front() + '![خريطة](map.png)',
    files: {'map.png': 'not a picture'},
    fails: true,
    messages: [['error', 'image-type', 6]]
  },
  {
    name: 'image-fifty-megabytes',
    text: front() + '![خريطة](huge.png)',
    files: {'huge.png': Buffer.concat([png, Buffer.alloc(50 * 2 ** 20)])},
    fails: true,
    messages: [['error', 'image-size', 6]]
  },
  {
    name: 'image-leaves-folder',
    text: front() + '![سر](../../etc/passwd)\n\n![سر](../secret.png)',
    fails: true,
    messages: [
      ['error', 'image-outside', 6],
      ['error', 'image-outside', 8]
    ]
  },
  {
    name: 'image-absolute-path',
    text: front() + '![سر](/etc/passwd)',
    fails: true,
    messages: [['error', 'image-outside', 6]]
  },
  {
    name: 'image-symlink-out',
    text: front() + '![سر](link.png)',
    setup: (folder) => symlinkSync(path.join(root, 'secret.png'), path.join(folder, 'link.png')),
    fails: true,
    messages: [['error', 'image-outside', 6]]
  },
  {
    name: 'image-remote',
    text: (spy) => front() + `![صورة](${spy}markdown.png)\n\n<img src="${spy}raw.png" alt="صورة">`,
    fails: true,
    messages: [
      ['error', 'image-remote', 6],
      ['error', 'image-remote', 8]
    ]
  },
  {
    name: 'svg-with-script',
    text: front() + '![رسم](evil.svg)',
    files: {'evil.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'},
    fails: true,
    messages: [['error', 'image-type', 6]]
  },
  {
    name: 'raw-script',
    text: (spy) => front() + `<script>fetch('${spy}script')</script>\n\nنص.`,
    fails: false,
    messages: [['warning', 'unsafe-html', 6]]
  },
  {
    name: 'raw-iframe',
    text: (spy) => front() + `<iframe src="${spy}iframe"></iframe>\n\nنص.`,
    fails: false,
    messages: [['warning', 'unsafe-html', 6]]
  },
  {
    name: 'raw-object',
    text: (spy) => front() + `<object data="${spy}object"></object>\n\nنص.`,
    fails: false,
    messages: [['warning', 'unsafe-html', 6]]
  },
  {
    name: 'raw-meta-refresh',
    text: (spy) => front() + `<meta http-equiv="refresh" content="0;url=${spy}meta">\n\nنص.`,
    fails: false,
    messages: [['warning', 'unsafe-html', 6]]
  },
  {
    name: 'raw-link-stylesheet',
    text: (spy) => front() + `<link rel="stylesheet" href="${spy}style.css">\n\nنص.`,
    fails: false,
    messages: [['warning', 'unsafe-html', 6]]
  },
  {
    name: 'raw-style-import',
    text: (spy) => front() + `<style>@import url(${spy}import.css);</style>\n\nنص.`,
    fails: false,
    messages: [['warning', 'unsafe-html', 6]]
  },
  {
    name: 'style-attribute-url',
    text: (spy) => front() + `<p style="background:url(${spy}background.png)">نص.</p>`,
    fails: false,
    messages: [['warning', 'unsafe-html', 6]]
  },
  {
    name: 'event-handlers',
    text: (spy) => front() + `<p onclick="fetch('${spy}click')" onmouseover="x()">نص.</p>`,
    fails: false,
    messages: [
      ['warning', 'unsafe-html', 6],
      ['warning', 'unsafe-html', 6]
    ]
  },
  {
    name: 'javascript-link',
    text: front() + '<a href="javascript:alert(1)">رابط</a>\n\n[رابط](javascript:alert(1))',
    fails: false,
    messages: [
      ['warning', 'unsafe-html', 6],
      ['warning', 'unsafe-html', 8]
    ]
  },
  {
    name: 'table-2000-rows',
    text:
      front() +
      ['| البند | القيمة |', '| --- | --- |', ...Array.from({length: 2000}, (_, i) => `| بند ${i} | ${i} |`)].join(
        '\n'
      ),
    fails: false,
    messages: []
  },
  {
    name: 'heading-3000-characters',
    text: front() + `## ${'عنوان طويل '.repeat(273)}\n\nنص.`,
    fails: false,
    messages: [['warning', 'heading-length', 6]]
  }
]

beforeAll(async () => {
  spy = createServer((request, response) => {
    spyHits.push(request.url ?? '')
    response.end('spy')
  })
  await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve))
  spyUrl = `http://127.0.0.1:${(spy.address() as AddressInfo).port}/`
  writeFileSync(path.join(root, 'secret.png'), secret)
  for (const entry of cases) {
    const folder = path.join(root, 'corpus', entry.name)
    mkdirSync(folder, {recursive: true})
    const text = typeof entry.text === 'function' ? entry.text(spyUrl) : entry.text
    writeFileSync(path.join(folder, 'index.md'), text)
    for (const [name, content] of Object.entries(entry.files ?? {})) writeFileSync(path.join(folder, name), content)
    entry.setup?.(folder)
  }
  spyHits = []
  result = await build({paths: [path.join(root, 'corpus')], out, cwd: root})
}, 600_000)

afterAll(async () => {
  await new Promise<void>((resolve) => spy?.close(() => resolve()))
})

describe('the bad-input corpus', () => {
  it('has at least thirty cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  it.each(cases.map((entry) => [entry.name, entry] as const))(
    '%s: the expected messages, each placed, and outputs exactly when it builds',
    (name, entry) => {
      const built = result.results.find((candidate) => candidate.manuscript.slug === name)!
      expect(built, name).toBeDefined()
      const messages = built.file!.messages
      expect(messages.map((message) => [message.fatal ? 'error' : 'warning', message.ruleId, message.line])).toEqual(
        entry.messages
      )
      for (const message of messages)
        expect(String(message)).toMatch(new RegExp(`^corpus/${name}/index\\.md:\\d+:\\d+: `))
      expect(built.ok).toBe(!entry.fails)
      for (const extension of ['pdf', 'epub'])
        expect(existsSync(path.join(out, `${name}.${extension}`)), extension).toBe(!entry.fails)
    }
  )

  it('leaves no partial or temporary file in the output folder', () => {
    const names = readdirSync(out).filter((name) => name !== '.cache')
    expect(names.every((name) => /^[a-z0-9-]+\.(pdf|epub)$/.test(name))).toBe(true)
  })

  it('makes no network request while rendering', () => {
    expect(spyHits).toEqual([])
  })

  it('puts no file from outside the folders into any output', async () => {
    for (const name of readdirSync(out).filter((file) => /\.(pdf|epub)$/.test(file))) {
      const file = path.join(out, name)
      expect(readFileSync(file).includes(secret), name).toBe(false)
      if (name.endsWith('.pdf'))
        expect(execFileSync('pdftotext', ['-q', file, '-'], {encoding: 'utf8'})).not.toContain(secret)
      else expect([...(await epubEntries(file)).values()].join('')).not.toContain(secret)
    }
  })

  it('counts the batch failed, and exactly the manuscripts with an error as not built', () => {
    expect(result.ok).toBe(false)
    const failed = result.results
      .filter((entry) => !entry.ok)
      .map((entry) => entry.manuscript.slug)
      .sort()
    expect(failed).toEqual(
      cases
        .filter((entry) => entry.fails)
        .map((entry) => entry.name)
        .sort()
    )
  })
})
