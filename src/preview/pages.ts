import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {VFile} from 'vfile'

const style = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem;color:#1b1b1b;background:#f6f3ec}
h1{color:#14284B;font-size:1.4rem}li{margin:.4rem 0}a{color:#14284B}
.error{background:#fff;border-inline-start:4px solid #b3261e;padding:1rem 1.25rem;box-shadow:0 1px 3px rgb(0 0 0 / .1)}
.error pre{white-space:pre-wrap;font-size:.95rem;direction:ltr;text-align:left;unicode-bidi:plaintext}
.failed{color:#b3261e}`

/** `slug` is `*` for the list of manuscripts; `version` is what the page shows, for the reload signal. */
function page(title: string, slug: string, version: string, body: Parameters<typeof h>[2]): string {
  return (
    '<!doctype html>' +
    toHtml(
      h('html', {lang: 'ar', dir: 'rtl', dataPressSlug: slug, dataPressVersion: version}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', title),
          h('style', style),
          h('script', {src: '/__press/reload.js', defer: true})
        ]),
        h('body', body)
      ])
    )
  )
}

/** The list of manuscripts being watched. */
export function indexPage(editions: Array<{slug: string; title: string; ok: boolean}>, version: string): string {
  return page('Hammurabi Press', '*', version, [
    h('h1', 'Hammurabi Press'),
    h(
      'ul',
      editions.map((edition) =>
        h('li', [
          h('a', {href: `/${encodeURIComponent(edition.slug)}/`}, edition.title),
          ' ',
          h('small', {dir: 'ltr'}, edition.slug),
          edition.ok ? '' : h('strong.failed', ' — خطأ')
        ])
      )
    )
  ])
}

/** What is wrong with a manuscript, in place of its page, until the next good save. */
export function errorPage(file: VFile, slug: string, version: string): string {
  const lines = file.messages.map(
    (message) =>
      `${message.file}:${message.line ?? 1}:${message.column ?? 1}: ${message.fatal ? 'error' : 'warning'}: ${message.reason}`
  )
  return page(`خطأ في ${slug}`, slug, version, [
    h('h1', `لا يمكن عرض «${slug}»`),
    h('div.error', {role: 'alert'}, [h('pre', lines.join('\n'))]),
    h('p', 'صحّح الملف واحفظه: تتحدث الصفحة تلقائياً.')
  ])
}
