import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The project's own folder: templates/ and fonts/ are found beside src/ (or lib/ once compiled). */
export const projectFolder = fileURLToPath(new URL('../../', import.meta.url))

/** The typefaces every template draws on. */
export const fontsFolder = path.join(projectFolder, 'fonts')
