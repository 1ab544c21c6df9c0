import JSZip from 'jszip'

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const packageRelationships =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'

/** A document.xml around the given body XML. */
export function documentXml(body: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`
}

/**
 * A small Word file written by hand, for cases no word processor writes (hostile archives): the three
 * parts a .docx needs, with other entries added or replaced; `level` 0 stores them.
 */
export async function docxWith(entries: Record<string, string | Uint8Array>, level = 6): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', contentTypes)
  zip.file('_rels/.rels', packageRelationships)
  zip.file('word/document.xml', documentXml('<w:p><w:r><w:t>نص</w:t></w:r></w:p>'))
  for (const [name, content] of Object.entries(entries)) zip.file(name, content)
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: level === 0 ? 'STORE' : 'DEFLATE',
    compressionOptions: {level}
  })
}
