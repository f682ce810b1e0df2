import type { FilesService } from './files-types'

/** Offers a CSV text as a downloaded file. Resolves true once the download was started. */
export const exportCsv: FilesService['exportCsv'] = async (fileName, content) => {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }))
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.click()
    return true
  } finally {
    // The click has handed the blob to the download; revoking later frees it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
