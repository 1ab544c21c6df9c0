/**
 * epub-gen-memory's templates (EJS), rewritten for books that are not English and not left to right:
 * the library's own hard-code `xml:lang="en"`, have no `dir`, no page progression and a random date.
 * What depends on the book comes in as `<%- metadata %>`, `<%- nav %>` and `<%- landmarks %>`, written
 * and escaped by the writer.
 */
export function contentOpf(lang: string, dir: 'rtl' | 'ltr'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}" dir="${dir}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<%- metadata %>
  </metadata>
  <manifest>
    <item id="nav" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
<% images.forEach(function (image, index) { %>    <item id="image-<%= index + 1 %>" href="images/<%= image.id %>.<%= image.extension %>" media-type="<%= image.mediaType %>"<% if (image.url === coverUrl) { %> properties="cover-image"<% } %>/>
<% }) %><% fonts.forEach(function (font, index) { %>    <item id="font-<%= index + 1 %>" href="fonts/<%= font.filename %>" media-type="<%= font.mediaType %>"/>
<% }) %><% content.forEach(function (chapter) { %>    <item id="<%= chapter.id %>" href="<%= chapter.filename %>" media-type="application/xhtml+xml"/>
<% }) %>  </manifest>
  <spine toc="ncx" page-progression-direction="${dir}">
<% content.forEach(function (chapter) { if (chapter.beforeToc) { %>    <itemref idref="<%= chapter.id %>"/>
<% } }) %>    <itemref idref="nav"/>
<% content.forEach(function (chapter) { if (!chapter.beforeToc) { %>    <itemref idref="<%= chapter.id %>"/>
<% } }) %>  </spine>
</package>
`
}

/** An XHTML page of the book: language and direction on the root and the body, the book's stylesheet. */
function xhtml(lang: string, dir: string, title: string, bodyClass: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}" dir="${dir}">
<head>
  <meta charset="UTF-8"/>
  <title>${title}</title>
  <link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body dir="${dir}"${bodyClass ? ` class="${bodyClass}"` : ''}>
${body}
</body>
</html>
`
}

export function tocXhtml(lang: string, dir: 'rtl' | 'ltr'): string {
  return xhtml(
    lang,
    dir,
    '<%= tocTitle %>',
    'contents-page',
    `  <nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">
    <h1 id="toc-title"><%= tocTitle %></h1>
<%- nav %>
  </nav>
  <nav epub:type="landmarks" id="landmarks" hidden="hidden">
<%- landmarks %>
  </nav>`
  )
}

export function chapterXhtml(lang: string, dir: 'rtl' | 'ltr'): string {
  return xhtml(lang, dir, '<%= title %>', '', '<%- content %>')
}

/**
 * A page whose language and direction are its own (a paper in English inside an Arabic collection): read
 * from the chapter, which carries `lang` and `dir` (withChapterData).
 */
export function ownLanguageChapterXhtml(): string {
  return xhtml('<%= lang %>', '<%= dir %>', '<%= title %>', '', '<%- content %>')
}

/**
 * The NCX of a book whose navigation is nested (a collection: paper, then its sections), for reading
 * systems of EPUB 2: the navigation points are written by the writer, as `<%- navMap %>`, with their depth.
 */
export function tocNcx(lang: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${lang}">
  <head>
    <meta name="dtb:uid" content="<%= id %>"/>
    <meta name="dtb:depth" content="<%= navDepth %>"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle>
    <text><%= title %></text>
  </docTitle>
  <navMap>
<%- navMap %>
  </navMap>
</ncx>
`
}
