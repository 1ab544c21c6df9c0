/** What the .docx reader keeps of a Word paragraph on the mdast block made from it (`node.data.docx`). */
export interface DocxParagraphInfo {
  paragraph: number /* 1-based, for messages */
  style?: string /* 'Title', 'Subtitle', 'Heading 1', Arabic names… */
  outlineLevel?: number /* 0-based */
  bold: boolean /* all runs bold */
  size?: number /* largest run size, half-points */
  align?: 'start' | 'center' | 'end' | 'both'
  pageBreakBefore: boolean
}

/** The document properties of `docProps/core.xml`. */
export interface CoreProperties {
  title?: string
  subject?: string
  creator?: string
  created?: string
  modified?: string
  language?: string
}
