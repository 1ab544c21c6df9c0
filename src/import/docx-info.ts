/**
 * What the reader knew about the Word paragraph a block was made from, kept on `node.data.docx` so that
 * recognition (front matter, boilerplate, headings from bold lines) can judge blocks by their looks.
 */
export interface DocxParagraphInfo {
  /**
   * 1-based index of the paragraph in the body (paragraphs in tables and text boxes counted too), for
   * messages; in a note's definition, within that note.
   */
  paragraph: number
  /** The paragraph style's name as Word shows it (`Title`, `Subtitle`, `heading 1`, or an Arabic name). */
  style?: string
  /** 0-based outline level, from the paragraph or its style chain. */
  outlineLevel?: number
  /** Every text run is bold (`w:b` or `w:bCs`, directly or through the styles). */
  bold: boolean
  /** The largest run size, in half-points. */
  size?: number
  align?: 'start' | 'center' | 'end' | 'both'
  /** A page break or a section break comes before this paragraph. */
  pageBreakBefore: boolean
}

/** The document properties (docProps/core.xml): a fallback only, they often name the template's maker. */
export interface CoreProperties {
  title?: string
  subject?: string
  creator?: string
  description?: string
  keywords?: string
  /** `dcterms:created`, as written (W3CDTF). */
  created?: string
  modified?: string
}

declare module 'mdast' {
  interface Data {
    docx?: DocxParagraphInfo
  }
}

declare module 'mdast' {
  interface ListData {
    /** The Word numbering instance a list was made from, so that its neighbours are not merged into it. */
    numId?: string
  }
}
