/** What each twin (files.weapp.ts / files.h5.ts) provides; both must match it. */
export interface FilesService {
  /** Hands a CSV text to the person as a file; resolves false if that did not happen. */
  exportCsv (fileName: string, content: string): Promise<boolean>
}
